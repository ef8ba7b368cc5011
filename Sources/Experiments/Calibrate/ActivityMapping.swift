import Foundation
import ProgramModel

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

    /// Reads a mapping file; errors name the file, the JSON path and what would be valid.
    public static func load(contentsOf path: String) throws -> ActivityMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EventLogError(file: path, line: nil, message: "no such file or not readable")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(Array(data)) } catch {
            throw EventLogError(file: path, line: nil, message: error.description)
        }
        func fail(_ jsonPath: String, _ message: String) -> EventLogError {
            EventLogError(file: path, line: nil, message: "\(jsonPath): \(message)")
        }
        guard case .object(let members) = root else {
            throw fail("$", "expected an object with \"activities\" and optional \"columns\", got \(root.kindDescription)")
        }
        var mapping = ActivityMapping()
        for (key, value) in members {
            switch key {
            case "activities":
                guard case .object(let entries) = value else {
                    throw fail("$.activities", "expected an object of name: activity, got \(value.kindDescription)")
                }
                for (name, target) in entries {
                    switch target {
                    case .null: mapping.activities[name] = .some(nil)
                    case .string(let s):
                        guard let a = LogActivity(rawValue: s) else {
                            throw fail("$.activities[\(JSONWriter.quote(name))]", "unknown activity '\(s)'; valid: \(LogActivity.validNames), or null to ignore")
                        }
                        mapping.activities[name] = .some(a)
                    default:
                        throw fail("$.activities[\(JSONWriter.quote(name))]", "expected an activity name or null, got \(target.kindDescription)")
                    }
                }
            case "columns":
                guard case .object(let entries) = value else {
                    throw fail("$.columns", "expected an object of column: header cell, got \(value.kindDescription)")
                }
                for (name, target) in entries {
                    guard columnNames.contains(name) else {
                        throw fail("$.columns.\(name)", "unknown column; valid: \(columnNames.joined(separator: ", "))")
                    }
                    guard case .string(let s) = target else {
                        throw fail("$.columns.\(name)", "expected the header cell's text, got \(target.kindDescription)")
                    }
                    mapping.columns[name] = s
                }
            default:
                throw fail("$.\(key)", "unknown key; valid: activities, columns")
            }
        }
        return mapping
    }
}
