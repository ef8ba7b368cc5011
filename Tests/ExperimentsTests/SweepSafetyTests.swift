import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// Sweep folders under concurrent, edited or foreign use: a lock names its holder, edited rows
/// are run again (resume) or refused (merge), and foreign folders are never overwritten.
@Suite struct SweepSafetyTests {
    private func plan(seed: Int = 4) throws -> SweepPlan {
        let text = """
            {"name": "safe", "design": "grid", "replications": 3, "seed": \(seed),
             "parameters": [{"path": "teams.delivery", "values": [1, 2, 5]}, {"path": "governance.style", "values": ["centralized", "federated"]}],
             "metrics": ["pilots_started"]}
            """
        let file = try SweepFile.decode(json: try JSONParser.parse(text), file: "safe.json")
        let base = try Scenario.parse(SweepRunnerTests.base, file: "tiny.json")
        return try SweepPlan(file: file, baseTree: base.encode(), fileName: "safe.json")
    }

    private func scratch() -> String { NSTemporaryDirectory() + "execsim-sweep-safety-\(UUID().uuidString)" }
    private func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    private func write(_ text: String, _ path: String) { FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }

    private func refusal(_ body: () throws(SweepRunError) -> Void) -> SweepRunError? {
        do { try body(); return nil } catch { return error }
    }

    @Test func aFolderInUseIsRefusedNamingItsHolder() throws {
        let plan = try plan(), dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var held: FolderLock? = try FolderLock(directory: dir, holder: "execsim sweep")
        for resume in [false, true] {
            guard case .output(let error)? = refusal({ () throws(SweepRunError) in
                try SweepRunner.run(plan, to: dir, threads: 1, resume: resume)
            }) else { Issue.record("a locked folder was written"); continue }
            #expect(error.reason.contains("in use by execsim sweep (pid \(getpid())"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/points.csv"))
        held = nil
        _ = held
        try SweepRunner.run(plan, to: dir, threads: 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + FolderLock.name), "the lock file outlived the run")
    }

    @Test func anEditedParameterIsRunAgainOnResume() throws {
        let plan = try plan(), whole = scratch(), edited = scratch()
        defer { for d in [whole, edited] { try? FileManager.default.removeItem(atPath: d) } }
        try SweepRunner.run(plan, to: whole, threads: 1)
        try SweepRunner.run(plan, to: edited, threads: 1)
        let original = read(whole + "/points.csv")
        // Point 3's delivery squads 2 → 9; its metrics stay, so only the parameters betray it.
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[4].hasPrefix("3,2,"))
        lines[4] = "3,9," + lines[4].dropFirst(4)
        write(lines.joined(separator: "\n"), edited + "/points.csv")
        let report = try SweepRunner.run(plan, to: edited, threads: 2, resume: true)
        #expect(report.resumed == 3)
        #expect(report.recomputed?.contains("column teams.delivery holds '9' but the design gives '2'") == true)
        #expect(read(edited + "/points.csv") == original)
    }

    @Test func mergeRefusesAnEditedShardRow() throws {
        let plan = try plan(), dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<2 { try SweepRunner.run(plan, to: dir + "/s\(i)", threads: 1, shard: SweepShard(index: i, count: 2)) }
        let path = dir + "/s1/points.csv"
        write(read(path).replacingOccurrences(of: ",federated,", with: ",centralized,"), path)
        guard case .refused(let message)? = refusal({ () throws(SweepRunError) in
            try SweepMerge.merge([dir + "/s0", dir + "/s1"], to: dir + "/m")
        }) else { Issue.record("an edited shard was merged"); return }
        #expect(message.contains("column governance.style holds 'centralized' but the design gives 'federated'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/m/points.csv"))
    }

    @Test func mergeNamesARowWithAnExtraColumnInsteadOfCallingTheShardUnfinished() throws {
        let plan = try plan(), dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SweepRunner.run(plan, to: dir + "/s", threads: 1, shard: SweepShard(index: 0, count: 1))
        var lines = read(dir + "/s/points.csv").split(separator: "\n").map(String.init)
        lines[2] += ",extra"
        write(lines.joined(separator: "\n") + "\n", dir + "/s/points.csv")
        guard case .refused(let message)? = refusal({ () throws(SweepRunError) in
            try SweepMerge.merge([dir + "/s"], to: dir + "/m")
        }) else { Issue.record("merged"); return }
        #expect(message.contains("points.csv line 3:"))
        #expect(!message.contains("unfinished"))
    }

    @Test func mergeNeverWritesIntoAShardARunOrForeignPoints() throws {
        let plan = try plan(), other = try self.plan(seed: 5), dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<2 { try SweepRunner.run(plan, to: dir + "/s\(i)", threads: 1, shard: SweepShard(index: i, count: 2)) }
        try SweepRunner.run(other, to: dir + "/other", threads: 1)
        try FileManager.default.createDirectory(atPath: dir + "/loose", withIntermediateDirectories: true)
        write("point,teams.delivery\n0,1\n", dir + "/loose/points.csv")
        try FileManager.default.createDirectory(atPath: dir + "/run", withIntermediateDirectories: true)
        write("metric,n\n", dir + "/run/summary.csv")
        let shard1 = read(dir + "/s1/points.csv")
        for out in ["s1", "other", "loose", "run"] {
            guard case .output? = refusal({ () throws(SweepRunError) in
                try SweepMerge.merge([dir + "/s0", dir + "/s1"], to: dir + "/" + out)
            }) else { Issue.record("merged into \(out)"); continue }
        }
        #expect(read(dir + "/s1/points.csv") == shard1)
        #expect(read(dir + "/loose/points.csv") == "point,teams.delivery\n0,1\n")
        try SweepMerge.merge([dir + "/s0", dir + "/s1"], to: dir + "/m")
        try SweepMerge.merge([dir + "/s0", dir + "/s1"], to: dir + "/m")  // the same merge again is fine
    }

    @Test func resumeRefusesForeignPointsARunFolderAndADamagedManifest() throws {
        let plan = try plan(), dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/loose", withIntermediateDirectories: true)
        write("someone's,table\n1,2\n", dir + "/loose/points.csv")
        guard case .output(let loose)? = refusal({ () throws(SweepRunError) in
            try SweepRunner.run(plan, to: dir + "/loose", threads: 1, resume: true)
        }) else { Issue.record("resumed over foreign points"); return }
        #expect(loose.reason.contains("no manifest.json"))
        #expect(read(dir + "/loose/points.csv") == "someone's,table\n1,2\n")

        try FileManager.default.createDirectory(atPath: dir + "/run", withIntermediateDirectories: true)
        for name in ["summary.csv", "manifest.json"] { write("{}", dir + "/run/" + name) }
        guard case .output(let run)? = refusal({ () throws(SweepRunError) in
            try SweepRunner.run(plan, to: dir + "/run", threads: 1, resume: true)
        }) else { Issue.record("resumed into a run folder"); return }
        #expect(run.reason.contains("does not write (summary.csv)"))

        try SweepRunner.run(plan, to: dir + "/sweep", threads: 1)
        write("{\"sweep\": ", dir + "/sweep/manifest.json")
        guard case .refused(let damaged)? = refusal({ () throws(SweepRunError) in
            try SweepRunner.run(plan, to: dir + "/sweep", threads: 1, resume: true)
        }) else { Issue.record("resumed with a damaged manifest"); return }
        #expect(damaged.contains("not valid JSON"))
        #expect(!damaged.contains("sweep file differs"))
    }
}

/// Sweep designs are sized before anything is allocated, and overlapping or repeating
/// parameters are refused instead of silently winning or duplicating points.
@Suite struct SweepDesignLimitTests {
    private func issues(_ text: String) -> [String] {
        guard let json = try? JSONParser.parse(text) else { return ["not JSON"] }
        do {
            _ = try SweepFile.decode(json: json, file: "s.json")
            return []
        } catch {
            return error.issues.map { "\($0.path): \($0.message)" }
        }
    }

    private func sweep(_ design: String, _ extra: String, _ parameters: String) -> String {
        #"{"name": "s", "design": "\#(design)", \#(extra) "parameters": [\#(parameters)], "metrics": ["npv"]}"#
    }

    @Test func aGridOf1e15PointsIsRefusedBeforeItIsBuilt() {
        let p = (0..<5).map { i in #"{"path": "dataDomains[\#(i)].readiness", "min": 0, "max": 1, "levels": 1000}"# }.joined(separator: ",")
        #expect(issues(sweep("grid", "", p)) == ["$: the grid design has 1000000000000000 points; at most 100000 (each is built and checked before the first runs)"])
    }

    @Test func samplesTrajectoriesAndReplicationsHaveStatedMaxima() {
        let range = #"{"path": "teams.delivery", "min": 1, "max": 9}"#
        #expect(issues(sweep("lhs", #""samples": 1e9,"#, range)) == ["$.samples: must be a whole number at most 100000, got 1000000000"])
        #expect(issues(sweep("lhs", #""samples": 10, "replications": 9007199254740992,"#, range))
            == ["$.replications: must be a whole number at most 100000, got 9007199254740992"])
        #expect(issues(sweep("morris", #""trajectories": 60000, "levels": 4,"#, range))
            == ["$: the morris design has 120000 points; at most 100000 (each is built and checked before the first runs)"])
        #expect(issues(sweep("lhs", #""samples": 50000, "replications": 50000,"#, range)).first?.hasPrefix("$.replications: 50000 points × 50000 replications") == true)
    }

    @Test func overlappingPathsAreRefused() {
        let found = issues(sweep("grid", "", #"{"path": "dataDomains[*].readiness", "values": [0.2]}, {"path": "dataDomains[1].readiness", "values": [0.9]}"#))
        #expect(found == ["$.parameters[1].path: 'dataDomains[1].readiness' overlaps parameter 0 ('dataDomains[*].readiness'): both would set the same field, and the later would silently win"])
        #expect(issues(sweep("grid", "", #"{"path": "teams", "values": [{"delivery": 2}]}, {"path": "teams.delivery", "values": [3]}"#)).count == 1)
        #expect(issues(sweep("grid", "", #"{"path": "dataDomains[0].readiness", "values": [0.2]}, {"path": "dataDomains[1].readiness", "values": [0.9]}"#)).isEmpty)
    }

    @Test func integerLevelsBeyondTheRangeAreRefused() {
        #expect(issues(sweep("grid", "", #"{"path": "teams.delivery", "min": 1, "max": 3, "levels": 5, "integer": true}"#))
            == ["$.parameters[0].levels: an integer range from 1 to 3 has 3 values, fewer than 5 levels: levels would repeat (duplicate points)"])
        #expect(issues(sweep("morris", #""trajectories": 4, "levels": 6,"#, #"{"path": "teams.delivery", "min": 1, "max": 4, "integer": true}"#)).count == 1)
        #expect(issues(sweep("grid", "", #"{"path": "teams.delivery", "min": 1, "max": 5, "levels": 5, "integer": true}"#)).isEmpty)
    }
}
