/// One problem in an input file: which file, where in it (a JSON path such as
/// `$.stages.rollout.phases[0].duration.mode`), and what is wrong or what would be valid.
public struct DocumentIssue: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// "plan.json: $.governance.committee.capacity: must be a whole number at least 1, got 0".
    public var description: String { "\(file): \(path): \(message)" }
}

/// Every problem found in an input file. A file is checked completely before this is thrown,
/// so a user fixes all mistakes in one round instead of one per run.
public struct DocumentError: Error, Equatable, CustomStringConvertible {
    public var issues: [DocumentIssue]

    public init(issues: [DocumentIssue]) {
        self.issues = issues
    }

    /// Issues shown before the rest are counted: 100,000 invalid list elements are one
    /// mistake repeated, not 100,000 lines to read.
    public static let shownIssues = 50

    /// The issues, one per line, at most ``shownIssues`` of them and then how many more.
    public var description: String {
        let shown = issues.prefix(Self.shownIssues).map(\.description)
        let more = issues.count - shown.count
        return (shown + (more > 0 ? ["\(issues[0].file): … and \(more) more issues (the first \(Self.shownIssues) are shown)"] : []))
            .joined(separator: "\n")
    }
}
