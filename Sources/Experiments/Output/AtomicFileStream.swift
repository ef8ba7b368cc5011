import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in pieces that appears only when complete: the pieces go to a hidden
/// temporary beside the target, renamed over it by `commit()`. A crash leaves the target as it
/// was (and at worst a `.tmp-` file), never a truncated result that looks whole.
public final class AtomicFileStream {
    public let path: String
    private let temporary: String
    private var descriptor: Int32

    /// - Throws: ``OutputError`` when `path` is not a regular file or missing (a stream is
    ///   never written through into a device or FIFO), or the temporary cannot be created.
    public init(path: String) throws(OutputError) {
        self.path = path
        guard try AtomicFile.isReplaceable(path) else {
            throw OutputError(action: "write", path: path, reason: "it is \(POSIXFile.entry(at: path).description), not a regular file")
        }
        StaleTemporaries.removeOnce(in: POSIXFile.parent(of: path))
        temporary = AtomicFile.temporaryPath(for: path)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXFile.error("write", path, errno: errno) }
    }

    deinit { abandon() }

    public func append(_ bytes: [UInt8]) throws(OutputError) {
        guard descriptor >= 0 else { throw OutputError(action: "write", path: path, reason: "already closed") }
        if let failure = POSIXFile.writeAll(descriptor, bytes) {
            abandon()
            throw POSIXFile.error("write", path, errno: failure)
        }
    }

    /// Syncs the data and renames the temporary over the target.
    public func commit() throws(OutputError) {
        guard descriptor >= 0 else { throw OutputError(action: "write", path: path, reason: "already closed") }
        var failure = POSIXFile.sync(descriptor)
        if close(descriptor) != 0 && failure == nil { failure = errno }
        descriptor = -1
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw POSIXFile.error("write", path, errno: failure)
        }
        AtomicFile.syncDirectory(POSIXFile.parent(of: path))
    }

    /// Drops what was written; the target is untouched.
    public func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}
