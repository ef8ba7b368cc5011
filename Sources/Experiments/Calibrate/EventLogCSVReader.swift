import Foundation

/// Reads an event log from CSV: a header with `case_id`, `activity`, `timestamp` and optional
/// `business_unit`, `domain`, `value_per_month` (other columns are ignored), one row per event.
public enum EventLogCSVReader {
    public static func records(parsing text: String, file: String,
                               mapping: ActivityMapping = ActivityMapping()) throws -> [EventLogRecord] {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            throw EventLogError(file: file, line: error.line, message: error.message)
        }
        func column(_ name: String, required: Bool) throws -> Int? {
            let header = mapping.header(for: name)
            if let i = table.index(of: header) { return i }
            guard required else { return nil }
            throw EventLogError(file: file, line: 1, message: "no column '\(header)'; the header needs case_id, activity, timestamp (optional business_unit, domain, value_per_month), or a mapping file's \"columns\" naming yours; found: \(table.header.joined(separator: ", "))")
        }
        let caseColumn = try column("case_id", required: true)!
        let activityColumn = try column("activity", required: true)!
        let timeColumn = try column("timestamp", required: true)!
        let unitColumn = try column("business_unit", required: false)
        let domainColumn = try column("domain", required: false)
        let valueColumn = try column("value_per_month", required: false)
        // CSVTable drops blank lines, so lines are counted again here to name them exactly.
        let lines = dataLineNumbers(text)
        var records: [EventLogRecord] = []
        records.reserveCapacity(table.rows.count)
        for (index, row) in table.rows.enumerated() {
            let line = index < lines.count ? lines[index] : index + 2
            guard let id = row[caseColumn], !id.isEmpty else {
                throw EventLogError(file: file, line: line, message: "empty case_id; every event needs the id of its use case")
            }
            records.append(EventLogRecord(
                caseID: id, activity: row[activityColumn] ?? "", timestamp: row[timeColumn] ?? "",
                businessUnit: unitColumn.flatMap { row[$0] }, domain: domainColumn.flatMap { row[$0] },
                valuePerMonth: valueColumn.flatMap { row[$0] }, line: line))
        }
        return records
    }

    /// The line number where each non-blank record after the header starts.
    static func dataLineNumbers(_ text: String) -> [Int] {
        var result: [Int] = []
        var line = 1
        var quoted = false
        var atRecordStart = true
        var recordStartLine = 1
        var recordHasContent = false
        var isHeader = true
        for c in text.utf8 {
            if atRecordStart { recordStartLine = line; atRecordStart = false; recordHasContent = false }
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if c == UInt8(ascii: "\n") {
                line += 1
                if !quoted {
                    if recordHasContent && !isHeader { result.append(recordStartLine) }
                    if recordHasContent { isHeader = false }
                    atRecordStart = true
                }
                continue
            }
            if c != UInt8(ascii: "\r") { recordHasContent = true }
        }
        if !atRecordStart && recordHasContent && !isHeader { result.append(recordStartLine) }
        return result
    }

    public static func read(_ path: String, mapping: ActivityMapping = ActivityMapping()) throws -> [EventLogRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EventLogError(file: path, line: nil, message: "no such file or not readable")
        }
        return try records(parsing: String(decoding: data, as: UTF8.self), file: path, mapping: mapping)
    }
}
