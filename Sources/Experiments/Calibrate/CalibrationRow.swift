/// One line of calibration.csv: a parameter's estimate, its interval and how it was made.
public struct CalibrationRow: Sendable, Equatable {
    /// A scenario path when the estimate goes into the calibrated scenario, otherwise the
    /// name of what was estimated.
    public var parameter: String
    /// Whether `calibrated.json` takes this estimate.
    public var inScenario: Bool
    public var estimate: Double?
    public var lower: Double?
    public var upper: Double?
    /// The interval's nominal coverage (0.95 for direct estimates, 0.9 for the ABC posterior).
    public var level: Double
    public var unit: String
    public var method: String
    /// Events or cases the estimate rests on, and how many of them were censored.
    public var observations: Int
    public var censored: Int
    public var note: String
    /// What went into the scenario when it is not the estimate itself (a fitted distribution,
    /// a rounded count).
    public var scenarioValue: String?

    public init(parameter: String, inScenario: Bool, estimate: Double?, lower: Double?, upper: Double?,
                level: Double, unit: String, method: String, observations: Int, censored: Int = 0, note: String = "", scenarioValue: String? = nil) {
        self.parameter = parameter
        self.inScenario = inScenario
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
        self.unit = unit
        self.method = method
        self.observations = observations
        self.censored = censored
        self.note = note
        self.scenarioValue = scenarioValue
    }

    public static let header = ["parameter", "in_scenario", "estimate", "lower", "upper", "level",
                                "unit", "method", "observations", "censored", "note", "scenario_value"]

    public static func csv(_ rows: [CalibrationRow]) -> [UInt8] {
        var w = CSVWriter(header: header)
        for r in rows {
            w.field(r.parameter)
            w.field(r.inScenario ? "yes" : "no")
            w.field(r.estimate)
            w.field(r.lower)
            w.field(r.upper)
            w.field(r.level)
            w.field(r.unit)
            w.field(r.method)
            w.field(r.observations)
            w.field(r.censored)
            w.field(r.note)
            w.field(r.inScenario ? r.scenarioValue ?? r.estimate.map { CSVWriter.format($0) } ?? "" : "")
            w.endRow()
        }
        return w.bytes
    }
}
