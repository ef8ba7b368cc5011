import SimKernel

/// The range a plain number must lie in, each with its one fixed message.
enum NumberRule {
    case any
    /// x ≥ bound: "must be at least 0, got -1".
    case atLeast(Double)
    /// x > bound: "must be greater than 0, got 0".
    case greaterThan(Double)
    /// 0 ≤ x ≤ 1: "must be between 0 and 1, got 1.2".
    case fraction

    func violation(_ x: Double) -> String? {
        let got = ScenarioDecoder.format(x)
        switch self {
        case .any:
            return nil
        case .atLeast(let bound):
            return x >= bound ? nil : "must be at least \(ScenarioDecoder.format(bound)), got \(got)"
        case .greaterThan(let bound):
            return x > bound ? nil : "must be greater than \(ScenarioDecoder.format(bound)), got \(got)"
        case .fraction:
            return (0...1).contains(x) ? nil : "must be between 0 and 1, got \(got)"
        }
    }
}

/// Reads JSON values into typed values for one scenario file, collecting every issue (with its
/// JSON path) instead of stopping at the first, so a user sees all their mistakes at once.
///
/// Each reader returns nil (or false) after reporting; callers then keep the default and carry
/// on, and `Scenario.decode` throws at the end if anything was reported.
final class ScenarioDecoder {
    let file: String
    private(set) var issues: [ScenarioIssue] = []

    init(file: String) {
        self.file = file
    }

    func report(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(file: file, path: path, message: message))
    }

    // MARK: Messages

    static let durationExpectation =
        "a duration (a number of months or a string like \"10d\", \"6w\", \"3mo\", \"1.5y\")"

    /// Largest whole number a JSON number (a Double) holds exactly; larger "whole numbers" in a
    /// file may already have been rounded by the time we see them.
    static let maxWhole = 9_007_199_254_740_992.0

    /// Numbers in messages, written as the file would write them.
    static func format(_ x: Double) -> String { JSONWriter.format(number: x) }

    /// How a wrong value is named after "got": strings are quoted so the user sees the very
    /// text they wrote, other values by their kind.
    static func shown(_ v: JSONValue) -> String {
        if case .string(let s) = v { return JSONWriter.quote(s) }
        return v.kindDescription
    }

    /// `$.a.b` for identifier-like keys, `$.a["odd key"]` otherwise.
    static func path(_ base: String, key: String) -> String {
        let identifier = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return identifier ? "\(base).\(key)" : "\(base)[\(JSONWriter.quote(key))]"
    }

    static func path(_ base: String, index: Int) -> String { "\(base)[\(index)]" }

    /// The closest valid name: a case-insensitive match, else the first at the smallest edit
    /// distance when that distance is at most 2.
    static func suggestion(for name: String, among valid: [String]) -> String? {
        if let match = valid.first(where: { $0.lowercased() == name.lowercased() }) { return match }
        var best: (name: String, distance: Int)?
        for candidate in valid {
            let d = editDistance(name, candidate)
            if d <= 2, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    // MARK: Values

    /// A plain number in `rule`; with `duration`, also a unit string such as "10d".
    func number(_ v: JSONValue, at path: String, _ rule: NumberRule = .any, duration: Bool = false) -> Double? {
        let x: Double
        switch v {
        case .number(let n):
            x = n
        case .string(let s) where duration:
            guard let months = DurationText.months(s) else {
                report(path, "expected \(Self.durationExpectation), got \(Self.shown(v))")
                return nil
            }
            x = months
        default:
            report(path, duration
                ? "expected \(Self.durationExpectation), got \(Self.shown(v))"
                : "expected a number, got \(v.kindDescription)")
            return nil
        }
        if let message = rule.violation(x) {
            report(path, message)
            return nil
        }
        return x
    }

    /// A whole number ≥ `minimum` (and at most 2^53, which JSON numbers hold exactly).
    func whole(_ v: JSONValue, at path: String, atLeast minimum: Int) -> Int? {
        guard case .number(let x) = v else {
            report(path, "expected a whole number, got \(v.kindDescription)")
            return nil
        }
        guard x == x.rounded() else {
            report(path, "expected a whole number, got \(Self.format(x))")
            return nil
        }
        guard x >= Double(minimum) else {
            report(path, "must be a whole number at least \(minimum), got \(Self.format(x))")
            return nil
        }
        guard x <= Self.maxWhole else {
            report(path, "must be a whole number at most \(Int64(Self.maxWhole)), got \(Self.format(x))")
            return nil
        }
        return Int(x)
    }

    func bool(_ v: JSONValue, at path: String) -> Bool? {
        guard case .bool(let b) = v else {
            report(path, "expected true or false, got \(v.kindDescription)")
            return nil
        }
        return b
    }

    func string(_ v: JSONValue, at path: String, nonEmpty: Bool = false) -> String? {
        guard case .string(let s) = v else {
            report(path, "expected a string, got \(v.kindDescription)")
            return nil
        }
        if nonEmpty && s.isEmpty {
            report(path, "must not be empty")
            return nil
        }
        return s
    }

    /// One of an enum's raw values: "must be one of centralized, federated, hybrid, got \"central\"".
    func choice<E: RawRepresentable & CaseIterable>(_ v: JSONValue, at path: String) -> E? where E.RawValue == String {
        if case .string(let s) = v, let e = E(rawValue: s) { return e }
        let valid = E.allCases.map(\.rawValue).joined(separator: ", ")
        report(path, "must be one of \(valid), got \(Self.shown(v))")
        return nil
    }

    func list(_ v: JSONValue, at path: String, nonEmpty: Bool = false) -> [JSONValue]? {
        guard case .array(let elements) = v else {
            report(path, "expected a list")
            return nil
        }
        if nonEmpty && elements.isEmpty {
            report(path, "must not be empty")
            return nil
        }
        return elements
    }

    /// An object whose keys are all in `keys`; each unknown key is reported at its own path,
    /// with the closest valid key or else the whole list of valid keys.
    func object(_ v: JSONValue, at path: String, keys: [String]) -> ObjectReader? {
        guard case .object(let members) = v else {
            report(path, "expected an object")
            return nil
        }
        for member in members where !keys.contains(member.key) {
            let memberPath = Self.path(path, key: member.key)
            if let close = Self.suggestion(for: member.key, among: keys) {
                report(memberPath, "unknown key '\(member.key)'; did you mean '\(close)'?")
            } else {
                report(memberPath, "unknown key '\(member.key)'; valid keys: \(keys.joined(separator: ", "))")
            }
        }
        return ObjectReader(decoder: self, path: path, members: members)
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
            if let close = Self.suggestion(for: kind, among: Distribution.names) {
                report("\(path).dist", "unknown distribution '\(kind)'; did you mean '\(close)'?")
            } else {
                report("\(path).dist", "unknown distribution '\(kind)'; valid: \(validNames)")
            }
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

/// The members of one JSON object being read, with its path. The `read` helpers leave the
/// target untouched when the key is absent (the default stays) and return false only when the
/// key was present and invalid, which cross-field checks use to stay quiet about fields that
/// already have their own issue.
struct ObjectReader {
    let decoder: ScenarioDecoder
    let path: String
    let members: [(key: String, value: JSONValue)]

    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    func path(_ key: String) -> String { ScenarioDecoder.path(path, key: key) }

    @discardableResult
    func number(_ key: String, into target: inout Double, _ rule: NumberRule = .any, duration: Bool = false) -> Bool {
        guard let v = self[key] else { return true }
        guard let x = decoder.number(v, at: path(key), rule, duration: duration) else { return false }
        target = x
        return true
    }

    @discardableResult
    func whole(_ key: String, into target: inout Int, atLeast minimum: Int) -> Bool {
        guard let v = self[key] else { return true }
        guard let n = decoder.whole(v, at: path(key), atLeast: minimum) else { return false }
        target = n
        return true
    }

    @discardableResult
    func bool(_ key: String, into target: inout Bool) -> Bool {
        guard let v = self[key] else { return true }
        guard let b = decoder.bool(v, at: path(key)) else { return false }
        target = b
        return true
    }

    @discardableResult
    func string(_ key: String, into target: inout String, nonEmpty: Bool = false) -> Bool {
        guard let v = self[key] else { return true }
        guard let s = decoder.string(v, at: path(key), nonEmpty: nonEmpty) else { return false }
        target = s
        return true
    }

    @discardableResult
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, into target: inout E) -> Bool where E.RawValue == String {
        guard let v = self[key] else { return true }
        guard let e: E = decoder.choice(v, at: path(key)) else { return false }
        target = e
        return true
    }

    @discardableResult
    func distribution(_ key: String, into target: inout Distribution, duration: Bool) -> Bool {
        guard let v = self[key] else { return true }
        guard let d = decoder.distribution(v, at: path(key), duration: duration) else { return false }
        target = d
        return true
    }

    /// A nested object merged key by key: `body` runs only when the key is present and holds
    /// an object.
    @discardableResult
    func object(_ key: String, keys: [String], _ body: (ObjectReader) -> Void) -> Bool {
        guard let v = self[key] else { return true }
        guard let reader = decoder.object(v, at: path(key), keys: keys) else { return false }
        body(reader)
        return true
    }

    /// Reports `missing field 'x'` at this object when a required key is absent.
    func require(_ key: String) -> JSONValue? {
        guard let v = self[key] else {
            decoder.report(path, "missing field '\(key)'")
            return nil
        }
        return v
    }
}
