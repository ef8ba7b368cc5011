import Foundation
import Testing
@testable import Experiments

@Suite struct ParallelReplicationsTests {
    /// A cheap index-determined value (SplitMix64 finalizer) standing in for a replication.
    static func replication(_ index: Int) -> Double {
        var z = UInt64(index) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    @Test(arguments: [0, 1, 1000])
    func sameResultForAnyThreadCount(count: Int) {
        let reference = (0..<count).map(Self.replication)
        for threads in [1, 2, 4, 7, 0] {
            for chunkSize in [0, 1, 3, 5000] {
                let results = ParallelReplications.map(count: count, threads: threads, chunkSize: chunkSize) {
                    Self.replication($0)
                }
                #expect(results == reference, "threads \(threads), chunk \(chunkSize)")
            }
        }
    }

    @Test(arguments: [0, 1, 1000])
    func statefulVariantMatches(count: Int) {
        let reference = (0..<count).map { Self.replication($0) * 2 }
        for threads in [1, 2, 4, 7] {
            let states = Counter()
            let results = ParallelReplications.mapWithState(
                count: count, threads: threads, chunkSize: 0,
                makeState: { states.add(1); return [Double](repeating: 0, count: 4) }
            ) { (scratch: inout [Double], index: Int) -> Double in
                // Reuse the scratch array, resetting it: the result must not depend on reuse.
                for k in scratch.indices { scratch[k] = Self.replication(index) }
                return scratch[0] + scratch[3]
            }
            #expect(results == reference, "threads \(threads)")
            #expect(states.value <= ParallelReplications.workerCount(threads: threads, count: count))
        }
    }

    @Test func progressAddsUpToCount() {
        for threads in [1, 4] {
            let done = Counter()
            _ = ParallelReplications.map(count: 1000, threads: threads, chunkSize: 7,
                                         progress: { done.add($0) }) { $0 }
            #expect(done.value == 1000)
        }
    }

    @Test func oneThreadRunsInlineOnTheCaller() {
        let caller = pthread_self()
        let sameThread = ParallelReplications.map(count: 50, threads: 1) { _ in
            pthread_equal(pthread_self(), caller) != 0
        }
        #expect(sameThread.allSatisfy { $0 })
    }

    @Test func workerCount() {
        #expect(ParallelReplications.workerCount(threads: 4, count: 2) == 2)
        #expect(ParallelReplications.workerCount(threads: 3, count: 100) == 3)
        #expect(ParallelReplications.workerCount(threads: 0, count: 10_000)
            == ProcessInfo.processInfo.activeProcessorCount)
        #expect(ParallelReplications.workerCount(threads: 4, count: 0) == 1)
    }
}

/// A lock-guarded tally for closures called from worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ amount: Int) { lock.lock(); total += amount; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
