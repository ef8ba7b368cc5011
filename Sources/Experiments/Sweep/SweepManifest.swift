import Foundation
import ProgramModel

/// `manifest.json` of a sweep: what produced its files — the sweep file's content, the base
/// scenario in full, version, seed and design — so it can be repeated, resumed and merged.
///
/// It holds no time, host or command line: resuming compares it byte for byte with the one
/// the current sweep file would give, and merging shards must reproduce exactly the manifest
/// of an unsharded run, so it has to depend on the sweep alone. A shard's manifest adds only
/// `shard`.
public enum SweepManifest {
    public static func json(_ plan: SweepPlan, shard: SweepShard?) -> JSONValue {
        let file = plan.file
        var members: [(key: String, value: JSONValue)] = [
            ("execsim_version", .string(ExecsimVersion.current)),
            ("name", .string(file.name)),
            ("design", .string(file.design.rawValue)),
            ("seed", .number(Double(file.seed))),
            ("replications", .number(Double(file.replications))),
            ("points", .number(Double(plan.points.count))),
            ("parameters", .array(file.parameters.map { .string($0.path.description) })),
            ("metrics", .array(file.metrics.map { .string($0.name) })),
        ]
        if let shard {
            members.append(("shard", .object([("index", .number(Double(shard.index))),
                                              ("count", .number(Double(shard.count)))])))
        }
        members += [("sweep", file.json), ("base", plan.baseTree)]
        return .object(members)
    }

    public static func text(_ plan: SweepPlan, shard: SweepShard?) -> String {
        JSONWriter.prettyText(json(plan, shard: shard))
    }

    /// A manifest read back: the plan it describes and its shard, for merging.
    public struct Recorded {
        public var plan: SweepPlan
        public var shard: SweepShard?
        public var json: JSONValue
    }

    /// Reads `DIR/manifest.json` and rebuilds the plan from the recorded sweep and base.
    public static func read(directory: String) throws(ScenarioError) -> Recorded {
        let path = directory + "/manifest.json"
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(issues: [ScenarioIssue(file: path, path: "$", message: message)])
        }
        guard let data = try? [UInt8](contentsOf: path) else {
            throw fail("cannot read the file; is \(directory) the output folder of execsim sweep?")
        }
        let json: JSONValue
        do throws(JSONSyntaxError) { json = try JSONParser.parse(data) } catch { throw fail("invalid JSON at \(error)") }
        guard let sweep = json["sweep"], let base = json["base"] else {
            throw fail("not a sweep manifest (no \"sweep\" or \"base\")")
        }
        let file = try SweepFile.decode(json: sweep, file: path + " ($.sweep)")
        let plan = try SweepPlan(file: file, baseTree: base, fileName: path + " ($.sweep)")
        var shard: SweepShard?
        if let s = json["shard"] {
            guard case .number(let i)? = s["index"], case .number(let n)? = s["count"],
                  let parsed = SweepShard(index: Int(i), count: Int(n)) else { throw fail("$.shard is not {index, count}") }
            shard = parsed
        }
        return Recorded(plan: plan, shard: shard, json: json)
    }
}

extension Array where Element == UInt8 {
    init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(action: OutputError.read, path: path, reason: "cannot read")
        }
        self = [UInt8](data)
    }
}
