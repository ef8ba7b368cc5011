import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive claim on an output folder for as long as the holder lives, so two sweeps (or a
/// sweep and a merge) never append the same points to one `points.csv`.
///
/// `flock` on `DIR/.lock`, which holds the holder's pid, command and start time for the message
/// the second process gets. The kernel drops the lock when the holder exits, even by SIGKILL,
/// so a stale `.lock` file never blocks anyone.
public final class FolderLock {
    public static let name = ".lock"
    private let descriptor: Int32
    private let path: String

    /// Takes the lock of `directory` (which must exist) without waiting.
    ///
    /// - Parameter holder: what is taking it, for the other process's message ("execsim sweep").
    /// - Throws: ``OutputError`` `cannot write results/s: it is in use by execsim sweep (pid 4242,
    ///   since 2026-12-01T08:30:00Z); wait for it to finish or stop it`.
    public init(directory: String, holder: String) throws(OutputError) {
        let path = directory + "/" + Self.name
        self.path = path
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
            guard descriptor >= 0 else { throw POSIXFile.error("lock", path, errno: errno) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let owner = Self.owner(descriptor)
                close(descriptor)
                if code == EWOULDBLOCK {
                    throw OutputError(action: "write", path: directory,
                                      reason: "it is in use by \(owner ?? "another execsim process"); wait for it to finish or stop it")
                }
                throw POSIXFile.error("lock", path, errno: code)
            }
            // The holder before us may have removed the file after we opened it: lock the file
            // that is at the path now.
            var locked = stat(), current = stat()
            if fstat(descriptor, &locked) == 0, stat(path, &current) == 0,
               locked.st_dev == current.st_dev, locked.st_ino == current.st_ino {
                self.descriptor = descriptor
                break
            }
            close(descriptor)
        }
        let since = UTCTimestamp.text(Date())
        let text = "\(holder) (pid \(getpid()), since \(since))\n"
        _ = ftruncate(descriptor, 0)
        _ = POSIXFile.writeAll(descriptor, Array(text.utf8))
    }

    /// Removes the file while still holding the lock, so a finished folder holds only its
    /// output; a process that opened the file meanwhile sees it is gone and retries.
    deinit {
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func owner(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
