import Foundation
import Testing

/// `execsim explore`, `merge` and `discover` as separate processes, as a cluster runs them:
/// shards merged equal an unsharded run, a run killed with SIGKILL resumes to the same bytes,
/// and discover reruns the analysis on the merged folder.
@Suite(.serialized) struct ExploreProcessTests {
    private func workspace(worlds: Int, replications: Int) throws -> String {
        let directory = NSTemporaryDirectory() + "execsim-explore-process-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try #"{"name": "tiny", "horizonMonths": 24, "portfolio": {"initialUseCases": 8, "arrivalsPerMonth": 0.5, "arrivalsUntilMonth": 24}}"#
            .write(toFile: directory + "/base.json", atomically: true, encoding: .utf8)
        try #"{"name": "redesign", "architecture": {"eventDriven": true}, "operations": {"monitoring": true}}"#
            .write(toFile: directory + "/redesign.json", atomically: true, encoding: .utf8)
        try """
            {"name": "e", "base": "base.json", "seed": 2, "replications": \(replications), "worlds": \(worlds),
             "uncertainties": [{"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.8},
                               {"path": "fit.pooled", "min": 0.3, "max": 0.6}],
             "policies": [{"name": "central", "set": {}},
                          {"name": "hybrid", "set": {"governance.style": "hybrid", "teams.placement": "perBusinessUnit"}},
                          {"name": "redesign", "scenario": "redesign.json"}],
             "metrics": ["pilots_started", "npv"]}
            """.write(toFile: directory + "/explore.json", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func shardsMergeToTheUnshardedRunAndDiscoverWorksOnTheMergedFolder() throws {
        let w = try workspace(worlds: 9, replications: 6)
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExecsimProcess.run(["explore", w + "/explore.json", "--out", w + "/whole", "--quiet"]) == 0)
        for i in 0..<2 {
            #expect(try ExecsimProcess.run(["explore", w + "/explore.json", "--out", w + "/shard\(i)", "--shard", "\(i)/2", "--quiet", "--threads", "1"]) == 0)
        }
        #expect(try ExecsimProcess.run(["merge", w + "/shard1", w + "/shard0", "--out", w + "/merged"]) == 0)
        let whole = ExecsimProcess.contents(w + "/whole")
        #expect(whole.count == 6)
        #expect(ExecsimProcess.contents(w + "/merged") == whole)
        #expect(try ExecsimProcess.run(["discover", w + "/merged", "--case", "hybrid beats central on npv; npv of central < 0",
                         "--out", w + "/cases"]) == 0)
        let csv = String(decoding: ExecsimProcess.contents(w + "/cases")["discovery.csv"]!, as: UTF8.self)
        #expect(csv.contains("\nhybrid beats central on npv,0,") && csv.contains("\nnpv of central < 0,0,"))
        #expect(try ExecsimProcess.run(["discover", w + "/merged", "--case", "hybrid beats nobody on npv"]) == 64)
        #expect(try ExecsimProcess.run(["discover", w + "/shard0"]) == 65)  // unfinished: only its own worlds
        #expect(try ExecsimProcess.run(["explore", w + "/base.json", "--out", w + "/bad"]) == 65)
    }

    @Test func exploreKilledWithSIGKILLResumesToTheSameBytes() throws {
        let w = try workspace(worlds: 24, replications: 64)
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExecsimProcess.run(["explore", w + "/explore.json", "--out", w + "/whole", "--quiet"]) == 0)
        let expected = ExecsimProcess.contents(w + "/whole")
        let victim = try ExecsimProcess.start(["explore", w + "/explore.json", "--out", w + "/killed", "--quiet", "--threads", "1"])
        let table = w + "/killed/experiments.csv"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let lines = (FileManager.default.contents(atPath: table) ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count
            if lines >= 2 { break }
            usleep(2_000)
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)
        let kept = FileManager.default.contents(atPath: table)!.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(kept < 1 + 24 * 3, "the run finished before it was killed; make it longer")
        #expect(try ExecsimProcess.run(["explore", w + "/explore.json", "--out", w + "/killed", "--quiet"]) == 73)
        #expect(try ExecsimProcess.run(["explore", w + "/explore.json", "--out", w + "/killed", "--quiet", "--resume"]) == 0)
        #expect(ExecsimProcess.contents(w + "/killed") == expected)
    }
}
