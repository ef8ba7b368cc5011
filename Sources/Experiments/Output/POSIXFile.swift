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
