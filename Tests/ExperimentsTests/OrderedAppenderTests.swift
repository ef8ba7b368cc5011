import Dispatch
import Foundation
import SimKernel
import Testing
@testable import Experiments

/// Pieces delivered from several threads, in any order, are appended in key order, each once,
/// and a failed append stops the rest and is reported.
@Suite struct OrderedAppenderTests {
    /// What an appender appended, from whichever thread, under a lock of its own, so that two
    /// appends at once (which the appender promises never to make) show as `overlapped`
    /// rather than as a crash.
    private final class Sink: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [UInt8] = []
        var appends = 0
        var inside = 0, overlapped = false
        func append(_ piece: [UInt8]) {
            lock.lock(); inside += 1; overlapped = overlapped || inside > 1; lock.unlock()
            usleep(20)  // long enough that other threads deliver while this one appends
            lock.lock(); bytes += piece; appends += 1; inside -= 1; lock.unlock()
        }
    }

    /// 400 pieces of 1 to 9 keys each, in an order scrambled by a fixed seed, from 4 threads.
    @Test func piecesFromSeveralThreadsAreAppendedInKeyOrder() {
        var generator = SplitMix64(seed: 5)
        let lengths = (0..<400).map { _ in Int.random(in: 1...9, using: &generator) }
        let keys = Array(lengths.reduce(into: [1000]) { $0.append($0.last! + $1) }.dropLast())
        let order = Array(keys.indices).shuffled(using: &generator)
        // Piece i is its length's bytes, each the piece's number (mod 251): order shows.
        let pieces = lengths.indices.map { i in [UInt8](repeating: UInt8(i % 251), count: lengths[i]) }
        let sink = Sink()
        let appender = OrderedAppender(startingAt: 1000) { (bytes) throws(OutputError) in sink.append(bytes) }
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for j in stride(from: worker, to: order.count, by: 4) {
                let i = order[j]
                appender.deliver(pieces[i], key: keys[i], length: lengths[i])
            }
        }
        #expect(sink.bytes == pieces.flatMap { $0 })
        #expect(sink.appends == 400 && !sink.overlapped)
        #expect(appender.nextKey == 1000 + lengths.reduce(0, +) && appender.failure == nil)
    }

    /// A piece delivered while another thread appends is left to that thread: its deliverer
    /// returns at once, and the appending thread appends it after its own, in key order.
    @Test func piecesDeliveredDuringAnAppendAreLeftToTheAppendingThread() {
        let sink = Sink()
        let (appending, release, done) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let appender = OrderedAppender(startingAt: 0) { (bytes) throws(OutputError) in
            if bytes == [0] { appending.signal(); release.wait() }
            sink.append(bytes)
        }
        DispatchQueue.global().async { appender.deliver([0], key: 0, length: 1); done.signal() }
        appending.wait()
        let delivered = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            appender.deliver([2], key: 2, length: 1)
            appender.deliver([1], key: 1, length: 1)
            delivered.signal()
        }
        // Piece 0 is still being appended: the other two were handed over without waiting for it.
        #expect(delivered.wait(timeout: .now() + 10) == .success, "a deliverer waited for another's append")
        #expect(sink.bytes.isEmpty)
        release.signal()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(sink.bytes == [0, 1, 2] && appender.nextKey == 3)
    }

    /// The first error is kept; later pieces are dropped rather than appended after a gap.
    @Test func aFailedAppendStopsTheRest() {
        let sink = Sink()
        let disk = OutputError(action: "write", path: "r.csv", reason: "No space left on device")
        let appender = OrderedAppender(startingAt: 0) { (bytes) throws(OutputError) in
            if bytes == [2] { throw disk }
            sink.append(bytes)
        }
        for i in [3, 0, 1, 4, 2] { appender.deliver([UInt8(i)], key: i, length: 1) }
        #expect(sink.bytes == [0, 1])
        #expect(appender.failure == disk && appender.nextKey == 5)
    }
}
