import StrictJSON

/// A row of a ``CSVWriter`` written field by field through one pointer into room made once for
/// the whole row (``CSVWriter/row(fields:_:)``): a table of numbers, a million rows long, pays
/// the storage's uniqueness and capacity checks once a row rather than once a field.
public struct CSVRow {
    /// The most bytes a field takes, its separator included: a comma and `description`'s
    /// longest text of a double ("-2.2250738585072014e-308", 24 bytes); an Int64 takes 21.
    static let maxFieldBytes = 25

    private let start: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    private(set) var length = 0
    /// Fields still to come, and fields written so far.
    private(set) var remaining: Int
    private(set) var written = 0

    init(start: UnsafeMutablePointer<UInt8>, fields: Int) {
        self.start = start
        remaining = fields
    }

    /// Appends a number as ``CSVWriter/field(_:)-(Double?)`` does.
    @inline(__always)
    public mutating func field(_ value: Double?) {
        length &+= Self.write(value, separated: take(), at: start + length)
    }

    /// Appends an integer.
    @inline(__always)
    public mutating func field(_ value: Int) {
        length &+= Self.write(Int64(value), separated: take(), at: start + length)
    }

    /// Counts a field off; whether a separator goes before it.
    @inline(__always)
    private mutating func take() -> Bool {
        precondition(remaining > 0, "more fields than the row made room for")
        remaining &-= 1
        written &+= 1
        return written > 1
    }

    /// Writes a number field at `out`, its separator first when `separated`, and returns the
    /// bytes written (at most ``maxFieldBytes``): nothing after the separator for nil and
    /// non-finite values, integral values without a fractional part (`NumberText`), the rest
    /// as `description` writes them (``ShortestDecimal`` where it can).
    @inline(__always)
    static func write(_ value: Double?, separated: Bool, at out: UnsafeMutablePointer<UInt8>) -> Int {
        out.pointee = UInt8(ascii: ",")
        let comma = separated ? 1 : 0
        guard let value, value.isFinite else { return comma }
        if let integral = NumberText.integral(value) { return comma &+ write(integral, at: out + comma) }
        if let length = ShortestDecimal.write(value, into: out + comma) { return comma &+ length }
        // Where ShortestDecimal declines: description's own text (rare; see there).
        var length = comma
        for byte in value.description.utf8 {
            out[length] = byte
            length &+= 1
        }
        return length
    }

    /// Writes an integer field at `out`, its separator first when `separated`; returns the bytes
    /// written (at most 21).
    @inline(__always)
    static func write(_ value: Int64, separated: Bool, at out: UnsafeMutablePointer<UInt8>) -> Int {
        out.pointee = UInt8(ascii: ",")
        let comma = separated ? 1 : 0
        return comma &+ write(value, at: out + comma)
    }

    /// Writes the digits of `value` (a sign first when negative) at `out`; returns their count.
    @inline(__always)
    static func write(_ value: Int64, at out: UnsafeMutablePointer<UInt8>) -> Int {
        let magnitude = value.magnitude  // as UInt64, so Int64.min does not overflow
        let sign = value < 0 ? 1 : 0, digits = DecimalDigits.count(magnitude)
        out.pointee = UInt8(ascii: "-")
        DecimalDigits.write(magnitude, digits: digits, endingAt: out + (sign &+ digits))
        return sign &+ digits
    }
}
