import Foundation

/// A CSV file read back: the header and the rows, for the report to read what `run`,
/// `compare` and `sweep` wrote.
///
/// RFC 4180: fields may be quoted, quotes inside are doubled, quoted fields may hold commas
/// and line breaks; lines end in `\n` or `\r\n`. An empty cell is nil, as our writers write
/// undefined figures as empty cells (MODEL.md section 7).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    /// Each row has exactly `header.count` cells.
    public var rows: [[String?]]
    /// The line of the file each row starts on, for messages.
    public var lines: [Int] = []

    /// Parses `text`; the first record is the header.
    ///
    ///     let t = try CSVTable(parsing: "a,b\n1,\n")
    ///     t.doubles("b")  // [nil]
    /// - Parameter requireLineEnd: refuse a file whose last line has no line end, as a file
    ///   execsim wrote always has one (its absence means the file was cut short); files from
    ///   elsewhere (event logs) may lack it.
    public init(parsing text: String, requireLineEnd: Bool = false) throws(CSVReadError) {
        let (records, starts) = try Self.records(text)
        guard let first = records.first else { throw CSVReadError(line: 1, message: "empty file") }
        if requireLineEnd && !text.hasSuffix("\n") {
            throw CSVReadError(line: starts.last ?? 1, message: "the last line has no line end: the file is truncated")
        }
        header = first.map { $0 ?? "" }
        rows = []
        for (record, line) in zip(records, starts).dropFirst() {
            if record.count == 1 && record[0] == nil { continue }  // blank line
            guard record.count == header.count else {
                throw CSVReadError(line: line, message: "\(record.count) fields, but the header has \(header.count)")
            }
            rows.append(record)
            lines.append(line)
        }
    }

    /// The largest number a report reads: far above any figure execsim writes (scenario limits
    /// keep money below 1e20), and small enough that spans, sums and squares of a million
    /// such numbers stay finite.
    public static let largestMagnitude = 1e100

    /// Checks that every column in `required` is present and that every cell outside `text`
    /// is empty (an undefined figure) or a finite number of magnitude at most ``largestMagnitude``.
    ///
    /// - Throws: ``CSVReadError`` naming the line and column: `line 7, column mean: 'abc' is
    ///   not a number`; `NaN` and infinities are refused too, as execsim never writes them.
    public func check(required: [String], text: (String) -> Bool) throws(CSVReadError) {
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw CSVReadError(line: 1, message: "missing column\(missing.count == 1 ? "" : "s") " + missing.joined(separator: ", "))
        }
        let numeric = header.indices.filter { !text(header[$0]) }
        for (row, line) in zip(rows, lines) {
            for column in numeric {
                guard let cell = row[column] else { continue }
                guard let x = Double(cell), x.isFinite else {
                    throw CSVReadError(line: line, message: "column \(header[column]): '\(cell.prefix(40))' is not a finite number")
                }
                guard abs(x) <= Self.largestMagnitude else {
                    throw CSVReadError(line: line, message: "column \(header[column]): \(cell.prefix(40)) is beyond ±1e100, which no execsim figure reaches")
                }
            }
        }
    }

    /// Reads and parses the file at `path`, then ``check(required:text:)``s it.
    ///
    /// - Parameters:
    ///   - required: columns that must be present.
    ///   - text: whether a column holds text; every other column must hold numbers.
    public static func read(_ path: String, required: [String] = [], text: (String) -> Bool = { _ in true }) throws(OutputError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(action: OutputError.read, path: path, reason: "no such file or not readable")
        }
        do throws(CSVReadError) {
            let table = try CSVTable(parsing: String(decoding: data, as: UTF8.self), requireLineEnd: true)
            try table.check(required: required, text: text)
            return table
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

    /// The records and the line each starts on.
    private static func records(_ text: String) throws(CSVReadError) -> ([[String?]], [Int]) {
        var records: [[String?]] = []
        var starts: [Int] = [1]
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
                starts.append(line)
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw CSVReadError(line: line, message: "a quoted field is not closed") }
        if !field.isEmpty || wasQuoted || !record.isEmpty {
            endField()
            records.append(record)
        }
        return (records, Array(starts.prefix(records.count)))
    }
}

/// A CSV file that could not be parsed.
public struct CSVReadError: Error, CustomStringConvertible, Equatable, Sendable {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}
