/// A file or directory that could not be written, in words a user can act on.
///
/// The message names the path as given and the reason:
/// `cannot write results/x/summary.csv: Permission denied`.
public struct OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was attempted: "write", "create directory", "open", "append to", "flush".
    public var action: String
    /// The path as the caller gave it.
    public var path: String
    /// Why it failed, usually the system's `strerror` text, sometimes more specific
    /// ("results/x is a file, not a directory").
    public var reason: String

    public init(action: String, path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }

    /// A file that was to be read (a run's CSV or JSON for a report) and could not be: the
    /// input is at fault, not the output.
    public var isUnreadableInput: Bool { action == OutputError.read }

    /// The `action` of a failed read.
    public static let read = "read"
}
