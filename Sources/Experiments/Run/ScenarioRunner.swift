import Foundation
import ProgramModel

/// Runs the replications of one scenario on several threads.
///
/// Each worker owns one `ProgramSimulation` and reuses its tables; replication r depends on
/// (seed, r) alone and lands at index r, so the results are the same for any thread count.
public enum ScenarioRunner {
    public static func run(_ scenario: Scenario, seed: UInt64, replications: Int, threads: Int,
                           progress: ProgressBar? = nil) -> [ReplicationResult] {
        ParallelReplications.mapWithState(
            count: replications, threads: threads,
            progress: progress.map { bar in { @Sendable done in bar.advance(by: done) } },
            makeState: { ProgramSimulation(scenario: scenario) },
            { sim, r in sim.run(seed: seed, replication: r) })
    }
}
