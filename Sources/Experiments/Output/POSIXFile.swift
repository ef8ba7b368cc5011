#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the output files share, with errors turned into ``OutputError``.
///
/// POSIX rather than `FileManager` because we need `fsync` and `O_EXCL`, and because its
/// errno gives short, exact reasons where Foundation's messages are long and vary by platform.
enum POSIXFile {
    /// Writes all of `bytes` to `descriptor`, retrying short writes and interruptions.
    /// Returns errno on failure.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// `fsync`, retrying interruptions. Returns errno on failure.
    static func sync(_ descriptor: Int32) -> Int32? {
        while fsync(descriptor) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }

    /// Creates the file at `path`, which must not exist, with `bytes`, synced. Returns errno on
    /// failure, having removed the file if it was created (never one that was already there).
    static func createSynced(_ bytes: [UInt8], at path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return errno }
        var failure = writeAll(descriptor, bytes)
        if failure == nil { failure = sync(descriptor) }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure != nil { unlink(path) }
        return failure
    }

    /// `close`, callable from types that have a `close()` method of their own.
    @discardableResult
    static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        close(descriptor)
    }

    /// The directory part of `path`: "." for a bare name, "/" for a file in the root.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    enum Kind { case missing, directory, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }

    /// What is at `path` itself, a symbolic link not followed (`lstat`).
    enum Entry: Equatable {
        case missing, regular, directory, symbolicLink, device, fifo, socket

        /// For messages: "a symbolic link".
        var description: String {
            switch self {
            case .missing: "missing"
            case .regular: "a regular file"
            case .directory: "a directory"
            case .symbolicLink: "a symbolic link"
            case .device: "a device"
            case .fifo: "a FIFO (named pipe)"
            case .socket: "a socket"
            }
        }
    }

    static func entry(at path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFCHR, S_IFBLK: return .device
        case S_IFIFO: return .fifo
        default: return .socket
        }
    }

    /// Writes `bytes` into the device or FIFO at `path` as it is, without replacing it. A FIFO
    /// nobody reads is an error at once (ENXIO), not a hang.
    static func writeThrough(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENXIO {
                throw OutputError(action: "write", path: path, reason: "it is a FIFO that no process is reading")
            }
            throw error("write", path, errno: code)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var failure = writeAll(descriptor, bytes)
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure { throw error("write", path, errno: failure) }
    }

    /// An error for `action` on `path` after errno `code`, made specific where the bare
    /// errno text would leave the user guessing which component is at fault.
    static func error(_ action: String, _ path: String, errno code: Int32) -> OutputError {
        switch code {
        case ENOTDIR:
            // Name the ancestor that is in the way.
            var ancestor = parent(of: path)
            while ancestor != "." && ancestor != "/" {
                if kind(of: ancestor) == .other {
                    return OutputError(action: action, path: path,
                                       reason: "\(ancestor) is a file, not a directory")
                }
                ancestor = parent(of: ancestor)
            }
        case ENOENT:
            let directory = parent(of: path)
            if kind(of: directory) == .missing {
                return OutputError(action: action, path: path,
                                   reason: "directory \(directory) does not exist")
            }
        default:
            break
        }
        return OutputError(action: action, path: path, reason: String(cString: strerror(code)))
    }
}
