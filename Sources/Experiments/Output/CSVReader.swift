import Foundation

/// A CSV file read back: the header and the rows, for the report to read what `run`,
/// `compare` and `sweep` wrote.
///
/// RFC 4180: fields may be quoted, quotes inside are doubled, quoted fields may hold commas
/// and line breaks; lines end in `\n` or `\r\n`. An empty cell is nil, as our writers write
/// undefined figures as empty cells (MODEL.md section 7).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    /// Each row has exactly `header.count` cells (short rows are padded with nil).
    public var rows: [[String?]]

    /// Parses `text`; the first record is the header.
    ///
    ///     let t = try CSVTable(parsing: "a,b\n1,\n")
    ///     t.doubles("b")  // [nil]
    public init(parsing text: String) throws(CSVReadError) {
        let records = try Self.records(text)
        guard let first = records.first else { throw CSVReadError(line: 1, message: "empty file") }
        header = first.map { $0 ?? "" }
        rows = []
        for (index, record) in records.dropFirst().enumerated() {
            if record.count == 1 && record[0] == nil { continue }  // blank line
            guard record.count <= header.count else {
                throw CSVReadError(line: index + 2,
                                   message: "\(record.count) fields, but the header has \(header.count)")
            }
            rows.append(record + [String?](repeating: nil, count: header.count - record.count))
        }
    }

    /// Reads and parses the file at `path`.
    public static func read(_ path: String) throws(OutputError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(action: OutputError.read, path: path, reason: "no such file or not readable")
        }
        do {
            return try CSVTable(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw OutputError(action: OutputError.read, path: path, reason: error.description)
        }
    }

    public func index(of column: String) -> Int? { header.firstIndex(of: column) }

    /// The cells of `column` (all nil when there is no such column).
    public func strings(_ column: String) -> [String?] {
        guard let i = index(of: column) else { return rows.map { _ in nil } }
        return rows.map { $0[i] }
    }

    /// The cells of `column` as numbers; empty or non-numeric cells are nil.
    public func doubles(_ column: String) -> [Double?] {
        strings(column).map { $0.flatMap(Double.init) }
    }

    private static func records(_ text: String) throws(CSVReadError) -> [[String?]] {
        var records: [[String?]] = []
        var record: [String?] = []
        var field = ""
        var quoted = false      // inside a quoted field
        var wasQuoted = false   // this field was quoted, so "" is an empty string, not nil
        var line = 1
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() {
            record.append(field.isEmpty && !wasQuoted ? nil : field)
            field = ""
            wasQuoted = false
        }
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case ",":
                endField()
            case "\r":
                continue
            case "\n":
                endField()
                records.append(record)
                record = []
                line += 1
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw CSVReadError(line: line, message: "a quoted field is not closed") }
        if !field.isEmpty || wasQuoted || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}

/// A CSV file that could not be parsed.
public struct CSVReadError: Error, CustomStringConvertible, Equatable, Sendable {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}
