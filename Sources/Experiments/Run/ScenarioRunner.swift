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

    /// Simulates replications `range` a piece of `pieceSize` at a time and turns each piece into
    /// a `Piece` with `finish`, on the worker that simulated it, while its results are still in
    /// that core's cache; returns the pieces in replication order.
    ///
    /// `finish` is given the index of the piece's first replication and its results; the
    /// results are dropped after it returns. A run keeps none of them: kept a chunk of 2,048 at
    /// a time (8 MB, most of it month-end series), they were mapped afresh for every chunk and
    /// read back from memory to be written and folded, and two threads simulated 1.7 times as
    /// fast as one instead of 1.9 times.
    public static func pieces<Piece: Sendable>(
        _ parameters: ModelParameters, seed: UInt64, replications range: Range<Int>, pieceSize: Int,
        threads: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ finish: @Sendable (_ first: Int, _ results: [ReplicationResult]) -> Piece
    ) -> [Piece] {
        precondition(pieceSize > 0, "pieces of at least one replication")
        let workers = ParallelReplications.workerCount(threads: threads, count: range.count)
        let starts = pieceStarts(count: range.count, pieceSize: pieceSize, workers: workers)
        return ParallelReplications.mapWithState(
            count: starts.count, threads: threads, chunkSize: 1,
            makeState: { () -> (simulation: ProgramSimulation, results: [ReplicationResult]) in
                var results: [ReplicationResult] = []
                results.reserveCapacity(pieceSize)
                return (ProgramSimulation(parameters: parameters), results)
            },
            { state, piece in
                let first = range.lowerBound + starts[piece]
                let end = piece + 1 < starts.count ? range.lowerBound + starts[piece + 1] : range.upperBound
                state.results.removeAll(keepingCapacity: true)
                for r in first..<end { state.results.append(state.simulation.run(seed: seed, replication: r)) }
                let made = finish(first, state.results)
                progress?(end - first)
                return made
            })
    }

    /// The smallest piece a chunk's last ones shrink to: a few hundred microseconds of
    /// simulation, against a piece's fixed costs (a lock, its rows' array, a progress call).
    static let smallestPiece = 8

    /// Where the pieces of `count` replications start, counted from the first: `pieceSize`
    /// each on one worker; on several, the last ones shrink (guided self-scheduling: at most
    /// the replications left over twice the workers, at least ``smallestPiece``).
    ///
    /// Every chunk ends in a wait for its slowest worker. With pieces of one size, a worker
    /// that takes the last piece finishes up to a whole piece (64 replications, about 2 ms)
    /// after the others, which sat idle: about 1.7 ms of one core a chunk of 2,048 on two
    /// threads (`perf sched timehist`), a twentieth of the chunk. Which replications share a
    /// piece does not reach the output: rows and values land by replication.
    static func pieceStarts(count: Int, pieceSize: Int, workers: Int) -> [Int] {
        var starts: [Int] = []
        var start = 0
        while start < count {
            starts.append(start)
            let left = count - start
            let size = workers == 1 ? pieceSize
                : Swift.min(pieceSize, Swift.max(smallestPiece, left / (2 * workers)))
            start += size
        }
        return starts
    }
}
