import Foundation

/// Appends pieces of a file that are made on several threads, finishing in any order, in the
/// order of their keys: a piece waits until every piece before it has been appended, and the
/// thread that delivers the next one appends it and any that were waiting behind it.
///
/// The workers of a run write `replications.csv` this way while they simulate, instead of the
/// calling thread writing a chunk's rows after its last piece: on one of this project's
/// machines, copying a two-thread chunk's 780 KB into the page cache took about 3 ms (pages new
/// to the virtual machine), and while one thread wrote, the other sat idle.
///
/// Keys are the positions of the pieces in the file's order: a piece with key k is followed by
/// the one keyed `k + length`, as replications `first..<first + count` are followed by those
/// from `first + count` (see ``deliver(_:key:length:)``).
public final class OrderedAppender: @unchecked Sendable {
    private let lock = NSLock()
    private let append: ([UInt8]) throws(OutputError) -> Void
    /// Delivered pieces not yet appended, by key: a lookup table only, never walked in order.
    private var waiting: [Int: (bytes: [UInt8], length: Int)] = [:]
    private var next: Int
    /// A thread is appending: the others leave their pieces to it.
    private var appending = false
    private var failureSeen: OutputError?

    /// - Parameters:
    ///   - first: the key of the first piece to append.
    ///   - append: called with one piece at a time, in key order, never on two threads at once.
    public init(startingAt first: Int, append: @escaping ([UInt8]) throws(OutputError) -> Void) {
        next = first
        self.append = append
    }

    /// The key the next piece to be appended has: every piece keyed below it is appended.
    public var nextKey: Int {
        lock.lock()
        defer { lock.unlock() }
        return next
    }

    /// The first error `append` threw; after it, pieces are dropped.
    public var failure: OutputError? {
        lock.lock()
        defer { lock.unlock() }
        return failureSeen
    }

    /// Hands over the piece keyed `key`, followed by the one keyed `key + length`, from any
    /// thread. Returns when it is appended or left to the thread that is appending.
    ///
    /// - Precondition: no piece was delivered with this key before, and `length > 0`.
    public func deliver(_ bytes: [UInt8], key: Int, length: Int) {
        precondition(length > 0, "a piece moves the file forward")
        lock.lock()
        precondition(key >= next && waiting[key] == nil, "piece \(key) delivered twice")
        waiting[key] = (bytes, length)
        guard !appending else { lock.unlock(); return }
        appending = true
        while let piece = waiting.removeValue(forKey: next) {
            next += piece.length
            let failed = failureSeen != nil
            lock.unlock()
            var error: OutputError?
            if !failed {
                do throws(OutputError) { try append(piece.bytes) } catch let thrown { error = thrown }
            }
            lock.lock()
            if let error, failureSeen == nil { failureSeen = error }
        }
        appending = false
        lock.unlock()
    }
}
