import Foundation
import Testing
@testable import ExecsimCLI
import Experiments

/// Stated limits are refused up front (exit 64, the limit in the message), before any memory
/// is allocated or any work starts.
@Suite struct LimitTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios").path

    @Test func compareRefusesMoreReplicationsThanFitInItsMemoryLimit() {
        let files = [scenarios + "/baseline.json", scenarios + "/more-squads.json", scenarios + "/federated.json"]
        let result = run(["compare"] + files + ["--replications", "50000000", "--quiet", "--out", "/nonexistent/never"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("compare keeps each compared value of every replication in memory"))
        #expect(result.stderr.contains("the limit is 4.0 GB"))
        // The largest accepted count is stated, and it is accepted by the check.
        let stated = result.stderr.components(separatedBy: "at most ")[1].prefix { $0 != " " }.filter { $0 != "," }
        let n = Int(stated)!
        #expect(n > 1_000_000 && n < 50_000_000)
    }

    @Test(arguments: [
        (["bench", "kernel", "--pending", "99999999999"], "from 1 to 10,000,000"),
        (["bench", "model", "--replications", "123456789012"], "from 1 to 10,000,000"),
        (["run", "--replications", "9007199254740993"], "from 1 to 100,000,000"),
        (["run", "--threads", "1000000"], "from 0 to 256"),
        (["trace", "--seed", "9007199254740993"], "from 0 to 9007199254740992"),
        (["run", "--seed", "18446744073709551615"], "from 0 to 9007199254740992"),
    ])
    func limitsAreUsageErrorsStatingTheLimit(arguments: [String], expected: String) {
        let result = run(arguments)
        #expect(result.code == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test func theLargestSeedIsStoredExactly() throws {
        let dir = NSTemporaryDirectory() + "execsim-seed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seed = "9007199254740991"  // 2^53 − 1: odd, so a double rounding would show
        #expect(run(["run", "--replications", "2", "--seed", seed, "--out", dir, "--quiet"]).code == 0)
        let rerun = run(["run", dir + "/baseline/scenario.json", "--replications", "2", "--out", dir + "/again", "--quiet"])
        #expect(rerun.code == 0, "\(rerun.stderr)")
        let a = try String(contentsOfFile: dir + "/baseline/replications.csv", encoding: .utf8)
        let b = try String(contentsOfFile: dir + "/again/baseline/replications.csv", encoding: .utf8)
        #expect(a == b)
        #expect(try String(contentsOfFile: dir + "/baseline/manifest.json", encoding: .utf8).contains(seed))
    }
}
