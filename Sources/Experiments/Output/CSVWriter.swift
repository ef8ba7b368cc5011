import StrictJSON

/// Builds a CSV file in memory, field by field, into one reserved byte buffer.
///
/// Result files hold up to millions of numbers, so fields are written straight into the bytes
/// with no intermediate `String`, and doubles print as `description` prints them (the shortest
/// text that reads back to the same double, locale-free), by ``ShortestDecimal`` where it can;
/// `String(format:)` measured 18× slower.
/// Fields are quoted per RFC 4180 only when they must be. Lines end with `"\n"`.
///
///     var csv = CSVWriter(header: ["replication", "cost"])
///     csv.field(1); csv.field(12.5); csv.endRow()
///     csv.field(2); csv.field(nil as Double?); csv.endRow()
///     // "replication,cost\n1,12.5\n2,\n"
public struct CSVWriter {
    /// The CSV text so far, header included.
    public var bytes: [UInt8] { Array(storage[..<length]) }

    /// The CSV text, the writer used up: its storage cut to the text rather than copied.
    public consuming func finished() -> [UInt8] {
        storage.removeLast(storage.count - length)
        return storage
    }
    /// The text in `storage[..<length]`; the rest is room already allocated. Fields are written
    /// in place through one buffer pointer: an `append(contentsOf:)` per field cost about a
    /// hundred instructions (uniqueness, capacity, a generic copy), more than a number's digits.
    private var storage: [UInt8]
    private var length = 0
    /// The number of columns, from the header; every row must have this many fields.
    public let columnCount: Int
    private var fieldsInRow = 0

    /// Starts a file with `header` as its first line.
    ///
    /// - Parameter reservingCapacity: bytes to reserve up front (a guess of the file size).
    public init(header: [String], reservingCapacity: Int = 1 << 16) {
        storage = Self.room(reservingCapacity)
        columnCount = header.count
        for name in header { field(name) }
        fieldsInRow = columnCount
        endRow()
    }

    /// Continues a file whose header was already written (a later block of a streamed file).
    public init(continuingWithColumns columnCount: Int, reservingCapacity: Int = 1 << 16) {
        storage = Self.room(reservingCapacity)
        self.columnCount = columnCount
    }

    /// Appends a number: nil and non-finite values become an empty cell; integral values
    /// print without a fractional part (see ``format(_:)``).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func field(_ value: Double?) {
        // The separator and the number in one write: one uniqueness check of the storage.
        let separated = fieldsInRow > 0
        _ = write(atMost: CSVRow.maxFieldBytes) { CSVRow.write(value, separated: separated, at: $0) }
        fieldsInRow += 1
    }

    /// Appends a row of `count` fields, written by `body` through a ``CSVRow`` into room made
    /// for them all at once; the row is ended.
    ///
    ///     csv.row(fields: 3) { row in row.field(7); row.field(0.25); row.field(nil as Double?) }
    ///
    /// - Precondition: no row is half-built, `body` writes exactly `count` fields, and `count`
    ///   is the header's column count.
    @inline(__always)
    public mutating func row(fields count: Int, _ body: (inout CSVRow) -> Void) {
        precondition(fieldsInRow == 0 && count == columnCount, "CSV row of \(count) fields, header has \(columnCount)")
        _ = write(atMost: count * CSVRow.maxFieldBytes + 1) { out in
            var row = CSVRow(start: out, fields: count)
            body(&row)
            precondition(row.remaining == 0, "CSV row has \(count - row.remaining) fields, header has \(count)")
            out[row.length] = UInt8(ascii: "\n")
            return row.length + 1
        }
    }

    /// Appends an integer.
    ///
    /// - Complexity: O(1).
    public mutating func field(_ value: Int) {
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
            append(utf8)
            return
        }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        append(quoted)
    }

    /// Ends the current row.
    ///
    /// - Precondition: the row has exactly ``columnCount`` fields.
    public mutating func endRow() {
        precondition(fieldsInRow == columnCount,
                     "CSV row has \(fieldsInRow) fields, header has \(columnCount)")
        appendByte(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// Room for `bytes` bytes of text, not filled (only what is written is ever read): zeroing
    /// room for a chunk of `replications.csv` cost as much as copying it.
    private static func room(_ bytes: Int) -> [UInt8] {
        let count = Swift.max(64, bytes)
        return [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Returns the bytes written so far and empties the buffer, keeping its capacity, so a
    /// long run can stream completed rows to a file (see ``AppendOnlyFile``).
    ///
    /// - Precondition: no row is half-built.
    public mutating func takeBytes() -> [UInt8] {
        precondition(fieldsInRow == 0, "takeBytes() in the middle of a row")
        let taken = bytes
        length = 0
        return taken
    }

    /// The text a number gets in a cell: empty for nil or non-finite, else `NumberText.format`
    /// (`12`, not `12.0`; `0.1`, `1e-05`), the same spelling as in JSON files.
    public static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberText.format(value)
    }

    @inline(__always)
    private mutating func separate() {
        if fieldsInRow > 0 { appendByte(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    /// Lets `body` write up to `room` bytes at the end of the text and keeps the number it
    /// says it wrote.
    @inline(__always)
    private mutating func write(atMost room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) -> Int {
        if storage.count - length < room { grow(toHold: length + room) }
        let start = length
        let written = storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        precondition(written <= room, "wrote past the room asked for")
        length += written
        return written
    }

    /// Doubles the storage (at least to `needed` bytes).
    private mutating func grow(toHold needed: Int) {
        storage.append(contentsOf: repeatElement(0, count: Swift.max(needed, 2 * storage.count) - storage.count))
    }

    @inline(__always)
    private mutating func appendByte(_ byte: UInt8) {
        _ = write(atMost: 1) { $0.pointee = byte; return 1 }
    }

    private mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let count = bytes.count
        _ = write(atMost: count) { out in
            _ = UnsafeMutableBufferPointer(start: out, count: count).initialize(from: bytes)
            return count
        }
    }

    /// A field of `value`'s digits, its separator first.
    @inline(__always)
    private mutating func appendDigits(_ value: Int64) {
        let separated = fieldsInRow > 0
        _ = write(atMost: CSVRow.maxFieldBytes) { CSVRow.write(value, separated: separated, at: $0) }
        fieldsInRow += 1
    }
}
