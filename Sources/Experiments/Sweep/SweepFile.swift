import Foundation
import ProgramModel

/// A sweep file (docs/sweep.md): the base scenario, the design, its parameters and the
/// metrics to summarize, read as strictly as a scenario: unknown keys, wrong types and values
/// out of range are errors naming the file and the JSON path, all reported at once.
public struct SweepFile: Sendable {
    public var name: String
    public var description: String?
    /// The base scenario's path as written (relative to the sweep file); nil: the built-in baseline.
    public var base: String?
    public var design: SweepDesignKind
    public var replications: Int
    public var seed: UInt64
    /// LHS sample count.
    public var samples: Int?
    /// Morris trajectory count and grid levels.
    public var trajectories: Int?
    public var levels: Int?
    public var parameters: [SweepParameter]
    public var metrics: [ReplicationMetric]
    /// The document as read: recorded in the manifest, so a resumed or merged sweep can be
    /// checked against it and its design regenerated.
    public var json: JSONValue

    static let rootKeys = ["name", "description", "base", "design", "replications", "seed", "samples",
                           "trajectories", "levels", "parameters", "metrics"]

    /// The parameter keys each design accepts.
    static func parameterKeys(_ design: SweepDesignKind) -> [String] {
        switch design {
        case .grid: ["path", "values", "min", "max", "levels", "integer"]
        case .lhs: ["path", "values", "min", "max", "integer"]
        case .morris: ["path", "min", "max", "integer"]
        case .oat: ["path", "low", "high"]
        }
    }

    /// Reads the file at `path`.
    public static func load(contentsOf path: String) throws(ScenarioError) -> SweepFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(issues: [ScenarioIssue(file: path, path: "$", message: "cannot read the file")])
        }
        let json: JSONValue
        do throws(JSONSyntaxError) {
            json = try JSONParser.parse([UInt8](data))
        } catch {
            throw ScenarioError(issues: [ScenarioIssue(file: path, path: "$", message: "invalid JSON at \(error)")])
        }
        return try decode(json: json, file: path)
    }

    /// Reads a parsed document; `file` names it in issues.
    public static func decode(json: JSONValue, file: String) throws(ScenarioError) -> SweepFile {
        var reader = Reader(file: file)
        let file = reader.sweep(json)
        if !reader.issues.isEmpty { throw ScenarioError(issues: reader.issues) }
        return file!
    }
}

/// Collects every issue of a document instead of stopping at the first.
private struct Reader {
    let file: String
    var issues: [ScenarioIssue] = []

    mutating func issue(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(file: file, path: path, message: message))
    }

    mutating func object(_ value: JSONValue, _ path: String, keys: [String]) -> [(key: String, value: JSONValue)]? {
        guard case .object(let members) = value else {
            issue(path, "expected an object, got \(value.kindDescription)")
            return nil
        }
        for member in members where !keys.contains(member.key) {
            issue(path + "." + member.key, "unknown key; valid keys here: " + keys.joined(separator: ", "))
        }
        return members
    }

    mutating func string(_ value: JSONValue?, _ path: String) -> String? {
        guard let value else { return nil }
        guard case .string(let s) = value, !s.isEmpty else {
            issue(path, "expected a non-empty string, got \(value.kindDescription)")
            return nil
        }
        return s
    }

    mutating func number(_ value: JSONValue?, _ path: String) -> Double? {
        guard let value else { return nil }
        guard case .number(let x) = value else {
            issue(path, "expected a number, got \(value.kindDescription)")
            return nil
        }
        return x
    }

    mutating func whole(_ value: JSONValue?, _ path: String, minimum: Int, even: Bool = false) -> Int? {
        guard let value else { return nil }
        guard case .number(let x) = value, x == x.rounded(), x >= Double(minimum), x <= 9_007_199_254_740_992 else {
            issue(path, "expected a whole number of at least \(minimum), got " + describe(value))
            return nil
        }
        if even && Int(x) % 2 != 0 {
            issue(path, "expected an even number (the Morris step is levels / (2 (levels − 1)) grid steps), got \(Int(x))")
            return nil
        }
        return Int(x)
    }

    func describe(_ value: JSONValue) -> String {
        if case .number(let x) = value { return JSONWriter.format(number: x) }
        return value.kindDescription
    }

    mutating func required<T>(_ value: T?, _ present: Bool, _ path: String, _ what: String) -> T? {
        if !present { issue(path, "missing; \(what)") }
        return value
    }

    mutating func sweep(_ json: JSONValue) -> SweepFile? {
        guard let members = object(json, "$", keys: SweepFile.rootKeys) else { return nil }
        let root = JSONValue.object(members)
        let name = string(root["name"], "$.name")
        if root["name"] == nil { issue("$.name", "missing; every sweep needs a name") }
        let description = root["description"].flatMap { v -> String? in
            if case .string(let s) = v { return s }
            issue("$.description", "expected a string, got \(v.kindDescription)")
            return nil
        }
        let base = string(root["base"], "$.base")
        var design: SweepDesignKind?
        if let value = root["design"] {
            if case .string(let s) = value, let kind = SweepDesignKind(rawValue: s) {
                design = kind
            } else {
                issue("$.design", "expected one of " + SweepDesignKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                      + ", got " + (value.stringValue.map { "\"\($0)\"" } ?? value.kindDescription))
            }
        } else {
            issue("$.design", "missing; one of grid, lhs, morris, oat")
        }
        let replications = whole(root["replications"], "$.replications", minimum: 1) ?? 1000
        let seed = whole(root["seed"], "$.seed", minimum: 0).map(UInt64.init) ?? 1
        let samples = whole(root["samples"], "$.samples", minimum: 1)
        let trajectories = whole(root["trajectories"], "$.trajectories", minimum: 2)
        let levels = whole(root["levels"], "$.levels", minimum: 2, even: true)
        if let design {
            let wanted: [(String, Bool)] = [("samples", design == .lhs), ("trajectories", design == .morris),
                                            ("levels", design == .morris)]
            for (key, belongs) in wanted {
                if belongs && root[key] == nil {
                    issue("$." + key, "missing; a \(design.rawValue) design needs it")
                } else if !belongs && root[key] != nil {
                    issue("$." + key, "not used by a \(design.rawValue) design; remove it")
                }
            }
        }
        let parameters = parameterList(root["parameters"], design: design)
        let metrics = metricList(root["metrics"])
        guard let name, let design, let parameters, let metrics, issues.isEmpty else { return nil }
        return SweepFile(name: name, description: description, base: base, design: design,
                         replications: replications, seed: seed, samples: samples, trajectories: trajectories,
                         levels: levels, parameters: parameters, metrics: metrics, json: json)
    }

    mutating func parameterList(_ value: JSONValue?, design: SweepDesignKind?) -> [SweepParameter]? {
        guard let value else {
            issue("$.parameters", "missing; a list of {\"path\": ..., ...}")
            return nil
        }
        guard case .array(let elements) = value, !elements.isEmpty else {
            issue("$.parameters", "expected a non-empty list, got \(value.kindDescription)")
            return nil
        }
        var result: [SweepParameter] = []
        var seen: [String: Int] = [:]
        for (i, element) in elements.enumerated() {
            let at = "$.parameters[\(i)]"
            guard let parameter = self.parameter(element, at, design: design) else { continue }
            if let first = seen[parameter.path.description] {
                issue(at + ".path", "'\(parameter.path)' is also parameter \(first); each path may appear once")
            }
            seen[parameter.path.description] = i
            result.append(parameter)
        }
        return result.count == elements.count ? result : nil
    }

    mutating func parameter(_ value: JSONValue, _ at: String, design: SweepDesignKind?) -> SweepParameter? {
        let keys = design.map(SweepFile.parameterKeys) ?? ["path", "values", "min", "max", "levels", "integer", "low", "high"]
        guard let members = object(value, at, keys: keys) else { return nil }
        let element = JSONValue.object(members)
        let before = issues.count
        var path: ScenarioPath?
        if let text = string(element["path"], at + ".path") {
            do throws(PathSyntaxError) { path = try ScenarioPath(parsing: text) } catch { issue(at + ".path", error.message) }
        } else if element["path"] == nil {
            issue(at + ".path", "missing; the scenario field to vary, e.g. \"teams.delivery\"")
        }
        var values: [JSONValue]?
        if let v = element["values"] {
            if case .array(let list) = v, !list.isEmpty {
                values = list
                for (j, item) in list.enumerated() {
                    if case .string(let s) = item, s.contains(where: { $0 == "\n" || $0 == "\r" }) {
                        issue(at + ".values[\(j)]", "a value cannot hold a line break (each point is one line of points.csv)")
                    }
                }
            } else {
                issue(at + ".values", "expected a non-empty list, got \(v.kindDescription)")
            }
        }
        let min = number(element["min"], at + ".min")
        let max = number(element["max"], at + ".max")
        var integer = false
        if let v = element["integer"] {
            if case .bool(let b) = v { integer = b } else { issue(at + ".integer", "expected true or false, got \(v.kindDescription)") }
        }
        let levels = whole(element["levels"], at + ".levels", minimum: 2)
        let low = element["low"], high = element["high"]
        let hasRange = element["min"] != nil || element["max"] != nil
        if hasRange {
            if element["min"] == nil { issue(at + ".min", "missing; a range needs both min and max") }
            if element["max"] == nil { issue(at + ".max", "missing; a range needs both min and max") }
            if let min, let max, !(min < max) { issue(at + ".max", "must be greater than min (\(JSONWriter.format(number: min)))") }
            if integer, let min, let max, (min != min.rounded() || max != max.rounded()) {
                issue(at + ".integer", "an integer range needs whole min and max")
            }
        }
        if element["integer"] != nil && !hasRange { issue(at + ".integer", "applies to a min/max range only") }
        switch design {
        case .grid:
            if values != nil && hasRange { issue(at, "give either values or min/max with levels, not both") }
            if element["values"] == nil && !hasRange { issue(at, "missing values (or a min/max range with levels)") }
            if element["levels"] != nil && !hasRange { issue(at + ".levels", "applies to a min/max range only") }
        case .lhs:
            if values != nil && hasRange { issue(at, "give either values or min/max, not both") }
            if element["values"] == nil && !hasRange { issue(at, "missing min and max (or values)") }
        case .morris:
            if !hasRange { issue(at, "missing min and max; Morris moves each factor over a range") }
        case .oat:
            if low == nil { issue(at + ".low", "missing; the value for the parameter's low run") }
            if high == nil { issue(at + ".high", "missing; the value for the parameter's high run") }
        case nil:
            break
        }
        guard issues.count == before, let path else { return nil }
        return SweepParameter(path: path, values: values, min: min, max: max, integer: integer,
                              levels: levels, low: low, high: high)
    }

    mutating func metricList(_ value: JSONValue?) -> [ReplicationMetric]? {
        guard let value else {
            issue("$.metrics", "missing; a list of metric names such as \"pilot_to_scale_rate\"")
            return nil
        }
        guard case .array(let elements) = value, !elements.isEmpty else {
            issue("$.metrics", "expected a non-empty list, got \(value.kindDescription)")
            return nil
        }
        var result: [ReplicationMetric] = []
        for (i, element) in elements.enumerated() {
            guard case .string(let name) = element, let metric = ReplicationMetric(name: name) else {
                issue("$.metrics[\(i)]", "expected a metric name, one of: "
                      + ReplicationMetric.allCases.map(\.name).joined(separator: ", ")
                      + "; got " + (element.stringValue.map { "\"\($0)\"" } ?? element.kindDescription))
                continue
            }
            if result.contains(metric) {
                issue("$.metrics[\(i)]", "\"\(name)\" is listed twice")
                continue
            }
            result.append(metric)
        }
        return result.count == elements.count ? result : nil
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
