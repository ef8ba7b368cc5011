import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// The streamed run path: blocks, count tables and the sketch must not make the files depend
/// on the thread count, and a small exact limit must still give exact integer percentiles.
@Suite struct RunFilesTests {
    private func small() -> Scenario {
        var s = Scenario()
        s.name = "small"
        s.horizonMonths = 12
        s.portfolio.initialUseCases = 6
        s.portfolio.arrivalsUntilMonth = 3
        return s
    }

    private func run(threads: Int, exactLimit: Int, replications: Int = 300) throws -> (String, RunFiles.Outcome) {
        let dir = NSTemporaryDirectory() + "execsim-runfiles-\(UUID().uuidString)"
        let manifest = RunManifest(seed: 5, replications: replications, commandLine: [], startTime: Date(timeIntervalSince1970: 0))
        let outcome = try RunFiles.run(small(), manifest: manifest, threads: threads, to: dir, exactLimit: exactLimit)
        return (outcome.folder, outcome)
    }

    private func read(_ folder: String, _ name: String) -> String {
        (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "<missing>"
    }

    @Test func sketchedRunsAreByteIdenticalForAnyThreadCount() throws {
        // Past 2k = 8,192 values the sketch compacts, so its estimates (and bound) are in play.
        let (a, outcome) = try run(threads: 1, exactLimit: 40, replications: 9_000)
        let (b, _) = try run(threads: 3, exactLimit: 40, replications: 9_000)
        #expect(outcome.percentileRankErrorBound > 0, "the sketch must be in use for this test to mean anything")
        for file in ["replications.csv", "summary.csv", "timeseries.csv"] {
            #expect(read(a, file) == read(b, file), "\(file) depends on the thread count")
        }
    }

    @Test func integerFiguresKeepExactPercentilesPastTheExactLimit() throws {
        let (sketched, _) = try run(threads: 2, exactLimit: 40)
        let (exact, _) = try run(threads: 2, exactLimit: 100_000)
        #expect(read(sketched, "replications.csv") == read(exact, "replications.csv"))
        // For count columns (use_cases … scaled) p5…p95, min and max are exact either way.
        let rows = { (folder: String) in
            self.read(folder, "summary.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        let s = rows(sketched), e = rows(exact)
        for (rowS, rowE) in zip(s, e) where ["use_cases", "rejected", "pilots_started", "scaled"].contains(String(rowS[0])) {
            #expect(rowS[0] == rowE[0])
            #expect(Array(rowS[6...12]) == Array(rowE[6...12]), "\(rowS[0]) percentiles differ")
            #expect(rowS[1] == rowE[1], "n differs")
        }
    }
}
