import ProgramModel

/// Full factorial design: every combination of every parameter's levels.
public enum GridDesign {
    /// The combinations in nested-loop order: the first parameter varies slowest, the last
    /// fastest (like `for a in A { for b in B { ... } }`), so point numbers are predictable.
    ///
    ///     GridDesign.points([[1, 2], ["x", "y", "z"]])
    ///     // [1,"x"], [1,"y"], [1,"z"], [2,"x"], [2,"y"], [2,"z"]
    ///
    /// - Complexity: O(n·k) for n = the product of the level counts and k parameters.
    public static func points(_ levels: [[JSONValue]]) -> [[JSONValue]] {
        var result: [[JSONValue]] = [[]]
        for values in levels {
            result = result.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return levels.isEmpty ? [] : result
    }

    /// A grid range without `levels` is cut into this many points: min, middle and max, the
    /// fewest that can show a curve rather than a straight line.
    public static let defaultLevels = 3

    /// The levels of one grid parameter: its `values`, or `levels` (default 3) evenly spaced
    /// numbers from `min` to `max`.
    static func levels(of parameter: SweepParameter) -> [JSONValue] {
        if let values = parameter.values { return values }
        let count = parameter.levels ?? defaultLevels
        return (0..<count).map { .number(parameter.levelValue($0, of: count)) }
    }
}
