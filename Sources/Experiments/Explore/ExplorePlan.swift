import Foundation
import ProgramModel

/// An exploration ready to run: the worlds (a Latin hypercube over the uncertainties, built by
/// the sweep's LHS design), the policies resolved to path overrides, and every (world, policy)
/// cell already checked to give a valid scenario.
///
/// A cell's scenario is the base tree with the world's values set, then the policy's overrides
/// on top: a policy that sets an uncertain field fixes it for that policy (the lever decides it).
///
/// Common random numbers: world w's replication r runs as replication w·R + r of the seed,
/// for every policy. Policies in a world are thus paired replication by replication, and
/// worlds differ in their draws as well as in their parameters (a world is a fresh sample
/// of use cases, as a real organization would be).
public struct ExplorePlan: Sendable {
    /// A policy as run: its name and the overrides it applies, scenario file first.
    public struct Policy: Sendable, Equatable {
        public var name: String
        public var set: [Override]
    }

    public struct Override: Sendable, Equatable {
        public var path: ScenarioPath
        public var value: JSONValue
    }

    public let file: ExploreFile
    public let baseTree: JSONValue
    /// The worlds: `worlds.points[w]` holds world w's value per uncertainty.
    public let worlds: SweepPlan
    public let policies: [Policy]

    /// Loads the base scenario and the policies' scenario files (relative to the explore file)
    /// and builds the plan.
    public static func load(_ file: ExploreFile, explorePath: String) throws(ScenarioError) -> ExplorePlan {
        let directory = (explorePath as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
        }
        var base = Scenario()
        if let relative = file.base { base = try Scenario.load(contentsOf: resolve(relative)) }
        var policies: [Policy] = []
        var issues: [ScenarioIssue] = []
        for (i, policy) in file.policies.enumerated() {
            var set: [Override] = []
            if let scenario = policy.scenario {
                do throws(ScenarioError) {
                    set = try levers(ofScenarioAt: resolve(scenario))
                } catch {
                    issues.append(ScenarioIssue(file: explorePath, path: "$.policies[\(i)].scenario",
                                                message: "'\(scenario)' is not a valid scenario: " + error.description))
                }
            }
            // `set` goes on top of the scenario file; a path set twice keeps its last value.
            for (path, value) in policy.set {
                set.removeAll { $0.path == path }
                set.append(Override(path: path, value: value))
            }
            policies.append(Policy(name: policy.name, set: set))
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
        return try ExplorePlan(file: file, baseTree: base.encode(), policies: policies, fileName: explorePath)
    }

    /// The fields a scenario file states (but its name and description), as overrides: nested
    /// sections become dotted paths; lists and distribution objects are set whole.
    static func levers(ofScenarioAt path: String) throws(ScenarioError) -> [Override] {
        _ = try Scenario.load(contentsOf: path)  // valid on its own, with its own issues
        guard case .object(let members) = try DocumentReader.load(contentsOf: path) else { return [] }
        var result: [Override] = []
        func flatten(_ value: JSONValue, _ prefix: String) {
            if case .object(let members) = value, value["dist"] == nil {
                for member in members { flatten(member.value, prefix + "." + member.key) }
            } else if let path = try? ScenarioPath(parsing: prefix) {
                result.append(Override(path: path, value: value))
            }
        }
        for member in members where member.key != "name" && member.key != "description" {
            flatten(member.value, member.key)
        }
        return result
    }

    /// Builds the plan over a base tree and resolved policies (from files, or from a manifest).
    ///
    /// - Throws: issues for policy paths that address nothing and for up to five cells that give
    ///   an invalid scenario.
    public init(file: ExploreFile, baseTree: JSONValue, policies: [Policy], fileName: String) throws(ScenarioError) {
        self.file = file
        self.baseTree = baseTree
        self.policies = policies
        do throws(ScenarioError) {
            worlds = try SweepPlan(file: file.worldDesign, baseTree: baseTree, fileName: fileName)
        } catch {
            throw ScenarioError(issues: error.issues.map { i in
                var i = i
                if i.path.hasPrefix("$.parameters") { i.path = "$.uncertainties" + i.path.dropFirst("$.parameters".count) }
                if i.message.hasPrefix("point ") { i.message = "world " + i.message.dropFirst("point ".count) }
                return i
            })
        }
        var issues: [ScenarioIssue] = []
        for (i, policy) in policies.enumerated() {
            for override in policy.set {
                do throws(PathSyntaxError) {
                    _ = try override.path.values(in: baseTree)
                } catch {
                    let written = file.policies.indices.contains(i) && file.policies[i].set.contains { $0.path == override.path }
                    issues.append(ScenarioIssue(file: fileName, path: written ? "$.policies[\(i)].set[\"\(override.path)\"]" : "$.policies[\(i)].scenario",
                                                message: "'\(override.path)' \(error.message)"))
                }
            }
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }

        let plan = self
        let cells = file.worlds * policies.count
        let failures = ParallelReplications.map(count: cells, threads: 0) { cell -> [ScenarioIssue]? in
            do throws(ScenarioError) {
                _ = try plan.scenario(world: cell / policies.count, policy: cell % policies.count)
                return nil
            } catch {
                return error.issues
            }
        }
        var bad = 0
        for (cell, failure) in failures.enumerated() {
            guard let failure else { continue }
            bad += 1
            if bad <= 5 {
                let world = cell / policies.count, policy = policies[cell % policies.count].name
                issues += failure.map {
                    ScenarioIssue(file: fileName, path: "$.policies",
                                  message: "policy \(policy) in world \(world) (\(worlds.describe(point: world))) gives an invalid scenario: \($0.path): \($0.message)")
                }
            }
        }
        if bad > 5 {
            issues.append(ScenarioIssue(file: fileName, path: "$.policies", message: "\(bad - 5) more cells give an invalid scenario"))
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
    }

    /// The scenario of one cell, decoded (and so validated) like a file.
    public func scenario(world: Int, policy: Int) throws(ScenarioError) -> Scenario {
        var tree = baseTree
        do throws(PathSyntaxError) {
            for (parameter, value) in zip(file.uncertainties, worlds.points[world]) {
                if let value { try parameter.path.apply(value, to: &tree) }
            }
            for override in policies[policy].set { try override.path.apply(override.value, to: &tree) }
        } catch {
            throw ScenarioError(issues: [ScenarioIssue(file: file.name, path: "$", message: error.message)])
        }
        return try Scenario.decode(json: tree, file: "world \(world), policy \(policies[policy].name)")
    }
}

extension ExplorePlan: PointExperiment {
    public var kind: String { "explore" }
    public var name: String { file.name }
    public var replications: Int { file.replications }
    public var metrics: [ReplicationMetric] { file.metrics }
    public var groupCount: Int { file.worlds }
    public var membersPerGroup: Int { policies.count }
    public var tableName: String { ExperimentsTable.fileName }
    public var analysisFiles: [String] { ["robustness.csv", "importance.csv", "discovery.csv", "discovery.json"] }
    public var tableHeader: [String] { ExperimentsTable.header(self) }
    public func manifestText(shard: SweepShard?) -> String { ExploreManifest.text(self, shard: shard) }
    public func scenario(group: Int, member: Int) throws(ScenarioError) -> Scenario {
        try scenario(world: group, policy: member)
    }
    public func randomKey(group: Int, replication r: Int) -> (seed: UInt64, replication: Int) {
        (file.seed, group * file.replications + r)
    }
    /// A kept row of experiments.csv against the design: its policy (rows of a world come in
    /// policy order) and its uncertainty values (the world's, from column 2 on), so an edited
    /// row is run again on resume and refused by merge, as for sweeps.
    public func rowMismatch(_ contents: PointsTable.Contents, row: Int) -> String? {
        let (world, range) = contents.rows[row]
        let policy = policies[row % policies.count].name
        let f = PointsTable.fields(contents.bytes[range.lowerBound..<(range.upperBound - 1)])
        if f.count > 1 && f[1] != policy {
            return "world \(world), column policy holds '\(f[1])' but the design gives '\(policy)'"
        }
        return PointsTable.parameterMismatch(contents, row: row, plan: worlds, firstColumn: 2, unit: "world")
    }
    public func appendRows(group: Int, values: [[[Double?]]], to csv: inout CSVWriter) {
        ExperimentsTable.appendRows(self, world: group, values: values, to: &csv)
    }
    public func writeAnalysis(directory: String) throws(OutputError) {
        try ExploreAnalysis.write(self, directory: directory)
    }
}
