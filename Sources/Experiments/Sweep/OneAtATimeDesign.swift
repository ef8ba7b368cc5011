/// One-at-a-time design (the data of a tornado chart): each parameter at its low value, then
/// its high value, every other parameter as in the base scenario.
public enum OneAtATimeDesign {
    /// Point 2i sets parameter i to its low value, point 2i + 1 to its high value.
    public static func points(parameters: Int) -> [(parameter: Int, high: Bool)] {
        (0..<parameters).flatMap { [($0, false), ($0, true)] }
    }
}
