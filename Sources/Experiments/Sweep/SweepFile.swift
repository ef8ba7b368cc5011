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
        try decode(json: DocumentReader.load(contentsOf: path), file: path)
    }

    /// Reads a parsed document; `file` names it in issues.
    public static func decode(json: JSONValue, file: String) throws(ScenarioError) -> SweepFile {
        let reader = DocumentReader(file: file)
        let sweep = SweepReader(reader: reader).sweep(json)
        return try reader.finish(sweep)!
    }
}

/// The sweep format on top of the strict document reader (every message shared with scenarios).
private struct SweepReader {
    let reader: DocumentReader

    func issue(_ path: String, _ message: String) { reader.report(path, message) }

    func whole(_ o: ObjectReader, _ key: String, minimum: Int, even: Bool = false) -> Int? {
        guard let value = o[key], let n = reader.whole(value, at: o.path(key), atLeast: minimum) else { return nil }
        if even && n % 2 != 0 {
            issue(o.path(key), "expected an even number (the Morris step is levels / (2 (levels − 1)) grid steps), got \(n)")
            return nil
        }
        return n
    }

    func string(_ o: ObjectReader, _ key: String) -> String? {
        o[key].flatMap { reader.string($0, at: o.path(key), nonEmpty: true) }
    }

    func number(_ o: ObjectReader, _ key: String) -> Double? {
        o[key].flatMap { reader.number($0, at: o.path(key)) }
    }

    func sweep(_ json: JSONValue) -> SweepFile? {
        guard let root = reader.object(json, at: "$", keys: SweepFile.rootKeys) else { return nil }
        let name = root.require("name").flatMap { reader.string($0, at: root.path("name"), nonEmpty: true) }
        let description = root["description"].flatMap { reader.string($0, at: root.path("description")) }
        let base = string(root, "base")
        var design: SweepDesignKind?
        if let value = root.require("design") {
            design = reader.choice(value, at: root.path("design"))
        }
        let replications = whole(root, "replications", minimum: 1) ?? 1000
        let seed = whole(root, "seed", minimum: 0).map(UInt64.init) ?? 1
        let samples = whole(root, "samples", minimum: 1)
        let trajectories = whole(root, "trajectories", minimum: 2)
        let levels = whole(root, "levels", minimum: 2, even: true)
        if let design {
            let wanted: [(String, Bool)] = [("samples", design == .lhs), ("trajectories", design == .morris),
                                            ("levels", design == .morris)]
            for (key, belongs) in wanted {
                if belongs && root[key] == nil {
                    issue("$", "missing field '\(key)' (a \(design.rawValue) design needs it)")
                } else if !belongs && root[key] != nil {
                    issue(root.path(key), "not used by a \(design.rawValue) design; remove it")
                }
            }
        }
        let parameters = parameterList(root, design: design)
        let metrics = metricList(root)
        guard let name, let design, let parameters, let metrics, reader.issues.isEmpty else { return nil }
        return SweepFile(name: name, description: description, base: base, design: design,
                         replications: replications, seed: seed, samples: samples, trajectories: trajectories,
                         levels: levels, parameters: parameters, metrics: metrics, json: json)
    }

    func parameterList(_ root: ObjectReader, design: SweepDesignKind?) -> [SweepParameter]? {
        guard let value = root.require("parameters"),
              let elements = reader.list(value, at: root.path("parameters"), nonEmpty: true) else { return nil }
        var result: [SweepParameter] = []
        var seen: [String: Int] = [:]
        for (i, element) in elements.enumerated() {
            let at = DocumentReader.path(root.path("parameters"), index: i)
            guard let parameter = self.parameter(element, at, design: design) else { continue }
            if let first = seen[parameter.path.description] {
                issue(at + ".path", "'\(parameter.path)' is also parameter \(first); each path may appear once")
            }
            seen[parameter.path.description] = i
            result.append(parameter)
        }
        return result.count == elements.count ? result : nil
    }

    func parameter(_ value: JSONValue, _ at: String, design: SweepDesignKind?) -> SweepParameter? {
        let keys = design.map(SweepFile.parameterKeys) ?? ["path", "values", "min", "max", "levels", "integer", "low", "high"]
        guard let element = reader.object(value, at: at, keys: keys) else { return nil }
        let before = reader.issues.count
        var path: ScenarioPath?
        if let v = element.require("path"), let text = reader.string(v, at: element.path("path"), nonEmpty: true) {
            do throws(PathSyntaxError) { path = try ScenarioPath(parsing: text) } catch { issue(element.path("path"), error.message) }
        }
        var values: [JSONValue]?
        if let v = element["values"], let list = reader.list(v, at: element.path("values"), nonEmpty: true) {
            values = list
            for (j, item) in list.enumerated() {
                if case .string(let s) = item, s.contains(where: { $0 == "\n" || $0 == "\r" }) {
                    issue(DocumentReader.path(element.path("values"), index: j),
                          "a value cannot hold a line break (each point is one line of points.csv)")
                }
            }
        }
        let min = number(element, "min")
        let max = number(element, "max")
        var integer = false
        element.bool("integer", into: &integer)
        let levels = whole(element, "levels", minimum: 2)
        let low = element["low"], high = element["high"]
        let hasRange = element["min"] != nil || element["max"] != nil
        if hasRange {
            if element["min"] == nil { issue(at, "missing field 'min' (a range needs both min and max)") }
            if element["max"] == nil { issue(at, "missing field 'max' (a range needs both min and max)") }
            if let min, let max, !(min < max) {
                issue(element.path("max"), "must be greater than min (\(NumberText.format(min))), got \(NumberText.format(max))")
            }
            if integer, let min, let max, (min != min.rounded() || max != max.rounded()) {
                issue(element.path("integer"), "an integer range needs whole min and max")
            }
        }
        if element["integer"] != nil && !hasRange { issue(element.path("integer"), "applies to a min/max range only") }
        switch design {
        case .grid:
            if values != nil && hasRange { issue(at, "give either values or min/max with levels, not both") }
            if element["values"] == nil && !hasRange { issue(at, "missing field 'values' (or a min/max range with levels)") }
            if element["levels"] != nil && !hasRange { issue(element.path("levels"), "applies to a min/max range only") }
        case .lhs:
            if values != nil && hasRange { issue(at, "give either values or min/max, not both") }
            if element["values"] == nil && !hasRange { issue(at, "missing fields 'min' and 'max' (or 'values')") }
        case .morris:
            if !hasRange { issue(at, "missing fields 'min' and 'max' (Morris moves each factor over a range)") }
        case .oat:
            if low == nil { issue(at, "missing field 'low' (the value for the parameter's low run)") }
            if high == nil { issue(at, "missing field 'high' (the value for the parameter's high run)") }
        case nil:
            break
        }
        guard reader.issues.count == before, let path else { return nil }
        return SweepParameter(path: path, values: values, min: min, max: max, integer: integer,
                              levels: levels, low: low, high: high)
    }

    func metricList(_ root: ObjectReader) -> [ReplicationMetric]? {
        guard let value = root.require("metrics"),
              let elements = reader.list(value, at: root.path("metrics"), nonEmpty: true) else { return nil }
        var result: [ReplicationMetric] = []
        let names = ReplicationMetric.allCases.map(\.name)
        for (i, element) in elements.enumerated() {
            let at = DocumentReader.path(root.path("metrics"), index: i)
            guard let name = reader.string(element, at: at) else { continue }
            guard let metric = ReplicationMetric(name: name) else {
                reader.unknown("metric", name, at: at, valid: names)
                continue
            }
            if result.contains(metric) {
                issue(at, "\(JSONWriter.quote(name)) is listed twice")
                continue
            }
            result.append(metric)
        }
        return result.count == elements.count ? result : nil
    }
}
