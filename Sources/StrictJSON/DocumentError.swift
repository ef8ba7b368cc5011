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

    /// The issues, one per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
