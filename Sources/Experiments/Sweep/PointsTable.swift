import Foundation
import ProgramModel

/// `points.csv`: one row per design point — `point`, one column per parameter (named by its
/// path), then `<metric>_mean`, `_ci95_low`, `_ci95_high`, `_p50` per metric.
///
/// The file only ever grows by whole rows in point order, so at any moment it is a prefix of
/// the finished file (up to a half-written last line); resuming and merging rely on that.
public enum PointsTable {
    public static let statistics = ["mean", "ci95_low", "ci95_high", "p50"]

    public static func header(_ file: SweepFile) -> [String] {
        ["point"] + file.parameters.map(\.path.description)
            + file.metrics.flatMap { m in statistics.map { "\(m.name)_\($0)" } }
    }

    /// The header line, newline included.
    public static func headerBytes(_ file: SweepFile) -> [UInt8] {
        var csv = CSVWriter(header: header(file), reservingCapacity: 256)
        return csv.takeBytes()
    }

    /// Appends one point's row to `csv`.
    public static func appendRow(to csv: inout CSVWriter, point: Int, values: [JSONValue?], summaries: [Summary]) {
        csv.field(point)
        for value in values {
            if let value { csv.field(cellText(value)) } else { csv.field(nil as Double?) }
        }
        for s in summaries {
            csv.field(s.mean)
            csv.field(s.ci95Low)
            csv.field(s.ci95High)
            csv.field(s.p50)
        }
        csv.endRow()
    }

    /// A parameter value as a cell: numbers as CSVWriter writes them, strings as they are,
    /// anything else (a list, an object) as compact JSON.
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .number(let x): return CSVWriter.format(x)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array, .object:
            return JSONWriter.prettyText(value).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
    }

    /// The fields of one CSV line (without its newline), undoing RFC 4180 quoting.
    public static func fields(_ line: ArraySlice<UInt8>) -> [String] {
        var fields: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let byte = line[i]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < line.endIndex && line[i + 1] == UInt8(ascii: "\"") {
                        current.append(byte)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
            i += 1
        }
        fields.append(String(decoding: current, as: UTF8.self))
        return fields
    }

    /// The complete rows of a points file: its bytes, the header's end, and each row's point
    /// number and byte range (newline included). A last line without a newline is not a row.
    public struct Contents {
        public var bytes: [UInt8]
        /// Bytes of the header line, newline included; 0 when the header is incomplete.
        public var headerLength: Int
        public var rows: [(point: Int, range: Range<Int>)]
        /// The first complete line that is not a well-formed row, and why: a row that was
        /// edited or damaged, as opposed to a half-written last line (no newline yet).
        public var malformed: (line: Int, reason: String)? = nil
        /// Bytes of the header and every complete, well-formed row.
        public var completeLength: Int { rows.last?.range.upperBound ?? headerLength }
    }

    /// Reads `path` (missing: empty), keeping rows while they are well formed (a number in the
    /// `point` column and `columns` fields), stopping at the first that is not.
    public static func read(_ path: String, columns: Int) -> Contents {
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        var contents = Contents(bytes: bytes, headerLength: 0, rows: [])
        guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return contents }
        contents.headerLength = headerEnd + 1
        var start = headerEnd + 1
        while start < bytes.count, let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let f = fields(bytes[start..<end])
            guard f.count == columns, let point = Int(f[0]) else {
                contents.malformed = (contents.rows.count + 2, f.count != columns
                    ? "\(f.count) fields, but the header has \(columns)" : "the point column holds '\(f[0])', not a point number")
                break
            }
            contents.rows.append((point, start..<(end + 1)))
            start = end + 1
        }
        return contents
    }

    /// Where a row's parameter cells differ from what the design gives for its point (a row
    /// edited by hand, or written by another design), or nil when they agree. The parameters
    /// are deterministic, so resume and merge check every row they keep.
    public static func parameterMismatch(_ contents: Contents, row: Int, plan: SweepPlan,
                                         firstColumn: Int = 1, unit: String = "point") -> String? {
        let (point, range) = contents.rows[row]
        guard point >= 0 && point < plan.points.count else {
            return "\(unit) \(point) is not one of the design's \(plan.points.count)"
        }
        let f = fields(contents.bytes[range.lowerBound..<(range.upperBound - 1)])
        for (i, (parameter, value)) in zip(plan.file.parameters, plan.columnValues(point: point)).enumerated() {
            let expected = value.map(cellText) ?? ""
            if f[firstColumn + i] != expected {
                return "\(unit) \(point), column \(parameter.path) holds '\(f[firstColumn + i])' but the design gives '\(expected)'"
            }
        }
        return nil
    }

    /// Each point's `<metric>_mean` from a finished points file, `[metric][point]`, for the
    /// analyses; they read the file rather than keep results in memory, and the text of a
    /// double reads back to the same double.
    static func means(_ contents: Contents, file: SweepFile, pointCount: Int) -> [[Double?]] {
        var means = [[Double?]](repeating: [Double?](repeating: nil, count: pointCount), count: file.metrics.count)
        let firstMetricColumn = 1 + file.parameters.count
        for row in contents.rows where row.point < pointCount {
            let f = fields(contents.bytes[row.range.lowerBound..<(row.range.upperBound - 1)])
            for m in file.metrics.indices {
                means[m][row.point] = Double(f[firstMetricColumn + m * statistics.count])
            }
        }
        return means
    }
}
