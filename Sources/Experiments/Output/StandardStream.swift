#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error written through the same `write(2)` loop as every
/// output file, so a full disk, a closed descriptor or a closed pipe is an ``OutputError``
/// (exit 73) and never a trap.
///
/// `FileHandle.write` traps on such failures; `print` ignores them. Neither is used.
public enum StandardStream: Sendable {
    case output, error

    var descriptor: Int32 { self == .output ? 1 : 2 }
    var name: String { self == .output ? "standard output" : "standard error" }

    /// Writes all of `text`.
    ///
    /// - Throws: ``OutputError`` `cannot write standard output: No space left on device`, or
    ///   `…: the descriptor was closed when execsim started` (see ``prepare()``).
    public func write(_ text: String) throws(OutputError) {
        if Self.closedAtStart.contains(descriptor) {
            throw OutputError(action: "write", path: name, reason: "the descriptor was closed when execsim started")
        }
        if let failure = POSIXFile.writeAll(descriptor, Array(text.utf8)) {
            throw OutputError(action: "write", path: name, reason: String(cString: strerror(failure)))
        }
    }

    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Call once at start, before any thread or file is opened.
    ///
    /// A descriptor 0, 1 or 2 that is closed (`execsim trace >&-`) is filled with `/dev/null`,
    /// so the next file opened cannot become "standard output" and receive text meant for the
    /// terminal; writes to it then fail as they should. SIGPIPE is ignored so that a closed
    /// pipe is a write error (exit 73) rather than a silent death.
    public static func prepare() {
        for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let filler = open("/dev/null", O_RDWR)
            if filler == descriptor { closedAtStart.insert(descriptor) } else if filler >= 0 { close(filler) }
        }
        signal(SIGPIPE, SIG_IGN)
    }
}
