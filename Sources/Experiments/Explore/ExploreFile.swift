import Foundation
import ProgramModel

/// An explore file (docs/explore.md): a base scenario, uncertainties sampled into worlds by a
/// Latin hypercube, at least two policies (lever sets) and the metrics to judge them by, read
/// as strictly as a scenario: every issue names the file, the JSON path and what is valid.
public struct ExploreFile: Sendable {
    /// A policy as written: a scenario file's levers, then `set` overrides on top.
    public struct Policy: Sendable, Equatable {
        public var name: String
        public var description: String?
        /// A scenario file relative to the explore file; its fields (but name and
        /// description) become path overrides.
        public var scenario: String?
        /// Path → value overrides, in file order.
        public var set: [(path: ScenarioPath, value: JSONValue)]

        public static func == (a: Policy, b: Policy) -> Bool {
            a.name == b.name && a.description == b.description && a.scenario == b.scenario
                && a.set.count == b.set.count && zip(a.set, b.set).allSatisfy { $0.path == $1.path && $0.value == $1.value }
        }
    }

    public var name: String
    public var description: String?
    /// The base scenario's path as written (relative to the explore file); nil: the built-in baseline.
    public var base: String?
    public var seed: UInt64
    /// Replications per world and policy.
    public var replications: Int
    public var worlds: Int
    /// The uncertainties, as an LHS sweep over the base: `samples` is `worlds`.
    public var worldDesign: SweepFile
    public var policies: [Policy]
    public var metrics: [ReplicationMetric]
    /// Per metric (in `metrics` order), the satisficing threshold: at least it when higher is
    /// better, at most it otherwise (the direction from `ReplicationMetric.higherIsBetter`).
    public var thresholds: [Double?]
    /// The document as read, recorded in the manifest.
    public var json: JSONValue

    public var uncertainties: [SweepParameter] { worldDesign.parameters }

    static let rootKeys = ["name", "description", "base", "seed", "replications", "worlds", "uncertainties",
                           "policies", "metrics", "thresholds"]
    static let policyKeys = ["name", "description", "scenario", "set"]

    /// Reads the file at `path`.
    public static func load(contentsOf path: String) throws(ScenarioError) -> ExploreFile {
        try decode(json: DocumentReader.load(contentsOf: path), file: path)
    }

    /// Reads a parsed document; `file` names it in issues.
    public static func decode(json: JSONValue, file: String) throws(ScenarioError) -> ExploreFile {
        let reader = DocumentReader(file: file)
        let explore = ExploreReader(reader: reader).explore(json)
        return try reader.finish(explore)!
    }

    /// Policy names are words, so they can stand in a `--case` expression and a CSV cell as they are.
    static func isPolicyName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }
}

/// The explore format on top of the strict document reader (every message shared with scenarios).
private struct ExploreReader {
    let reader: DocumentReader

    func issue(_ path: String, _ message: String) { reader.report(path, message) }

    func whole(_ o: ObjectReader, _ key: String, minimum: Int) -> Int? {
        o[key].flatMap { reader.whole($0, at: o.path(key), atLeast: minimum) }
    }

    func explore(_ json: JSONValue) -> ExploreFile? {
        guard let root = reader.object(json, at: "$", keys: ExploreFile.rootKeys) else { return nil }
        let name = root.require("name").flatMap { reader.string($0, at: root.path("name"), nonEmpty: true) }
        let description = root["description"].flatMap { reader.string($0, at: root.path("description")) }
        let base = root["base"].flatMap { reader.string($0, at: root.path("base"), nonEmpty: true) }
        let seed = whole(root, "seed", minimum: 0).map(UInt64.init) ?? 1
        let replications = whole(root, "replications", minimum: 2) ?? 100
        let worlds = root.require("worlds").flatMap { reader.whole($0, at: root.path("worlds"), atLeast: 2) }
        let design = worldDesign(root, name: name, seed: seed, worlds: worlds ?? 2)
        let policies = policyList(root)
        let thresholds = thresholdList(root, metrics: design?.metrics ?? [])
        guard let name, let design, let policies, let thresholds, let worlds, reader.issues.isEmpty else { return nil }
        return ExploreFile(name: name, description: description, base: base, seed: seed, replications: replications,
                           worlds: worlds, worldDesign: design, policies: policies, metrics: design.metrics,
                           thresholds: thresholds, json: json)
    }

    /// The uncertainties and metrics are read as the parameters and metrics of an LHS sweep
    /// (the same keys and checks, defined once), their issues moved to `$.uncertainties`.
    func worldDesign(_ root: ObjectReader, name: String?, seed: UInt64, worlds: Int) -> SweepFile? {
        let value = root.require("uncertainties")
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name ?? "explore")), ("design", .string("lhs")), ("samples", .number(Double(worlds))),
            ("replications", .number(1)), ("seed", .number(Double(seed))),
            ("parameters", value ?? .array([.object([("path", .string("name")), ("values", .array([.string("x")]))])])),
        ]
        if let metrics = root["metrics"] { members.append(("metrics", metrics)) }
        do throws(ScenarioError) {
            let design = try SweepFile.decode(json: .object(members), file: reader.file)
            return value == nil ? nil : design
        } catch {
            for i in error.issues {
                let path = i.path.hasPrefix("$.parameters") ? "$.uncertainties" + i.path.dropFirst("$.parameters".count) : i.path
                issue(path, i.message.replacingOccurrences(of: "is also parameter", with: "is also uncertainty"))
            }
            return nil
        }
    }

    func policyList(_ root: ObjectReader) -> [ExploreFile.Policy]? {
        guard let value = root.require("policies"), let elements = reader.list(value, at: root.path("policies")) else { return nil }
        guard elements.count >= 2 else {
            issue(root.path("policies"), "needs at least two policies to compare, got \(elements.count)")
            return nil
        }
        var result: [ExploreFile.Policy] = []
        for (i, element) in elements.enumerated() {
            let at = DocumentReader.path(root.path("policies"), index: i)
            guard let policy = self.policy(element, at) else { continue }
            if let first = result.firstIndex(where: { $0.name == policy.name }) {
                issue(at + ".name", "\(JSONWriter.quote(policy.name)) is also policy \(first); names must differ")
            }
            result.append(policy)
        }
        return result.count == elements.count ? result : nil
    }

    func policy(_ value: JSONValue, _ at: String) -> ExploreFile.Policy? {
        guard let element = reader.object(value, at: at, keys: ExploreFile.policyKeys) else { return nil }
        let before = reader.issues.count
        let name = element.require("name").flatMap { reader.string($0, at: element.path("name"), nonEmpty: true) }
        if let name, !ExploreFile.isPolicyName(name) {
            issue(element.path("name"), "\(JSONWriter.quote(name)) is not a name: use letters, digits, '-' and '_' (it is written in --case expressions)")
        }
        let description = element["description"].flatMap { reader.string($0, at: element.path("description")) }
        let scenario = element["scenario"].flatMap { reader.string($0, at: element.path("scenario"), nonEmpty: true) }
        var set: [(path: ScenarioPath, value: JSONValue)] = []
        if let v = element["set"] {
            if case .object(let members) = v {
                for member in members {
                    do throws(PathSyntaxError) {
                        set.append((try ScenarioPath(parsing: member.key), member.value))
                    } catch {
                        issue(DocumentReader.path(element.path("set"), key: member.key), error.message)
                    }
                }
            } else {
                issue(element.path("set"), "expected an object of scenario path → value, got \(v.kindDescription)")
            }
        }
        if element["scenario"] == nil && element["set"] == nil {
            issue(at, "missing field 'scenario' (a scenario file) or 'set' (path → value overrides); give one or both")
        }
        guard reader.issues.count == before, let name else { return nil }
        return ExploreFile.Policy(name: name, description: description, scenario: scenario, set: set)
    }

    func thresholdList(_ root: ObjectReader, metrics: [ReplicationMetric]) -> [Double?]? {
        var result = [Double?](repeating: nil, count: metrics.count)
        guard let value = root["thresholds"] else { return result }
        guard case .object(let members) = value else {
            issue(root.path("thresholds"), "expected an object of metric name → number, got \(value.kindDescription)")
            return nil
        }
        let before = reader.issues.count
        for member in members {
            let at = DocumentReader.path(root.path("thresholds"), key: member.key)
            guard let m = metrics.firstIndex(where: { $0.name == member.key }) else {
                issue(at, "not one of $.metrics (" + metrics.map(\.name).joined(separator: ", ") + "); a threshold judges a listed metric")
                continue
            }
            guard case .number(let x) = member.value else {
                issue(at, "expected a number (at least it for a higher-is-better metric, at most it otherwise), got \(member.value.kindDescription)")
                continue
            }
            result[m] = x
        }
        return reader.issues.count == before ? result : nil
    }
}
