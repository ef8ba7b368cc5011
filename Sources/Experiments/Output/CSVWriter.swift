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
    public var bytes: [UInt8] { output.bytes }
    private var output = ByteOutput()
    /// The number of columns, from the header; every row must have this many fields.
    public let columnCount: Int
    private var fieldsInRow = 0

    /// Starts a file with `header` as its first line.
    ///
    /// - Parameter reservingCapacity: bytes to reserve up front (a guess of the file size).
    public init(header: [String], reservingCapacity: Int = 1 << 16) {
        output.bytes.reserveCapacity(reservingCapacity)
        columnCount = header.count
        for name in header { field(name) }
        fieldsInRow = columnCount
        endRow()
    }

    /// Continues a file whose header was already written (a later block of a streamed file).
    public init(continuingWithColumns columnCount: Int, reservingCapacity: Int = 1 << 16) {
        output.bytes.reserveCapacity(reservingCapacity)
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
            // The text of `description`, written without making a String (see ByteOutput).
            value.write(to: &output)
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
            output.bytes.append(contentsOf: utf8)
            return
        }
        output.bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { output.bytes.append(byte) }
            output.bytes.append(byte)
        }
        output.bytes.append(UInt8(ascii: "\""))
    }

    /// Ends the current row.
    ///
    /// - Precondition: the row has exactly ``columnCount`` fields.
    public mutating func endRow() {
        precondition(fieldsInRow == columnCount,
                     "CSV row has \(fieldsInRow) fields, header has \(columnCount)")
        output.bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// Returns the bytes written so far and empties the buffer, keeping its capacity, so a
    /// long run can stream completed rows to a file (see ``AppendOnlyFile``).
    ///
    /// - Precondition: no row is half-built.
    public mutating func takeBytes() -> [UInt8] {
        precondition(fieldsInRow == 0, "takeBytes() in the middle of a row")
        let taken = output.bytes
        output.bytes.removeAll(keepingCapacity: true)
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
        if fieldsInRow > 0 { output.bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    private mutating func appendDigits(_ value: Int64) {
        // Digits into a 20-byte buffer on the stack, then one append: appending digit by digit
        // checked the array's uniqueness and capacity per digit.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude  // as UInt64, so Int64.min does not overflow
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { output.bytes.append(UInt8(ascii: "-")) }
            output.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}

/// The bytes of a CSV file as a text output stream, so a double writes its shortest text
/// (`description`'s) straight in: the standard library's `Double.write(to:)` hands its
/// formatted ASCII to `_writeASCII`, whereas `description` makes a String, on the heap for
/// most doubles of 16 digits or more. That made formatting a number cost about three times
/// the digits themselves.
struct ByteOutput: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }
}
