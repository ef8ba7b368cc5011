import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// Collects progress events from any thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ProgressEvent] = []
    var handler: ProgressHandler { { event in self.lock.lock(); self.events.append(event); self.lock.unlock() } }
    var all: [ProgressEvent] { lock.lock(); defer { lock.unlock() }; return events }
}

@Suite struct ComparisonRunTests {
    private func scenarios() -> [Scenario] {
        var a = Scenario()
        a.name = "a"
        var b = Scenario()
        b.name = "b"
        b.teams.delivery = 12
        return [a, b]
    }

    /// Compare's per-scenario files are `run`'s files: with the sketch in play (exact limit
    /// below the replication count) summary.csv is byte for byte what `RunFiles.run` writes.
    @Test func perScenarioFilesAreThoseOfARun() throws {
        let out = temporaryFolder("comparison-run"), alone = temporaryFolder("comparison-alone")
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: alone) }
        let log = ProgressLog()
        let outcome = try ComparisonRun.run(scenarios(), baseline: 0, seed: 4, replications: 40,
                                            metrics: [.pilotToScaleRate], deltas: [(.roi, 0.5)],
                                            threads: 2, commandLine: ["test"], progress: log.handler,
                                            to: out, exactLimit: 16)
        #expect(outcome.comparison.metrics.map(\.metric) == [.pilotToScaleRate, .roi])
        #expect(outcome.notes.count == 1 && outcome.notes[0].hasPrefix("Selection on roi"))
        for scenario in scenarios() {
            let manifest = RunManifest(seed: 4, replications: 40, commandLine: ["test"], startTime: Date())
            let folder = try RunFiles.run(scenario, manifest: manifest, threads: 1, to: alone, exactLimit: 16).folder
            for file in ["summary.csv", "replications.csv", "timeseries.csv", "scenario.json"] {
                let a = FileManager.default.contents(atPath: "\(out)/runs/\(scenario.name)/\(file)")
                let b = FileManager.default.contents(atPath: "\(folder)/\(file)")
                #expect(a != nil && a == b, "\(scenario.name)/\(file)")
            }
        }
        // The in-memory comparison of the same results agrees with the one built from kept values.
        let results = scenarios().map { ScenarioRunner.run($0, seed: 4, replications: 40, threads: 2) }
        let direct = ScenarioComparison(names: ["a", "b"], baseline: 0, results: results, metrics: [.pilotToScaleRate])
        #expect(direct.metrics[0].paired[1] == outcome.comparison.metrics[0].paired[1])
        let events = log.all
        #expect(events.filter { if case .started = $0 { true } else { false } }
                == [.started(label: "a", total: 40), .started(label: "b", total: 40)])
        #expect(events.filter { $0 == .finished }.count == 2)
        let advanced = events.reduce(0) { if case .advanced(let n) = $1 { $0 + n } else { $0 } }
        #expect(advanced == 80)
    }
}
