import Foundation

/// A file that only grows, for streaming results as replications finish, so a long run that
/// is interrupted keeps every row it completed.
///
/// Appends from several threads are serialized by a lock, so rows never interleave.
///
///     let file = try AppendOnlyFile(path: "results/run/replications.csv", truncate: true)
///     try file.append(csv.takeBytes())
///     try file.flush()
public final class AppendOnlyFile: @unchecked Sendable {
    /// The path as given.
    public let path: String
    private var descriptor: Int32
    private let lock = NSLock()

    /// Opens (creating if needed) the file at `path` for appending.
    ///
    /// - Parameter truncate: start from an empty file instead of after existing content.
    /// - Throws: ``OutputError`` naming `path`.
    public init(path: String, truncate: Bool = false) throws(OutputError) {
        self.path = path
        let flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0)
        descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw POSIXFile.error("open", path, errno: errno) }
    }

    deinit {
        if descriptor >= 0 { POSIXFile.closeDescriptor(descriptor) }
    }

    /// Appends `bytes` at the end of the file (to the OS; see ``flush()`` for the disk).
    ///
    /// - Complexity: O(*n*) in the size of `bytes`.
    public func append(_ bytes: [UInt8]) throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else {
            throw OutputError(action: "append to", path: path, reason: "file is closed")
        }
        if let failure = POSIXFile.writeAll(descriptor, bytes) {
            throw POSIXFile.error("append to", path, errno: failure)
        }
    }

    /// Forces everything appended so far onto the disk (`fsync`).
    public func flush() throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        if let failure = POSIXFile.sync(descriptor) {
            throw POSIXFile.error("flush", path, errno: failure)
        }
    }

    /// Flushes and closes the file; later appends throw. Calling it twice is harmless.
    public func close() throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        let failure = POSIXFile.sync(descriptor)
        let closed = POSIXFile.closeDescriptor(descriptor)
        let closeErrno = errno
        descriptor = -1
        if let failure { throw POSIXFile.error("flush", path, errno: failure) }
        if closed != 0 { throw POSIXFile.error("close", path, errno: closeErrno) }
    }
}
