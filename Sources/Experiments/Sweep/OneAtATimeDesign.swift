/// One-at-a-time design (the data of a tornado chart): each parameter at its low value, then
/// its high value, every other parameter as in the base scenario; last, the base scenario
/// itself, so each bar can be drawn from the base outwards.
public enum OneAtATimeDesign {
    /// Point 2i sets parameter i to its low value, point 2i + 1 to its high value; the base
    /// point (``basePoint(parameters:)``) follows them.
    public static func points(parameters: Int) -> [(parameter: Int, high: Bool)] {
        (0..<parameters).flatMap { [($0, false), ($0, true)] }
    }

    /// The index of the base scenario's point: after every low and high point.
    public static func basePoint(parameters: Int) -> Int { 2 * parameters }
}
