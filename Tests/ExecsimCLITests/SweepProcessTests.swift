import Foundation
import Testing

/// `execsim sweep` and `execsim merge` as separate processes, the way a cluster runs them:
/// shards merged equal an unsharded run, and a sweep killed with SIGKILL resumes to the same
/// bytes. The executable is the one `swift build` put next to the test bundle.
@Suite(.serialized) struct SweepProcessTests {
    static var executable: String {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("execsim").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/execsim").path
    }

    /// A folder holding a tiny base scenario and a sweep over it.
    private func workspace(design: String, samples: Int, replications: Int) throws -> String {
        let directory = NSTemporaryDirectory() + "execsim-sweep-process-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try #"{"name": "tiny", "horizonMonths": 24, "portfolio": {"initialUseCases": 8, "arrivalsPerMonth": 0.5, "arrivalsUntilMonth": 24}}"#
            .write(toFile: directory + "/base.json", atomically: true, encoding: .utf8)
        let sizes = design == "lhs" ? "\"samples\": \(samples)," : "\"trajectories\": \(samples), \"levels\": 4,"
        try """
            {"name": "p", "base": "base.json", "design": "\(design)", \(sizes) "replications": \(replications), "seed": 2,
             "parameters": [{"path": "teams.delivery", "min": 1, "max": 6, "integer": true},
                            {"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.9}],
             "metrics": ["pilots_started", "time_to_first_value_months"]}
            """.write(toFile: directory + "/sweep.json", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func shardsInSeparateProcessesMergeToTheUnshardedRun() throws {
        let w = try workspace(design: "morris", samples: 4, replications: 8)
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExecsimProcess.run(["sweep", w + "/sweep.json", "--out", w + "/whole", "--quiet"]) == 0)
        for i in 0..<3 {
            #expect(try ExecsimProcess.run(["sweep", w + "/sweep.json", "--out", w + "/shard\(i)", "--shard", "\(i)/3", "--quiet", "--threads", "1"]) == 0)
        }
        #expect(try ExecsimProcess.run(["merge", w + "/shard2", w + "/shard0", w + "/shard1", "--out", w + "/merged"]) == 0)
        let whole = ExecsimProcess.contents(w + "/whole")
        #expect(Set(whole.keys) == ["points.csv", "manifest.json", "sensitivity.csv"])
        #expect(ExecsimProcess.contents(w + "/merged") == whole)
        #expect(try ExecsimProcess.run(["merge", w + "/shard0", w + "/shard1", "--out", w + "/partial"]) == 65)
        #expect(try ExecsimProcess.run(["sweep", w + "/sweep.json", "--shard", "3/3", "--out", w + "/bad"]) == 64)
    }

    @Test func sweepKilledWithSIGKILLResumesToTheSameBytes() throws {
        let w = try workspace(design: "lhs", samples: 24, replications: 256)
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExecsimProcess.run(["sweep", w + "/sweep.json", "--out", w + "/whole", "--quiet"]) == 0)
        let expected = ExecsimProcess.contents(w + "/whole")

        let victim = try ExecsimProcess.start(["sweep", w + "/sweep.json", "--out", w + "/killed", "--quiet", "--threads", "1"])
        let points = w + "/killed/points.csv"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let lines = (FileManager.default.contents(atPath: points) ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count
            if lines >= 2 { break }  // the header and at least one finished window
            usleep(2_000)
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)
        let keptLines = FileManager.default.contents(atPath: points)!.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(keptLines < 1 + 24, "the sweep finished before it was killed; make it longer")

        #expect(try ExecsimProcess.run(["sweep", w + "/sweep.json", "--out", w + "/killed", "--quiet"]) == 73)  // no --resume
        #expect(try ExecsimProcess.run(["sweep", w + "/sweep.json", "--out", w + "/killed", "--quiet", "--resume"]) == 0)
        #expect(ExecsimProcess.contents(w + "/killed") == expected)
    }
}
