import Dispatch
import Foundation

/// Runs independent replications on several threads with results that do not depend on the
/// thread count.
///
/// Each result is written into a preallocated array at its own index, so the output is the
/// same for 1 or 16 threads as long as `body` depends only on its index (seed each
/// replication's generator from the index, never from shared state). Workers pull chunks of
/// consecutive indices from a shared cursor, so a few slow replications do not leave other
/// threads idle.
///
///     let costs = ParallelReplications.map(count: 1000, threads: 0) { replication in
///         simulate(seed: baseSeed, replication: replication)
///     }
public enum ParallelReplications {
    /// The number of workers used for `count` items when `threads` are requested: all active
    /// processors when `threads <= 0`, and never more than `count`.
    public static func workerCount(threads: Int, count: Int) -> Int {
        let requested = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        return max(1, min(requested, count))
    }

    /// `[body(0), body(1), ..., body(count - 1)]`, computed on up to `threads` threads.
    ///
    /// - Parameters:
    ///   - count: the number of replications.
    ///   - threads: worker threads; `<= 0` means one per active processor. With one worker
    ///     the loop runs inline on the calling thread, without Dispatch.
    ///   - chunkSize: indices a worker takes at a time; `<= 0` picks about eight chunks per
    ///     worker, at most 64 indices each.
    ///   - progress: called after each chunk with the number of replications it completed,
    ///     from the worker's thread (``ProgressBar/advance(by:)`` fits).
    ///   - body: computes one replication from its index.
    /// - Complexity: O(`count`) calls of `body`, spread over the workers.
    public static func map<T: Sendable>(
        count: Int,
        threads: Int,
        chunkSize: Int = 0,
        progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        mapWithState(count: count, threads: threads, chunkSize: chunkSize, progress: progress,
                     makeState: { () }, { (_: inout Void, index: Int) in body(index) })
    }

    /// Like ``map(count:threads:chunkSize:progress:_:)``, giving each worker its own `State`
    /// made once by `makeState` and passed to every replication that worker runs.
    ///
    /// Use the state for scratch storage reused across replications (flat arrays, an event
    /// list), which saves an allocation storm per replication. Which replications share a
    /// state depends on scheduling, so `body` must leave no trace in the state that changes
    /// a later result: reset it, do not accumulate in it.
    ///
    /// - Complexity: O(`count`) calls of `body` plus one `makeState` per worker.
    public static func mapWithState<State, T: Sendable>(
        count: Int,
        threads: Int,
        chunkSize: Int = 0,
        progress: (@Sendable (Int) -> Void)? = nil,
        makeState: @Sendable () -> State,
        _ body: @Sendable (inout State, Int) -> T
    ) -> [T] {
        guard count > 0 else { return [] }
        let workers = workerCount(threads: threads, count: count)
        let chunk = chunkSize > 0 ? chunkSize : max(1, min(64, count / (workers * 8)))

        if workers == 1 {
            var state = makeState()
            var results: [T] = []
            results.reserveCapacity(count)
            var start = 0
            while start < count {
                let end = min(start + chunk, count)
                for index in start..<end { results.append(body(&state, index)) }
                progress?(end - start)
                start = end
            }
            return results
        }

        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each index is written by exactly one worker, and the array is read only after
            // concurrentPerform returns, so the unsynchronized writes do not race.
            nonisolated(unsafe) let base = buffer.baseAddress!
            let cursor = ChunkCursor(count: count, chunkSize: chunk)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = makeState()
                while let range = cursor.nextChunk() {
                    for index in range { (base + index).initialize(to: body(&state, index)) }
                    progress?(range.count)
                }
            }
            initializedCount = count
        }
    }
}

/// Hands out consecutive index ranges to workers, one lock per chunk.
private final class ChunkCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private let chunkSize: Int

    init(count: Int, chunkSize: Int) {
        self.count = count
        self.chunkSize = chunkSize
    }

    func nextChunk() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        let start = nextIndex
        nextIndex = min(start + chunkSize, count)
        return start..<nextIndex
    }
}
