import Foundation
import ProgramModel

/// Runs the replications of one scenario on several threads.
///
/// The scenario is compiled once (`ModelParameters`) and shared by the workers; each worker
/// owns one `ProgramSimulation` and reuses its tables; replication r depends on (seed, r)
/// alone and lands at index r, so the results are the same for any thread count.
public enum ScenarioRunner {
    /// `progress` is called from worker threads with the number of replications just finished.
    public static func run(_ scenario: Scenario, seed: UInt64, replications: Int, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> [ReplicationResult] {
        run(scenario, seed: seed, replications: 0..<replications, threads: threads, progress: progress)
    }

    /// Replications `range` only (a block of a streamed run, or a shard).
    public static func run(_ scenario: Scenario, seed: UInt64, replications range: Range<Int>,
                           threads: Int, progress: (@Sendable (Int) -> Void)? = nil) -> [ReplicationResult] {
        run(ModelParameters(scenario), seed: seed, replications: range, threads: threads, progress: progress)
    }

    /// Replications `range` of an already compiled scenario (compile once per run, not per block).
    public static func run(_ parameters: ModelParameters, seed: UInt64, replications range: Range<Int>,
                           threads: Int, progress: (@Sendable (Int) -> Void)? = nil) -> [ReplicationResult] {
        ParallelReplications.mapWithState(
            count: range.count, threads: threads, progress: progress,
            makeState: { ProgramSimulation(parameters: parameters) },
            { sim, i in sim.run(seed: seed, replication: range.lowerBound + i) })
    }
}
