import ProgramModel

/// One factor of a sweep: a scenario path and the values it takes, in the form its design
/// needs (`values` for a grid or an LHS over categories, `min`/`max` for ranges, `low`/`high`
/// for one-at-a-time).
public struct SweepParameter: Sendable, Equatable {
    public var path: ScenarioPath
    /// Explicit values (grid, LHS categories).
    public var values: [JSONValue]?
    /// A continuous range (grid with `levels`, LHS, Morris).
    public var min: Double?
    public var max: Double?
    /// Round range values to whole numbers.
    public var integer: Bool
    /// Grid points over `min`…`max`, both ends included.
    public var levels: Int?
    /// One-at-a-time values.
    public var low: JSONValue?
    public var high: JSONValue?

    public init(path: ScenarioPath, values: [JSONValue]? = nil, min: Double? = nil, max: Double? = nil,
                integer: Bool = false, levels: Int? = nil, low: JSONValue? = nil, high: JSONValue? = nil) {
        self.path = path
        self.values = values
        self.min = min
        self.max = max
        self.integer = integer
        self.levels = levels
        self.low = low
        self.high = high
    }

    /// The value at `unit` ∈ [0, 1] of the range, rounded when `integer`.
    /// For an integer range the unit interval is cut into max − min + 1 equal parts, one per
    /// whole number, so an LHS stratum maps to whole numbers evenly.
    func rangeValue(unit: Double) -> Double {
        let lo = min ?? 0, hi = max ?? 0
        guard integer else { return lo + unit * (hi - lo) }
        let span = (hi - lo).rounded(.down) + 1
        return Swift.min(hi, lo + (unit * span).rounded(.down))
    }

    /// The value on the `k`-th of `count` evenly spaced levels of the range (both ends included).
    func levelValue(_ k: Int, of count: Int) -> Double {
        let lo = min ?? 0, hi = max ?? 0
        let x = count > 1 ? lo + Double(k) * (hi - lo) / Double(count - 1) : lo
        return integer ? x.rounded() : Self.tidy(x)
    }

    /// Snaps a computed level to the shortest decimal within 12 significant digits, so that
    /// 0.2 + 2·(0.8 − 0.2)/3 is the 0.6 a person wrote down rather than 0.6000000000000001 in
    /// every file and chart label. Only a snap of at most 4 ulps is made, so a level such as
    /// 1/3 keeps its full precision.
    static func tidy(_ x: Double) -> Double {
        guard x.isFinite, x != 0, let snapped = Double(String(format: "%.12g", x)) else { return x }
        return abs(snapped - x) <= 4 * x.ulp ? snapped : x
    }
}
