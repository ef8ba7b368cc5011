import Foundation
import ProgramModel

/// `manifest.json` of an exploration: the explore file's content (`explore`), each policy's
/// overrides as resolved from its scenario file and `set` (`policy_sets`), and the full base
/// scenario (`base`), so it can be repeated, resumed, merged and re-analysed without the files
/// it was made from. Like a sweep's it holds no time, host or command line; a shard's adds `shard`.
public enum ExploreManifest {
    public static func json(_ plan: ExplorePlan, shard: SweepShard?) -> JSONValue {
        let file = plan.file
        var members: [(key: String, value: JSONValue)] = [
            ("execsim_version", .string(ExecsimVersion.current)),
            ("name", .string(file.name)),
            ("design", .string("explore")),
            ("seed", .number(Double(file.seed))),
            ("replications", .number(Double(file.replications))),
            ("worlds", .number(Double(file.worlds))),
            ("uncertainties", .array(file.uncertainties.map { .string($0.path.description) })),
            ("policies", .array(plan.policies.map { .string($0.name) })),
            ("metrics", .array(file.metrics.map { .string($0.name) })),
        ]
        if let shard {
            members.append(("shard", .object([("index", .number(Double(shard.index))),
                                              ("count", .number(Double(shard.count)))])))
        }
        members += [
            ("explore", file.json),
            ("policy_sets", .array(plan.policies.map { policy in
                .object([("name", .string(policy.name)),
                         ("set", .object(policy.set.map { ($0.path.description, $0.value) }))])
            })),
            ("base", plan.baseTree),
        ]
        return .object(members)
    }

    public static func text(_ plan: ExplorePlan, shard: SweepShard?) -> String {
        JSONWriter.prettyText(json(plan, shard: shard))
    }

    /// The explore file recorded in `DIR/manifest.json` (enough for `discover`: no scenario is
    /// rebuilt), or nil when the folder is not an exploration's.
    public static func file(directory: String) throws(ScenarioError) -> ExploreFile? {
        guard let json = try manifestJSON(directory: directory), let explore = json["explore"] else { return nil }
        return try ExploreFile.decode(json: explore, file: directory + "/manifest.json ($.explore)")
    }

    /// The plan and shard recorded in `DIR/manifest.json`, or nil when it is not an exploration's.
    static func readIfExplore(directory: String) throws(ScenarioError) -> (plan: ExplorePlan, shard: SweepShard?)? {
        let path = directory + "/manifest.json"
        guard let json = try manifestJSON(directory: directory), let explore = json["explore"] else { return nil }
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(issues: [ScenarioIssue(file: path, path: "$", message: message)])
        }
        guard let base = json["base"], case .array(let sets)? = json["policy_sets"] else {
            throw fail("not an explore manifest (no \"base\" or \"policy_sets\")")
        }
        let file = try ExploreFile.decode(json: explore, file: path + " ($.explore)")
        var policies: [ExplorePlan.Policy] = []
        for set in sets {
            guard case .string(let name)? = set["name"], case .object(let members)? = set["set"] else {
                throw fail("$.policy_sets holds an entry that is not {name, set}")
            }
            var overrides: [ExplorePlan.Override] = []
            for member in members {
                guard let p = try? ScenarioPath(parsing: member.key) else { throw fail("$.policy_sets: '\(member.key)' is not a path") }
                overrides.append(ExplorePlan.Override(path: p, value: member.value))
            }
            policies.append(ExplorePlan.Policy(name: name, set: overrides))
        }
        let plan = try ExplorePlan(file: file, baseTree: base, policies: policies, fileName: path + " ($.explore)")
        var shard: SweepShard?
        if let s = json["shard"] {
            guard case .number(let i)? = s["index"], case .number(let n)? = s["count"],
                  let parsed = SweepShard(index: Int(i), count: Int(n)) else { throw fail("$.shard is not {index, count}") }
            shard = parsed
        }
        return (plan, shard)
    }

    private static func manifestJSON(directory: String) throws(ScenarioError) -> JSONValue? {
        let path = directory + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(issues: [ScenarioIssue(file: path, path: "$",
                                                       message: "cannot read the file; is \(directory) the output folder of execsim sweep or explore?")])
        }
        return try DocumentReader.parse(bytes: [UInt8](data), file: path)
    }
}
