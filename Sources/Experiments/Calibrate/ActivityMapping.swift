import Foundation
import StrictJSON

/// Renames an organization's own activity names (and CSV column names) to the event log's.
///
/// A JSON file:
///
///     {
///       "activities": { "Idea logged": "intake", "Steering OK": "g0_approved", "Comment": null },
///       "columns": { "case_id": "Key", "activity": "Status", "timestamp": "Changed" }
///     }
///
/// An activity mapped to `null` is ignored. Names not in `activities` must be the log's own
/// (``LogActivity``). `columns` names the CSV header cells that hold each field.
public struct ActivityMapping: Sendable, Equatable {
    public enum Resolution: Equatable {
        case activity(LogActivity)
        case ignored
        case unknown
    }

    /// Organization name → the log's activity, or nil to ignore it.
    public var activities: [String: LogActivity?] = [:]
    /// The log's column name → the file's header cell.
    public var columns: [String: String] = [:]

    public init(activities: [String: LogActivity?] = [:], columns: [String: String] = [:]) {
        self.activities = activities
        self.columns = columns
    }

    public var isEmpty: Bool { activities.isEmpty }

    public func activity(for name: String) -> Resolution {
        if let mapped = activities[name] { return mapped.map { .activity($0) } ?? .ignored }
        return LogActivity(rawValue: name).map { .activity($0) } ?? .unknown
    }

    /// The header cell that holds `column` (`case_id`, `activity`, ...).
    public func header(for column: String) -> String { columns[column] ?? column }

    public static let columnNames = ["case_id", "activity", "timestamp", "business_unit", "domain", "value_per_month"]

    /// Reads a mapping file with the strict document reader: every problem at once, each
    /// naming the file, the JSON path and what would be valid.
    public static func load(contentsOf path: String) throws(DocumentError) -> ActivityMapping {
        let root = try DocumentReader.load(contentsOf: path)
        let reader = DocumentReader(file: path)
        var mapping = ActivityMapping()
        guard let top = reader.object(root, at: "$", keys: ["activities", "columns"]) else {
            return try reader.finish(mapping)
        }
        if let value = top["activities"] {
            guard case .object(let entries) = value else {
                reader.report(top.path("activities"), "expected an object of your name: activity, got \(value.kindDescription)")
                return try reader.finish(mapping)
            }
            for (name, target) in entries {
                let at = DocumentReader.path(top.path("activities"), key: name)
                if case .null = target {
                    mapping.activities[name] = .some(nil)
                } else if let s = reader.string(target, at: at) {
                    if let a = LogActivity(rawValue: s) {
                        mapping.activities[name] = .some(a)
                    } else {
                        reader.unknown("activity", s, at: at, valid: LogActivity.allCases.map(\.rawValue) + ["null (to ignore it)"])
                    }
                }
            }
        }
        top.object("columns", keys: columnNames) { columns in
            for (name, _) in columns.members where columnNames.contains(name) {
                var header = ""
                if columns.string(name, into: &header, nonEmpty: true) { mapping.columns[name] = header }
            }
        }
        return try reader.finish(mapping)
    }
}
