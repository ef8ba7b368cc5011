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
/// name is `.tmp-<name>.<pid>.<n>`, hidden and unique per process and call.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, atomically.
    ///
    ///     try AtomicFile.write(Array("a,b\n".utf8), to: "results/run/summary.csv")
    ///
    /// - Throws: ``OutputError`` naming `path` and the reason; no temporary file is left.
    /// - Complexity: O(*n*) in the size of `bytes`, plus two `fsync`s.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let directory = POSIXFile.parent(of: path)
        let temporary = temporaryPath(for: path)

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXFile.error("write", path, errno: errno) }

        var failure = POSIXFile.writeAll(descriptor, bytes)
        if failure == nil { failure = POSIXFile.sync(descriptor) }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw POSIXFile.error("write", path, errno: failure)
        }
        syncDirectory(directory)
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

    /// Creates the directory at `path` and any missing parents; succeeds if it exists.
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
    }

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var serial = 0

    /// A per-process counter so concurrent writes to the same target use distinct temporaries.
    private static func nextSerial() -> Int {
        serialLock.lock()
        defer { serialLock.unlock() }
        serial += 1
        return serial
    }
}
