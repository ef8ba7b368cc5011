import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in pieces that appears only when complete: the pieces go to a hidden
/// temporary beside the target, renamed over it by `commit()`. A crash leaves the target as it
/// was (and at worst a `.tmp-` file), never a truncated result that looks whole.
///
/// In a ``StagedFolder``, which nothing else sees until it is published, the file is written
/// in place instead (``StagedFolder/stream(named:)``): `commit()` only syncs it.
public final class AtomicFileStream {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    /// Written at `path` itself, in a staging folder.
    private var inPlace: Bool { temporary == path }

    /// - Throws: ``OutputError`` when `path` is not a regular file or missing (a stream is
    ///   never written through into a device or FIFO), or the temporary cannot be created.
    public convenience init(path: String) throws(OutputError) {
        guard try AtomicFile.isReplaceable(path) else {
            throw OutputError(action: "write", path: path, reason: "it is \(POSIXFile.entry(at: path).description), not a regular file")
        }
        StaleTemporaries.removeOnce(in: POSIXFile.parent(of: path))
        try self.init(path: path, writingTo: AtomicFile.temporaryPath(for: path))
    }

    /// Writes `writingTo`, which is `path` itself when the stream is written in place.
    init(path: String, writingTo file: String) throws(OutputError) {
        self.path = path
        temporary = file
        descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXFile.error("write", path, errno: errno) }
    }

    deinit { abandon() }

    public func append(_ bytes: [UInt8]) throws(OutputError) {
        guard descriptor >= 0 else { throw OutputError(action: "write", path: path, reason: "already closed") }
        if let failure = POSIXFile.writeAll(descriptor, bytes) {
            abandon()
            throw POSIXFile.error("write", path, errno: failure)
        }
        let before = written
        written += bytes.count
        // Every window this append completed (one, unless it was longer than a window).
        for end in stride(from: (before / Self.window + 1) * Self.window, through: written, by: Self.window) {
            writeBack(through: end)
        }
    }

    /// Bytes appended so far.
    private var written = 0
    /// The stretch of a long file handed to the disk at a time: small enough that little is
    /// left for `commit()`'s `fsync`, which a run waits for at its end (20,000 replications,
    /// 7.6 MB, less than the 8 MB windows of before: the whole file, about 8 ms).
    private static let window = 1 << 20
    /// How far behind the end a window is dropped from the page cache: its writeback has
    /// long finished by then.
    private static let cached = 16 << 20

    /// A long stream (a million replications write 380 MB) keeps only its last 16 MB in
    /// the page cache: each completed window is handed to the disk at once, and the one that
    /// ended 16 MB before it is dropped from the cache, its pages clean by then (Linux's
    /// `POSIX_FADV_DONTNEED` starts the writeback of dirty pages in its range and drops the
    /// clean ones; pages still being written are left). Letting the cache grow cost the writing
    /// process the kernel's reclaim of its own pages, in system time: 380 MB in 64 KB writes
    /// took 1.04–1.40 s of it, and 0.13 s so. Durability is `commit()`'s `fsync` either way.
    private func writeBack(through end: Int) {
        #if os(Linux)
        _ = posix_fadvise(descriptor, off_t(end - Self.window), off_t(Self.window), POSIX_FADV_DONTNEED)
        if end >= Self.cached + Self.window {
            _ = posix_fadvise(descriptor, off_t(end - Self.cached - Self.window), off_t(Self.window), POSIX_FADV_DONTNEED)
        }
        #endif
    }

    /// Syncs the data and renames the temporary over the target (written in place, only syncs).
    public func commit() throws(OutputError) {
        guard descriptor >= 0 else { throw OutputError(action: "write", path: path, reason: "already closed") }
        var failure = POSIXFile.sync(descriptor)
        if close(descriptor) != 0 && failure == nil { failure = errno }
        descriptor = -1
        if failure == nil && !inPlace && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw POSIXFile.error("write", path, errno: failure)
        }
        if !inPlace { AtomicFile.syncDirectory(POSIXFile.parent(of: path)) }
    }

    /// Drops what was written; the target is untouched.
    public func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}
