import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file writes that are all or nothing, so a crash or a full disk never leaves a
/// truncated result file that looks complete.
///
/// The bytes go to a temporary file in the target's directory (same file system, so the
/// rename is atomic), which is synced to disk and then renamed over the target. The temporary
/// name is `.tmp-<name>.<pid>.<n>`, hidden and unique per process and call; those of dead
/// processes are removed the next time execsim writes into that folder.
///
/// Only a regular file (or nothing) is ever replaced. A device or a FIFO given as the target
/// (`--out /dev/stdout`) is written into as it is; a symbolic link, a directory or a socket is
/// refused, so a rename never turns `/dev/full` or a link into a plain file.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, atomically.
    ///
    ///     try AtomicFile.write(Array("a,b\n".utf8), to: "results/run/summary.csv")
    ///
    /// - Throws: ``OutputError`` naming `path` and the reason; no temporary file is left.
    /// - Complexity: O(*n*) in the size of `bytes`, plus two `fsync`s.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        if try !isReplaceable(path) { return try POSIXFile.writeThrough(bytes, to: path) }
        let directory = POSIXFile.parent(of: path)
        StaleTemporaries.removeOnce(in: directory)
        let temporary = temporaryPath(for: path)

        if let failure = POSIXFile.createSynced(bytes, at: temporary) {
            throw POSIXFile.error("write", path, errno: failure)
        }
        if rename(temporary, path) != 0 {
            let failure = errno
            unlink(temporary)
            throw POSIXFile.error("write", path, errno: failure)
        }
        syncDirectory(directory)
    }

    /// Whether `path` may be replaced by a rename (nothing or a regular file is there); false
    /// for a device or FIFO, which is written through.
    ///
    /// - Throws: ``OutputError`` for a symbolic link, a directory or a socket.
    static func isReplaceable(_ path: String) throws(OutputError) -> Bool {
        let entry = POSIXFile.entry(at: path)
        switch entry {
        case .missing, .regular:
            return true
        case .device, .fifo:
            return false
        case .symbolicLink:
            throw OutputError(action: "write", path: path, reason: "it is a symbolic link, which execsim does not replace; give the path of the file it points to")
        case .directory, .socket:
            throw OutputError(action: "write", path: path, reason: "it is \(entry.description), not a file")
        }
    }

    /// A hidden temporary name beside `path`, unique per process and call.
    static func temporaryPath(for path: String) -> String {
        let directory = POSIXFile.parent(of: path)
        let prefix = !path.contains("/") ? "" : directory == "/" ? "/" : directory + "/"
        return prefix + ".tmp-\(POSIXFile.baseName(of: path)).\(getpid()).\(nextSerial())"
    }

    /// Makes a rename durable; best effort, as some file systems refuse.
    static func syncDirectory(_ directory: String) {
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = POSIXFile.sync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Creates the directory at `path` and any missing parents; succeeds if it exists. Removes
    /// the temporaries that dead processes left in it.
    ///
    /// - Throws: ``OutputError``, for example
    ///   `cannot create directory results/x/y: results/x is a file, not a directory`.
    public static func createDirectory(_ path: String) throws(OutputError) {
        guard !path.isEmpty else {
            throw OutputError(action: "create directory", path: path, reason: "empty path")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if !prefix.isEmpty && !prefix.hasSuffix("/") { prefix += "/" }
            prefix += component
            switch POSIXFile.kind(of: prefix) {
            case .directory:
                continue
            case .other:
                throw OutputError(action: "create directory", path: path,
                                  reason: "\(prefix) is a file, not a directory")
            case .missing:
                if mkdir(prefix, 0o777) != 0 {
                    let code = errno
                    if code == EEXIST && POSIXFile.kind(of: prefix) == .directory { continue }
                    throw POSIXFile.error("create directory", path, errno: code)
                }
            }
        }
        StaleTemporaries.removeOnce(in: path)
    }

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var serial = 0

    /// A per-process counter so concurrent writes to the same target use distinct temporaries.
    static func nextSerial() -> Int {
        serialLock.lock()
        defer { serialLock.unlock() }
        serial += 1
        return serial
    }
}
