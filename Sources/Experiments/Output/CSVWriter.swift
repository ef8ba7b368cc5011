import StrictJSON

/// Builds a CSV file in memory, field by field, into one reserved byte buffer.
///
/// Result files hold up to millions of numbers, so rows go straight into `[UInt8]` with no
/// intermediate `String` per row, and doubles print via `description` (shortest text that
/// reads back to the same double, locale-free); `String(format:)` measured 18× slower.
/// Fields are quoted per RFC 4180 only when they must be. Lines end with `"\n"`.
///
///     var csv = CSVWriter(header: ["replication", "cost"])
///     csv.field(1); csv.field(12.5); csv.endRow()
///     csv.field(2); csv.field(nil as Double?); csv.endRow()
///     // "replication,cost\n1,12.5\n2,\n"
public struct CSVWriter {
    /// The CSV text so far, header included.
    public private(set) var bytes: [UInt8]
    /// The number of columns, from the header; every row must have this many fields.
    public let columnCount: Int
    private var fieldsInRow = 0

    /// Starts a file with `header` as its first line.
    ///
    /// - Parameter reservingCapacity: bytes to reserve up front (a guess of the file size).
    public init(header: [String], reservingCapacity: Int = 1 << 16) {
        bytes = []
        bytes.reserveCapacity(reservingCapacity)
        columnCount = header.count
        for name in header { field(name) }
        fieldsInRow = columnCount
        endRow()
    }

    /// Continues a file whose header was already written (a later block of a streamed file).
    public init(continuingWithColumns columnCount: Int, reservingCapacity: Int = 1 << 16) {
        bytes = []
        bytes.reserveCapacity(reservingCapacity)
        self.columnCount = columnCount
    }

    /// Appends a number: nil and non-finite values become an empty cell; integral values
    /// print without a fractional part (see ``format(_:)``).
    ///
    /// - Complexity: O(1).
    public mutating func field(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return }
        if let integral = Self.integralValue(value) {
            appendDigits(integral)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends an integer.
    ///
    /// - Complexity: O(1).
    public mutating func field(_ value: Int) {
        separate()
        appendDigits(Int64(value))
    }

    /// Appends text, in double quotes (with inner quotes doubled) only when it holds a comma,
    /// a quote, a carriage return or a line feed.
    ///
    /// - Complexity: O(*m*), where *m* is the length of `text` in UTF-8.
    public mutating func field(_ text: String) {
        separate()
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Ends the current row.
    ///
    /// - Precondition: the row has exactly ``columnCount`` fields.
    public mutating func endRow() {
        precondition(fieldsInRow == columnCount,
                     "CSV row has \(fieldsInRow) fields, header has \(columnCount)")
        bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// Returns the bytes written so far and empties the buffer, keeping its capacity, so a
    /// long run can stream completed rows to a file (see ``AppendOnlyFile``).
    ///
    /// - Precondition: no row is half-built.
    public mutating func takeBytes() -> [UInt8] {
        precondition(fieldsInRow == 0, "takeBytes() in the middle of a row")
        let taken = bytes
        bytes.removeAll(keepingCapacity: true)
        return taken
    }

    /// The text a number gets in a cell: empty for nil or non-finite, else `NumberText.format`
    /// (`12`, not `12.0`; `0.1`, `1e-05`), the same spelling as in JSON files.
    public static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberText.format(value)
    }

    /// The value as an integer when it is integral and exactly representable (`NumberText`).
    @inline(__always)
    private static func integralValue(_ value: Double) -> Int64? { NumberText.integral(value) }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    private mutating func appendDigits(_ value: Int64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // Magnitude as UInt64 so Int64.min does not overflow.
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }
}
