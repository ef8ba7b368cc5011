import StrictJSON

/// The stated maxima of a scenario (docs/limits.md), enforced by `validate` and every command
/// that reads a scenario, so a run that cannot finish, cannot fit, or would overflow is refused
/// up front with the bound in the message rather than trapping, hanging or swapping later.
///
/// Per-field maxima are in `ScenarioSchema` (`maximum:`); the estimates here combine fields
/// (MODEL.md is silent on sizes; the choices are recorded in docs/model-decisions.md).
public enum ScenarioLimits {
    /// 100 years: month-end series hold one value per month.
    public static let horizonMonths = 1200.0
    /// Business units (per-unit placement costs grow with their square: one replication of
    /// 10,000 units over 1,200 months took 17 s) and squads of either kind.
    public static let businessUnits = 1000
    public static let squads = 100_000
    /// Use cases a replication may expect: initialUseCases + arrivalsPerMonth · months of arrivals.
    public static let useCases = 200_000
    /// Committee meetings over the horizon (horizonMonths / cadenceMonths).
    public static let meetings = 100_000
    /// Foundation work chunks over the horizon (foundation squads · horizonMonths / chunkMonths).
    public static let foundationChunks = 10_000_000
    /// Drift and incident events a replication may expect over all use cases.
    public static let operationsEvents = 10_000_000
    /// Events per year of one use case in production (drift, each kind of incident).
    public static let ratePerYear = 1000.0
    /// G1 resubmissions: each is a rework and a decision.
    public static let resubmissions = 100
    /// List lengths.
    public static let archetypes = 1000
    public static let dataDomains = 10_000
    public static let rolloutPhases = 100
    /// Money per month (k$): with value distributions within ±1e15, program sums stay finite.
    public static let costPerMonth = 1e9
    /// A name becomes a folder name; file systems allow 255 bytes.
    public static let nameBytes = 200
    /// Duration multipliers (readiness penalty, remediation share, coupling).
    public static let multiplier = 1000.0
    /// Replications stated in a file.
    public static let replications = 100_000_000

    /// Expected use cases of one replication.
    public static func expectedUseCases(_ s: Scenario) -> Double {
        Double(s.portfolio.initialUseCases)
            + s.portfolio.arrivalsPerMonth * max(0, min(s.portfolio.arrivalsUntilMonth, s.horizonMonths))
    }

    /// `12345678` → `12,345,678` for messages.
    public static func grouped(_ x: Double) -> String {
        guard x < 1e15 else { return NumberText.format(x) }
        let digits = String(Int(x.rounded()))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
