import Foundation
import Testing
import ProgramModel
import SimKernel
@testable import Experiments

/// The explore file, the runner's files and their reproducibility, on tiny scenarios.
@Suite struct ExploreTests {
    static let base = #"{"name": "tiny", "horizonMonths": 24, "portfolio": {"initialUseCases": 8, "arrivalsPerMonth": 0.5, "arrivalsUntilMonth": 24}}"#

    static func text(worlds: Int = 7, replications: Int = 5) -> String {
        """
        {"name": "t", "seed": 3, "replications": \(replications), "worlds": \(worlds),
         "uncertainties": [{"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.8},
                           {"path": "stages.dataPrep.blockerRate", "min": 0.2, "max": 0.8},
                           {"path": "governance.screening.local", "values": [0.2, 0.5]}],
         "policies": [{"name": "central", "set": {"governance.style": "centralized"}},
                      {"name": "hybrid", "set": {"governance.style": "hybrid", "teams.placement": "perBusinessUnit"}},
                      {"name": "codev", "set": {"coDevelopment.enabled": true}}],
         "metrics": ["pilot_to_scale_rate", "time_to_first_value_months"],
         "thresholds": {"pilot_to_scale_rate": 0.2}}
        """
    }

    private func plan(worlds: Int = 7, replications: Int = 5) throws -> ExplorePlan {
        let file = try ExploreFile.decode(json: try JSONParser.parse(Self.text(worlds: worlds, replications: replications)), file: "e.json")
        return try ExplorePlan(file: file, baseTree: try Scenario.parse(Self.base, file: "tiny.json").encode(),
                               policies: file.policies.map { p in
                                   ExplorePlan.Policy(name: p.name, set: p.set.map { ExplorePlan.Override(path: $0.path, value: $0.value) })
                               }, fileName: "e.json")
    }

    private func scratch() -> String { temporaryFolder("explore") }

    private func files(_ directory: String) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: directory + "/" + $0)!) })
    }

    // MARK: The file

    private func issuePaths(_ text: String) -> [String] {
        do throws(ScenarioError) {
            let file = try ExploreFile.decode(json: try! JSONParser.parse(text), file: "e.json")
            _ = try ExplorePlan(file: file, baseTree: Scenario().encode(), policies: file.policies.map { p in
                ExplorePlan.Policy(name: p.name, set: p.set.map { ExplorePlan.Override(path: $0.path, value: $0.value) })
            }, fileName: "e.json")
            return []
        } catch {
            #expect(error.issues.allSatisfy { $0.file == "e.json" && !$0.message.isEmpty })
            return error.issues.map(\.path)
        }
    }

    @Test func theTestFileIsValid() {
        #expect(issuePaths(Self.text()) == [])
    }

    /// Each invalid field, alone in an otherwise valid file, is reported at its own path.
    @Test(arguments: [
        (#""name": "t","#, #""name": 5,"#, "$.name"),
        (#""name": "t","#, "", "$"),
        (#""seed": 3,"#, #""seed": -1,"#, "$.seed"),
        (#""seed": 3,"#, #""seed": 3, "sed": 1,"#, "$.sed"),
        (#""replications": 5,"#, #""replications": 1,"#, "$.replications"),
        (#""worlds": 7,"#, #""worlds": 2.5,"#, "$.worlds"),
        (#""worlds": 7,"#, "", "$"),
        (#""min": 0.2, "max": 0.8},"#, #""min": 0.8, "max": 0.2},"#, "$.uncertainties[0].max"),
        (#""dataDomains[*].readiness""#, #""dataDomains[*].readyness""#, "$.uncertainties[0].path"),
        (#""dataDomains[*].readiness""#, #""dataDomains[*.readiness""#, "$.uncertainties[0].path"),
        (#""values": [0.2, 0.5]"#, #""values": []"#, "$.uncertainties[2].values"),
        (#""values": [0.2, 0.5]"#, #""values": [0.2, 5]"#, "$.uncertainties"),
        (#"{"name": "central", "set""#, #"{"name": "cen tral", "set""#, "$.policies[0].name"),
        (#"{"name": "codev", "#, #"{"name": "central", "#, "$.policies[2].name"),
        (#"{"name": "codev", "set": {"coDevelopment.enabled": true}}"#, #"{"name": "codev"}"#, "$.policies[2]"),
        (#"{"name": "codev", "set": {"coDevelopment.enabled": true}}"#, #"{"name": "codev", "set": [1]}"#, "$.policies[2].set"),
        (#"{"name": "codev", "set": {"coDevelopment.enabled": true}}"#, #"{"name": "codev", "set": {"coDevelopment.enabled": true}, "levers": 1}"#, "$.policies[2].levers"),
        (#""coDevelopment.enabled": true"#, #""coDevelopment.enable": true"#, "$.policies[2].set[\"coDevelopment.enable\"]"),
        (#""coDevelopment.enabled": true"#, #""coDevelopment..enabled": true"#, "$.policies[2].set[\"coDevelopment..enabled\"]"),
        (#""coDevelopment.enabled": true"#, #""coDevelopment.enabled": 3"#, "$.policies"),
        (#"{"name": "central", "set""#, #"{"set""#, "$.policies[0]"),
        (#""metrics": ["pilot_to_scale_rate", "time_to_first_value_months"],"#, #""metrics": ["pilot_to_scale"],"#, "$.metrics[0]"),
        (#""metrics": ["pilot_to_scale_rate", "time_to_first_value_months"],"#, #""metrics": [],"#, "$.metrics"),
        (#""thresholds": {"pilot_to_scale_rate": 0.2}"#, #""thresholds": {"npv": 0}"#, "$.thresholds.npv"),
        (#""thresholds": {"pilot_to_scale_rate": 0.2}"#, #""thresholds": {"pilot_to_scale_rate": "high"}"#, "$.thresholds.pilot_to_scale_rate"),
        (#""thresholds": {"pilot_to_scale_rate": 0.2}"#, #""thresholds": [0.2]"#, "$.thresholds"),
    ])
    func everyInvalidFieldIsRejectedWithItsPath(valid: String, invalid: String, path: String) {
        let text = Self.text()
        #expect(text.contains(valid))
        let broken = text.replacingOccurrences(of: valid, with: invalid)
        let paths = issuePaths(broken)
        #expect(paths.contains(path), "\(path) not in \(paths)")
    }

    @Test func aMissingUncertaintiesOrPoliciesListIsNamed() {
        #expect(issuePaths(#"{"name": "x", "worlds": 3, "metrics": ["npv"]}"#) == ["$", "$"])
        #expect(issuePaths(#"{"name": "x", "worlds": 3, "metrics": ["npv"], "uncertainties": [{"path": "fit.pooled", "min": 0, "max": 1}], "policies": [{"name": "a", "set": {}}]}"#) == ["$.policies"])
    }

    @Test func aPolicyScenarioFileBecomesOverrides() throws {
        let d = scratch()
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: d) }
        try #"{"name": "r", "architecture": {"eventDriven": true}, "stages": {"pilot": {"duration": {"dist": "uniform", "min": 1, "max": 2}}}}"#
            .write(toFile: d + "/r.json", atomically: true, encoding: .utf8)
        let text = Self.text().replacingOccurrences(of: #"{"name": "codev", "set": {"coDevelopment.enabled": true}}"#,
                                                    with: #"{"name": "codev", "scenario": "r.json", "set": {"architecture.eventDriven": false}}"#)
        try text.write(toFile: d + "/e.json", atomically: true, encoding: .utf8)
        let plan = try ExplorePlan.load(try ExploreFile.load(contentsOf: d + "/e.json"), explorePath: d + "/e.json")
        // Distribution objects are set whole; `set` overrides the file's value in place... last.
        #expect(plan.policies[2].set.map(\.path.description) == ["stages.pilot.duration", "architecture.eventDriven"])
        #expect(plan.policies[2].set.last?.value == .bool(false))
        let s = try plan.scenario(world: 0, policy: 2)
        #expect(s.architecture.eventDriven == false)
    }

    // MARK: Running

    @Test func allPoliciesOfAWorldShareItsReplicationsAndWorldsDoNot() throws {
        let plan = try plan()
        #expect(plan.randomKey(group: 4, replication: 2) == (3, 4 * 5 + 2))
        #expect(plan.randomKey(group: 0, replication: 4) != plan.randomKey(group: 1, replication: 4))
    }

    /// Common random numbers inside a world: the paired differences of two policies over 200
    /// replications of one world have a smaller standard deviation than differences taken
    /// against the other policy run on another world's draws (same parameters, independent
    /// seeds). Both standard deviations carry ~5% sampling error at n = 200, and CRN removes
    /// the shared portfolio luck, which dominates here, so the margin is wide.
    @Test func commonRandomNumbersNarrowPairedDifferences() throws {
        let plan = try plan(worlds: 2, replications: 200)
        var a = ProgramSimulation(scenario: try plan.scenario(world: 0, policy: 0))
        var b = ProgramSimulation(scenario: try plan.scenario(world: 0, policy: 2))
        var paired: [Double] = [], independent: [Double] = []
        for r in 0..<200 {
            let key = plan.randomKey(group: 0, replication: r), other = plan.randomKey(group: 1, replication: r)
            let x = a.run(seed: key.seed, replication: key.replication).value(of: .pilotsStarted) ?? 0
            let y = b.run(seed: key.seed, replication: key.replication).value(of: .pilotsStarted) ?? 0
            let z = b.run(seed: other.seed, replication: other.replication).value(of: .pilotsStarted) ?? 0
            paired.append(y - x)
            independent.append(z - x)
        }
        let crn = try #require(Summary(values: paired).std), indep = try #require(Summary(values: independent).std)
        #expect(crn < 0.7 * indep, "paired sd \(crn) vs independent \(indep)")
    }

    @Test func outputDoesNotDependOnThreadsAndHasEveryFile() throws {
        let plan = try plan()
        let one = scratch(), two = scratch()
        defer { for d in [one, two] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: one, threads: 1)
        try SweepRunner.run(plan, to: two, threads: 2)
        let a = files(one)
        #expect(a == files(two))
        #expect(Set(a.keys) == ["experiments.csv", "manifest.json", "robustness.csv", "importance.csv", "discovery.csv", "discovery.json"])
        let lines = String(decoding: a["experiments.csv"]!, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + 7 * 3)
        #expect(lines[0] == "world,policy,dataDomains[*].readiness,stages.dataPrep.blockerRate,governance.screening.local,pilot_to_scale_rate_mean,pilot_to_scale_rate_ci95_half_width,pilot_to_scale_rate_regret_ci95_half_width,time_to_first_value_months_mean,time_to_first_value_months_ci95_half_width,time_to_first_value_months_regret_ci95_half_width")
        #expect(lines[1].hasPrefix("0,central,") && lines[2].hasPrefix("0,hybrid,") && lines[4].hasPrefix("1,central,"))
        // The world's values are the same on each of its rows.
        #expect(lines[1].split(separator: ",")[2...4] == lines[3].split(separator: ",")[2...4])
    }

    /// A run killed in the middle of a world (two of its three rows written and half of the
    /// third) resumes to the same bytes, redoing that whole world.
    @Test func resumeAfterAKillInsideAWorldGivesTheSameBytes() throws {
        let plan = try plan()
        let whole = scratch(), cut = scratch()
        defer { for d in [whole, cut] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: whole, threads: 2)
        let table = try #require(FileManager.default.contents(atPath: whole + "/experiments.csv"))
        let newlines = table.indices.filter { table[$0] == UInt8(ascii: "\n") }
        try SweepRunner.run(plan, to: cut, threads: 2)
        for name in ["robustness.csv", "importance.csv", "discovery.csv", "discovery.json"] {
            try FileManager.default.removeItem(atPath: cut + "/" + name)
        }
        // Header, world 0 (3 rows), 2 rows of world 1 and part of the third.
        try table[..<(newlines[5] + 7)].write(to: URL(fileURLWithPath: cut + "/experiments.csv"))
        let report = try SweepRunner.run(plan, to: cut, threads: 1, resume: true)
        #expect(report.resumed == 1)
        #expect(files(cut) == files(whole))
    }

    /// An edited uncertainty cell is found on resume (that world is run again, back to the
    /// original bytes) and an edited policy name makes merge refuse the shard, as for sweeps.
    @Test func editedRowsAreRunAgainOnResumeAndRefusedByMerge() throws {
        let plan = try plan()
        let whole = scratch(), edited = scratch(), shards = scratch()
        defer { for d in [whole, edited, shards] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: whole, threads: 1)
        try SweepRunner.run(plan, to: edited, threads: 1)
        let original = try String(contentsOfFile: whole + "/experiments.csv", encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[4].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[0] == "1" && cells[1] == "central")
        let kept = cells[2]
        cells[2] = kept == "0.5" ? "0.25" : "0.5"
        lines[4] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: edited + "/experiments.csv", atomically: true, encoding: .utf8)
        let report = try SweepRunner.run(plan, to: edited, threads: 1, resume: true)
        #expect(report.resumed == 1)
        #expect(report.recomputed?.contains("world 1, column") == true)
        #expect(report.recomputed?.contains("but the design gives '\(kept)'") == true)
        #expect(try String(contentsOfFile: edited + "/experiments.csv", encoding: .utf8) == original)

        for i in 0..<2 { try SweepRunner.run(plan, to: shards + "/s\(i)", threads: 1, shard: SweepShard(index: i, count: 2)) }
        let path = shards + "/s1/experiments.csv"
        let shard = try String(contentsOfFile: path, encoding: .utf8)
        try shard.replacingOccurrences(of: ",hybrid,", with: ",central,").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            try SweepMerge.merge([shards + "/s0", shards + "/s1"], to: shards + "/m")
            Issue.record("an edited shard was merged")
        } catch {
            #expect(error.description.contains("column policy holds 'central' but the design gives 'hybrid'"))
        }
    }

    @Test func shardsMergeToTheUnshardedOutput() throws {
        let plan = try plan()
        let whole = scratch(), merged = scratch()
        let shards = (0..<3).map { _ in scratch() }
        defer { for d in [whole, merged] + shards { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: whole, threads: 2)
        for (i, d) in shards.enumerated() {
            try SweepRunner.run(plan, to: d, threads: 1, shard: SweepShard(index: i, count: 3))
            #expect(Set(files(d).keys) == ["experiments.csv", "manifest.json"])
        }
        try SweepMerge.merge(shards.reversed(), to: merged)
        #expect(files(merged) == files(whole))
        do {
            try SweepMerge.merge(Array(shards.prefix(2)), to: merged + "-2")
            Issue.record("merged with a shard missing")
        } catch {
            #expect(error.description.hasPrefix("missing 2 of 7 worlds: 2, 5"))
        }
    }

    /// `discover` on the folder reproduces the default discovery files byte for byte, and a
    /// given case replaces them.
    @Test func rediscoveryMatchesTheRunAndTakesACase() throws {
        let plan = try plan()
        let d = scratch(), again = scratch()
        defer { for x in [d, again] { try? FileManager.default.removeItem(atPath: x) } }
        try SweepRunner.run(plan, to: d, threads: 2)
        _ = try ExploreAnalysis.rediscover(directory: d, cases: [], options: .init(), out: again)
        #expect(files(again)["discovery.csv"] == files(d)["discovery.csv"])
        #expect(files(again)["discovery.json"] == files(d)["discovery.json"])
        let found = try ExploreAnalysis.rediscover(directory: d, cases: ["hybrid beats central on pilot_to_scale_rate"],
                                                   options: .init(), out: again)
        #expect(found.count == 1 && found[0].discoveryCase.description == "hybrid beats central on pilot_to_scale_rate")
        let csv = String(decoding: files(again)["discovery.csv"]!, as: UTF8.self)
        #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("hybrid beats central on pilot_to_scale_rate,") })
        #expect(throws: ExploreAnalysisError.self) {
            try ExploreAnalysis.rediscover(directory: d, cases: ["hybrid beats nobody on npv"], options: .init(), out: again)
        }
    }

    @Test func reportIsWellFormedWithEveryChart() throws {
        let plan = try plan(worlds: 12)
        let d = scratch()
        defer { try? FileManager.default.removeItem(atPath: d) }
        try SweepRunner.run(plan, to: d, threads: 2)
        _ = try ExploreAnalysis.rediscover(directory: d, cases: ["hybrid beats central on pilot_to_scale_rate"], options: .init(), out: d)
        #expect(ReportBuilder.kind(of: d) == .exploration)
        let report = try ReportBuilder.writeReport(forDirectory: d)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xmlError(html) == nil)
        #expect(html.contains("best / best or tied"))
        for name in ["explore-outcomes", "explore-regret", "explore-trajectories", "explore-discovery-1", "explore-box-1"] {
            #expect(html.contains("<figure id=\"\(name)\""), "\(name) in report")
            let svg = try String(contentsOfFile: d + "/" + name + ".svg", encoding: .utf8)
            #expect(xmlError(svg) == nil, "\(name).svg")
        }
    }

    /// The shipped example is valid: every cell of its 256 worlds builds a scenario.
    @Test func theShippedExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("scenarios/explore/operating-models.json").path
        let plan = try ExplorePlan.load(try ExploreFile.load(contentsOf: path), explorePath: path)
        #expect(plan.file.worlds >= 200 && plan.policies.count == 4)
        #expect(plan.policies.map(\.name) == ["centralized-pooled", "hybrid-federated", "co-development", "operating-model-redesign"])
    }
}
