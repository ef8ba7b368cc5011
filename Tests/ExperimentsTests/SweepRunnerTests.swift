import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// Small scenarios (horizon 12, few use cases) so each test takes a fraction of a second.
@Suite struct SweepRunnerTests {
    static let base = #"{"name": "tiny", "horizonMonths": 12, "portfolio": {"initialUseCases": 5, "arrivalsPerMonth": 0.5, "arrivalsUntilMonth": 12}}"#

    private func plan(_ design: String) throws -> SweepPlan {
        let text = """
            {"name": "t", "design": "\(design)", "replications": 6, "seed": 4,
             \(design == "lhs" ? "\"samples\": 9," : design == "morris" ? "\"trajectories\": 3, \"levels\": 4," : "")
             "parameters": [
               \(design == "oat" ? #"{"path": "teams.delivery", "low": 1, "high": 4}"# : design == "grid" ? #"{"path": "teams.delivery", "values": [1, 3]}"# : #"{"path": "teams.delivery", "min": 1, "max": 4, "integer": true}"#),
               \(design == "oat" ? #"{"path": "dataDomains[*].readiness", "low": 0.2, "high": 0.9}"# : design == "grid" ? #"{"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.9, "levels": 3}"# : #"{"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.9}"#)],
             "metrics": ["pilots_started", "use_cases"]}
            """
        let file = try SweepFile.decode(json: try JSONParser.parse(text), file: "t.json")
        let base = try Scenario.parse(Self.base, file: "tiny.json")
        return try SweepPlan(file: file, baseTree: base.encode(), fileName: "t.json")
    }

    private func scratch() -> String {
        NSTemporaryDirectory() + "execsim-sweep-\(UUID().uuidString)"
    }

    private func read(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    private func files(_ directory: String) -> [String: [UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { ($0, read(directory + "/" + $0)) })
    }

    @Test(arguments: ["grid", "lhs", "morris", "oat"])
    func outputDoesNotDependOnThreads(design: String) throws {
        let plan = try plan(design)
        let one = scratch(), two = scratch()
        defer { for d in [one, two] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: one, threads: 1)
        try SweepRunner.run(plan, to: two, threads: 2)
        let a = files(one)
        #expect(a == files(two))
        #expect(Set(a.keys) == Set(["points.csv", "manifest.json"]).union(design == "morris" ? ["sensitivity.csv"] : design == "oat" ? ["tornado.csv"] : []))
        let lines = String(decoding: a["points.csv"]!, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + plan.points.count)
    }

    @Test func resumeAfterAHalfWrittenLineGivesTheSameBytes() throws {
        let plan = try plan("grid")
        let whole = scratch(), cut = scratch()
        defer { for d in [whole, cut] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: whole, threads: 2)
        let points = read(whole + "/points.csv")
        // Simulate a kill: keep the header, two rows and half of the third.
        try SweepRunner.run(plan, to: cut, threads: 2)
        let newlines = points.indices.filter { points[$0] == UInt8(ascii: "\n") }
        try Data(points[..<(newlines[2] + 9)]).write(to: URL(fileURLWithPath: cut + "/points.csv"))
        try? FileManager.default.removeItem(atPath: cut + "/sensitivity.csv")
        let report = try SweepRunner.run(plan, to: cut, threads: 1, resume: true)
        #expect(report.resumed == 2)
        #expect(files(cut) == files(whole))
    }

    @Test func refusesToOverwriteOrToResumeAnotherSweep() throws {
        let plan = try plan("grid"), other = try self.plan("oat")
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SweepRunner.run(plan, to: directory, threads: 1)
        #expect(throws: SweepRunError.self) { try SweepRunner.run(plan, to: directory, threads: 1) }
        do {
            try SweepRunner.run(other, to: directory, threads: 1, resume: true)
            Issue.record("resumed another sweep")
        } catch {
            #expect(error.description == "cannot resume the sweep in \(directory): the sweep file differs from the one it was started with; run it into another --out, or delete the folder to start over")
        }
        // Resuming a finished sweep changes nothing.
        let before = files(directory)
        let report = try SweepRunner.run(plan, to: directory, threads: 2, resume: true)
        #expect(report.resumed == plan.points.count)
        #expect(files(directory) == before)
    }

    @Test(arguments: ["grid", "morris", "oat"])
    func shardsMergeToTheUnshardedOutput(design: String) throws {
        let plan = try plan(design)
        let whole = scratch(), merged = scratch()
        let shards = (0..<3).map { _ in scratch() }
        defer { for d in [whole, merged] + shards { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: whole, threads: 2)
        for (i, d) in shards.enumerated() {
            try SweepRunner.run(plan, to: d, threads: 1, shard: SweepShard(index: i, count: 3))
        }
        try SweepMerge.merge(shards.reversed(), to: merged)
        #expect(files(merged) == files(whole))

        do {
            try SweepMerge.merge(Array(shards.prefix(2)), to: merged)
            Issue.record("merged with a shard missing")
        } catch {
            #expect(error.description.hasPrefix("missing "))
            #expect(error.description.hasSuffix("; shards not given: 2/3"))
        }
    }

    @Test func mergeRefusesShardsOfDifferentSweeps() throws {
        let a = scratch(), b = scratch()
        defer { for d in [a, b] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(try plan("grid"), to: a, threads: 1, shard: SweepShard(index: 0, count: 2))
        try SweepRunner.run(try plan("lhs"), to: b, threads: 1, shard: SweepShard(index: 1, count: 2))
        #expect(throws: SweepRunError.self) { try SweepMerge.merge([a, b], to: a + "-merged") }
    }
}
