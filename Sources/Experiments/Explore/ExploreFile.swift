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
    public static func decode(json: JSONValue, file: String) throws(ScenarioError) -> ExploreFile {
        var reader = ExploreReader(file: file)
        let result = reader.explore(json)
        if !reader.issues.isEmpty { throw ScenarioError(issues: reader.issues) }
        return result!
    }

    /// Policy names are words, so they can stand in a `--case` expression and a CSV cell as they are.
    static func isPolicyName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }
}

/// Collects every issue of an explore file.
private struct ExploreReader {
    let file: String
    var issues: [ScenarioIssue] = []

    mutating func issue(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(file: file, path: path, message: message))
    }

    mutating func object(_ value: JSONValue, _ path: String, keys: [String]) -> JSONValue? {
        guard case .object(let members) = value else {
            issue(path, "expected an object, got \(value.kindDescription)")
            return nil
        }
        for member in members where !keys.contains(member.key) {
            issue(path + "." + member.key, "unknown key '\(member.key)'; valid keys: " + keys.joined(separator: ", "))
        }
        return value
    }

    mutating func string(_ value: JSONValue?, _ path: String, nonEmpty: Bool = true) -> String? {
        guard let value else { return nil }
        guard case .string(let s) = value, !(nonEmpty && s.isEmpty) else {
            issue(path, "expected a\(nonEmpty ? " non-empty" : "") string, got \(value.kindDescription)")
            return nil
        }
        return s
    }

    mutating func whole(_ value: JSONValue?, _ path: String, minimum: Int) -> Int? {
        guard let value else { return nil }
        guard case .number(let x) = value, x == x.rounded(), x >= Double(minimum), x <= 9_007_199_254_740_992 else {
            let got = if case .number(let x) = value { JSONWriter.format(number: x) } else { value.kindDescription }
            issue(path, "expected a whole number of at least \(minimum), got \(got)")
            return nil
        }
        return Int(x)
    }

    mutating func explore(_ json: JSONValue) -> ExploreFile? {
        guard let root = object(json, "$", keys: ExploreFile.rootKeys) else { return nil }
        let name = string(root["name"], "$.name")
        if root["name"] == nil { issue("$.name", "missing; every exploration needs a name") }
        let description = string(root["description"], "$.description", nonEmpty: false)
        let base = string(root["base"], "$.base")
        let seed = whole(root["seed"], "$.seed", minimum: 0).map(UInt64.init) ?? 1
        let replications = whole(root["replications"], "$.replications", minimum: 2) ?? 100
        let worlds = whole(root["worlds"], "$.worlds", minimum: 2)
        if root["worlds"] == nil { issue("$.worlds", "missing; the number of worlds (Latin hypercube samples), e.g. 200") }
        let design = worldDesign(root["uncertainties"], metrics: root["metrics"], name: name, seed: seed, worlds: worlds ?? 2)
        let policies = policyList(root["policies"])
        let thresholds = thresholdList(root["thresholds"], metrics: design?.metrics ?? [])
        guard let name, let design, let policies, let thresholds, worlds != nil, issues.isEmpty else { return nil }
        return ExploreFile(name: name, description: description, base: base, seed: seed, replications: replications,
                           worlds: worlds!, worldDesign: design, policies: policies, metrics: design.metrics,
                           thresholds: thresholds, json: json)
    }

    /// The uncertainties and metrics are read as the parameters and metrics of an LHS sweep
    /// (the same keys and checks, defined once), their issues moved to `$.uncertainties`.
    mutating func worldDesign(_ value: JSONValue?, metrics: JSONValue?, name: String?, seed: UInt64, worlds: Int) -> SweepFile? {
        if value == nil {
            issue("$.uncertainties", "missing; a list of {\"path\": ..., \"min\": ..., \"max\": ...} or {\"path\": ..., \"values\": [...]}")
        }
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name ?? "explore")), ("design", .string("lhs")), ("samples", .number(Double(worlds))),
            ("replications", .number(1)), ("seed", .number(Double(seed))),
            ("parameters", value ?? .array([.object([("path", .string("name")), ("values", .array([.string("x")]))])])),
        ]
        if let metrics { members.append(("metrics", metrics)) }
        do throws(ScenarioError) {
            let design = try SweepFile.decode(json: .object(members), file: file)
            return value == nil ? nil : design
        } catch {
            for i in error.issues {
                let path = i.path.hasPrefix("$.parameters") ? "$.uncertainties" + i.path.dropFirst("$.parameters".count) : i.path
                issue(path, i.message.replacingOccurrences(of: "is also parameter", with: "is also uncertainty"))
            }
            return nil
        }
    }

    mutating func policyList(_ value: JSONValue?) -> [ExploreFile.Policy]? {
        guard let value else {
            issue("$.policies", "missing; at least two {\"name\": ..., \"scenario\": \"file.json\"} or {\"name\": ..., \"set\": {\"path\": value}}")
            return nil
        }
        guard case .array(let elements) = value, elements.count >= 2 else {
            issue("$.policies", "expected a list of at least two policies, got "
                  + (value.arrayCount.map { "\($0)" } ?? value.kindDescription))
            return nil
        }
        var result: [ExploreFile.Policy] = []
        for (i, element) in elements.enumerated() {
            let at = "$.policies[\(i)]"
            guard let policy = self.policy(element, at) else { continue }
            if let first = result.firstIndex(where: { $0.name == policy.name }) {
                issue(at + ".name", "\"\(policy.name)\" is also policy \(first); names must differ")
            }
            result.append(policy)
        }
        return result.count == elements.count ? result : nil
    }

    mutating func policy(_ value: JSONValue, _ at: String) -> ExploreFile.Policy? {
        guard let element = object(value, at, keys: ExploreFile.policyKeys) else { return nil }
        let before = issues.count
        let name = string(element["name"], at + ".name")
        if element["name"] == nil { issue(at + ".name", "missing; a policy needs a name") }
        if let name, !ExploreFile.isPolicyName(name) {
            issue(at + ".name", "\"\(name)\" is not a name: use letters, digits, '-' and '_' (it is written in --case expressions)")
        }
        let description = string(element["description"], at + ".description", nonEmpty: false)
        let scenario = string(element["scenario"], at + ".scenario")
        var set: [(path: ScenarioPath, value: JSONValue)] = []
        if let v = element["set"] {
            if case .object(let members) = v {
                for member in members {
                    let memberAt = at + ".set[\"\(member.key)\"]"
                    do throws(PathSyntaxError) {
                        set.append((try ScenarioPath(parsing: member.key), member.value))
                    } catch {
                        issue(memberAt, error.message)
                    }
                }
            } else {
                issue(at + ".set", "expected an object of scenario path → value, got \(v.kindDescription)")
            }
        }
        if element["scenario"] == nil && element["set"] == nil {
            issue(at, "missing \"scenario\" (a scenario file) or \"set\" (path → value overrides); give one or both")
        }
        guard issues.count == before, let name else { return nil }
        return ExploreFile.Policy(name: name, description: description, scenario: scenario, set: set)
    }

    mutating func thresholdList(_ value: JSONValue?, metrics: [ReplicationMetric]) -> [Double?]? {
        var result = [Double?](repeating: nil, count: metrics.count)
        guard let value else { return result }
        guard case .object(let members) = value else {
            issue("$.thresholds", "expected an object of metric name → number, got \(value.kindDescription)")
            return nil
        }
        let before = issues.count
        for member in members {
            let at = "$.thresholds.\(member.key)"
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
        return issues.count == before ? result : nil
    }
}

extension JSONValue {
    var arrayCount: Int? {
        if case .array(let a) = self { return a.count }
        return nil
    }
}
