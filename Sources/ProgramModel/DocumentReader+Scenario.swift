@_exported import StrictJSON
import SimKernel

/// Scenario files are read by the strict `DocumentReader` of StrictJSON; their issues are
/// document issues. The names stay for the many places that say "scenario".
public typealias ScenarioIssue = DocumentIssue
public typealias ScenarioError = DocumentError

/// What scenario files add to the strict reader: durations spelled as text and distributions
/// (MODEL.md sections 3 and 9).
extension DocumentReader {
    static let durationExpectation =
        "a duration (a number of months or a string like \"10d\", \"6w\", \"3mo\", \"1.5y\")"

    /// A number of months, or a text such as "10d" (`DurationText`).
    static let duration = NumberSpelling(expectation: durationExpectation, parse: DurationText.months)

    /// A plain number in `rule`; with `duration`, also a unit string such as "10d".
    func number(_ v: JSONValue, at path: String, _ rule: NumberRule = .any, duration: Bool) -> Double? {
        number(v, at: path, rule, spelling: duration ? Self.duration : nil)
    }

    // MARK: Distributions

    /// Fields of each `dist` (MODEL.md section 3): required, then optional.
    static let distributionFields: [String: (required: [String], optional: [String])] = [
        "fixed": (["value"], []),
        "uniform": (["min", "max"], []),
        "triangular": (["min", "mode", "max"], []),
        "pert": (["min", "mode", "max"], ["lambda"]),
        "exponential": (["mean"], []),
        "lognormal": (["median", "p90"], []),
        "gamma": (["mean", "cv"], []),
        "normal": (["mean", "sd"], ["min", "max"]),
        "empirical": (["values"], ["weights"]),
    ]

    /// Parameters that are never durations, even in a duration-valued distribution.
    static let dimensionlessFields: Set<String> = ["cv", "lambda", "weights"]

    /// A distribution: a bare number (fixed), for `duration` ones also a unit string (fixed),
    /// or a `{"dist": ...}` object; its parameters are then checked by `validationIssues()`.
    func distribution(_ v: JSONValue, at path: String, duration: Bool) -> Distribution? {
        let expectation = duration
            ? "expected \(Self.durationExpectation) or a distribution object"
            : "expected a number or a distribution object"
        let candidate: Distribution
        switch v {
        case .number(let x):
            candidate = .fixed(x)
        case .string(let s) where duration:
            guard let months = DurationText.months(s) else {
                report(path, "\(expectation), got \(Self.shown(v))")
                return nil
            }
            candidate = .fixed(months)
        case .object:
            guard let d = distributionObject(v, at: path, duration: duration) else { return nil }
            candidate = d
        default:
            report(path, "\(expectation), got \(v.kindDescription)")
            return nil
        }
        let problems = candidate.validationIssues()
        for problem in problems {
            report("\(path).\(problem.field)", problem.message)
        }
        return problems.isEmpty ? candidate : nil
    }

    private func distributionObject(_ v: JSONValue, at path: String, duration: Bool) -> Distribution? {
        let validNames = Distribution.names.joined(separator: ", ")
        guard let kindValue = v["dist"] else {
            report(path, "missing field 'dist'; valid: \(validNames)")
            return nil
        }
        guard case .string(let kind) = kindValue else {
            report("\(path).dist", "expected a string, got \(kindValue.kindDescription)")
            return nil
        }
        guard let fields = Self.distributionFields[kind] else {
            unknown("distribution", kind, at: "\(path).dist", valid: Distribution.names)
            return nil
        }
        guard let o = object(v, at: path, keys: ["dist"] + fields.required + fields.optional) else { return nil }
        var ok = true
        for field in fields.required where o[field] == nil {
            report(path, "missing field '\(field)' for \(kind == "exponential" ? "an" : "a") \(kind) distribution")
            ok = false
        }

        /// A scalar parameter; nil when absent (already reported if required) or invalid.
        func scalar(_ field: String) -> Double? {
            guard let value = o[field] else { return nil }
            let isDuration = duration && !Self.dimensionlessFields.contains(field)
            guard let x = number(value, at: o.path(field), duration: isDuration) else {
                ok = false
                return nil
            }
            return x
        }
        /// A list parameter (empirical values and weights).
        func vector(_ field: String) -> [Double]? {
            guard let value = o[field] else { return nil }
            guard let elements = list(value, at: o.path(field)) else {
                ok = false
                return nil
            }
            let isDuration = duration && !Self.dimensionlessFields.contains(field)
            var result: [Double] = []
            for (k, element) in elements.enumerated() {
                if let x = number(element, at: Self.path(o.path(field), index: k), duration: isDuration) {
                    result.append(x)
                } else {
                    ok = false
                }
            }
            return result
        }

        let d: Distribution?
        switch kind {
        case "fixed":
            d = scalar("value").map { .fixed($0) }
        case "uniform":
            let min = scalar("min"), max = scalar("max")
            d = ok ? .uniform(min: min!, max: max!) : nil
        case "triangular":
            let min = scalar("min"), mode = scalar("mode"), max = scalar("max")
            d = ok ? .triangular(min: min!, mode: mode!, max: max!) : nil
        case "pert":
            let min = scalar("min"), mode = scalar("mode"), max = scalar("max"), lambda = scalar("lambda")
            d = ok ? .pert(min: min!, mode: mode!, max: max!, lambda: lambda ?? 4) : nil
        case "exponential":
            let mean = scalar("mean")
            d = ok ? .exponential(mean: mean!) : nil
        case "lognormal":
            let median = scalar("median"), p90 = scalar("p90")
            d = ok ? .lognormal(median: median!, p90: p90!) : nil
        case "gamma":
            let mean = scalar("mean"), cv = scalar("cv")
            d = ok ? .gamma(mean: mean!, cv: cv!) : nil
        case "normal":
            let mean = scalar("mean"), sd = scalar("sd"), min = scalar("min"), max = scalar("max")
            d = ok ? .normal(mean: mean!, sd: sd!, min: min, max: max) : nil
        default:  // "empirical"
            let values = vector("values"), weights = vector("weights")
            d = ok ? .empirical(values: values!, weights: weights) : nil
        }
        return ok ? d : nil
    }
}
