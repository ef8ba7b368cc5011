import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `.tmp-<name>.<pid>.<n>` files and folders that a killed execsim left behind (SIGKILL
/// runs no cleanup; a replications file can be megabytes), removed the next time execsim
/// writes into the same folder.
///
/// Only temporaries of processes that no longer exist are touched: a process that is still
/// running (or a new one that reuses the pid) keeps its files. The pid is read from the name,
/// so a folder shared between machines could see another host's live temporaries as stale;
/// sweeps split over machines write into a folder each (docs/distributed.md).
enum StaleTemporaries {
    static let prefix = ".tmp-"

    /// The pid in a temporary's name, or nil for a name that is not one of ours.
    static func pid(inName name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, Int(parts[parts.count - 1]) != nil,
              let pid = pid_t(parts[parts.count - 2]), pid > 0 else { return nil }
        return pid
    }

    /// Removes the stale temporaries in `directory`; best effort, errors are ignored.
    /// - Returns: the names removed.
    @discardableResult
    static func remove(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = pid(inName: name), pid != getpid(), !isAlive(pid) else { continue }
            let path = directory == "/" ? "/" + name : directory + "/" + name
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
        }
        return removed
    }

    /// `remove(in:)` the first time a process writes into `directory`.
    static func removeOnce(in directory: String) {
        let first = lock.withLock { cleaned.insert(directory).inserted }
        if first { remove(in: directory) }
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cleaned: Set<String> = []
}
