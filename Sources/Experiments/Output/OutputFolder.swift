import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder execsim may write into, and what else may already be there.
///
/// A command writes only into a folder that is missing, empty, or holds nothing but files that
/// command writes (so rerunning replaces its own output); anything else — an input, another
/// command's output, someone's file — is refused with exit 73 instead of overwritten.
public enum OutputFolder {
    /// The report's files, which any output folder may hold beside its own.
    public static func isReportFile(_ name: String) -> Bool {
        name == "report.html" || name.hasSuffix(".svg")
    }

    /// The entries of `directory` that `owns` does not claim (execsim's temporaries and lock
    /// are always claimed); empty when the folder is missing.
    public static func foreignEntries(_ directory: String, owns: (String) -> Bool) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { !($0.hasPrefix(StaleTemporaries.prefix) || $0 == FolderLock.name || owns($0)) }.sorted()
    }

    /// - Throws: ``OutputError`` `cannot write results/x: it holds files that execsim run does
    ///   not write (notes.txt, points.csv); choose another --out, or move them away`.
    public static func refuseForeign(_ directory: String, writer: String, owns: (String) -> Bool) throws(OutputError) {
        if POSIXFile.kind(of: directory) == .other {
            throw OutputError(action: "write", path: directory, reason: "it is a file, not a folder")
        }
        let foreign = foreignEntries(directory, owns: owns)
        guard !foreign.isEmpty else { return }
        throw OutputError(action: "write", path: directory,
                          reason: "it holds files that \(writer) does not write (\(list(foreign))); choose another --out, or move them away")
    }

    /// `a, b, c and 4 more`.
    static func list(_ names: [String], limit: Int = 5) -> String {
        names.count <= limit ? names.joined(separator: ", ")
            : names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }

    /// Whether two paths name the same existing file or folder (same device and inode).
    public static func sameEntry(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}

/// A folder whose files appear together: they are written into a hidden staging folder beside
/// the target, which `publish()` puts in the target's place in one step. A kill or a full disk
/// at any moment leaves either the old set whole or the new one, never a mix (a new
/// `replications.csv` beside an old `summary.csv`).
///
/// On Linux the old folder and the staging folder are swapped by `renameat2(RENAME_EXCHANGE)`;
/// where that is missing, the old folder is renamed aside first, so between the two renames
/// the target is briefly absent but the old set is whole under its hidden name.
public final class StagedFolder {
    public let target: String
    public let staging: String
    private var published = false

    /// Creates the staging folder (and the target's parents).
    public init(target: String) throws(OutputError) {
        self.target = target
        let parent = POSIXFile.parent(of: target)
        try AtomicFile.createDirectory(parent)
        staging = AtomicFile.temporaryPath(for: target)
        if mkdir(staging, 0o777) != 0 { throw POSIXFile.error("create directory", staging, errno: errno) }
    }

    deinit { if !published { try? FileManager.default.removeItem(atPath: staging) } }

    /// The path of `name` in the staging folder.
    public func path(_ name: String) -> String { staging + "/" + name }

    /// Writes the file `name` into the staging folder: created, written and synced, without a
    /// temporary and a rename of its own (``AtomicFile``'s), which each cost a sync of the
    /// folder, a wait on the disk: nothing else sees the staging folder, and `publish()` syncs
    /// it once.
    ///
    /// - Throws: ``OutputError`` naming the file's staged path; a file it created is removed,
    ///   one already there (a name staged twice) is left.
    public func write(_ bytes: [UInt8], named name: String) throws(OutputError) {
        let file = path(name)
        if let failure = POSIXFile.createSynced(bytes, at: file) { throw POSIXFile.error("write", file, errno: failure) }
    }

    /// A stream writing the file `name` in place in the staging folder (see `write(_:named:)`).
    public func stream(named name: String) throws(OutputError) -> AtomicFileStream {
        try AtomicFileStream(path: path(name), writingTo: path(name))
    }

    /// Puts the staged files in the target's place and removes the old ones.
    public func publish() throws(OutputError) {
        let parent = POSIXFile.parent(of: target)
        // The staged files' entries first (each file synced itself when it was written), so
        // that the folder that takes the target's place holds them all.
        AtomicFile.syncDirectory(staging)
        if POSIXFile.entry(at: target) == .missing {
            if rename(staging, target) != 0 { throw POSIXFile.error("write", target, errno: errno) }
        } else if let exchange = Self.renameExchange,
                  exchange(AT_FDCWD, staging, AT_FDCWD, target, 2 /* RENAME_EXCHANGE */) == 0 {
            // Swapped: the old set is now at the staging path.
        } else {
            if Self.renameExchange != nil && errno != EINVAL && errno != ENOSYS {
                throw POSIXFile.error("write", target, errno: errno)
            }
            let aside = AtomicFile.temporaryPath(for: target)
            if rename(target, aside) != 0 { throw POSIXFile.error("write", target, errno: errno) }
            if rename(staging, target) != 0 {
                let code = errno
                _ = rename(aside, target)
                throw POSIXFile.error("write", target, errno: code)
            }
            try? FileManager.default.removeItem(atPath: aside)
        }
        published = true
        AtomicFile.syncDirectory(parent)
        // After an exchange the old set is at the staging path.
        try? FileManager.default.removeItem(atPath: staging)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up at run time: Swift's Glibc module does not declare it.
    nonisolated(unsafe) private static let renameExchange: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()
}
