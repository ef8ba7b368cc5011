/// Decimal digits written right to left, two at a time from a table of the hundred pairs.
enum DecimalDigits {
    /// "00", "01", … "99", a constant in the binary: a pair is two loads where computing it
    /// took a multiply, a shift and four arithmetic steps.
    private static let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Writes exactly `digits` digits of `value` (zero-padded on the left; value < 10^digits)
    /// into the bytes just before `end`.
    @inline(__always)
    static func write(_ value: UInt64, digits: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let table = pairs.utf8Start, start = end - digits
        var v = value, left = digits  // digits still to write, at start[0..<left]
        while left >= 2 {
            let (rest, pair) = v.quotientAndRemainder(dividingBy: 100)
            v = rest
            left &-= 2
            let from = table + 2 &* Int(truncatingIfNeeded: pair)
            start[left] = from[0]
            start[left &+ 1] = from[1]
        }
        if left == 1 { start.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10) }
    }

    /// The number of decimal digits of `value` (1 for 0).
    @inline(__always)
    static func count(_ value: UInt64) -> Int {
        var n = 1, v = value
        while v >= 10_000 { v /= 10_000; n &+= 4 }
        return v >= 1000 ? n &+ 3 : v >= 100 ? n &+ 2 : v >= 10 ? n &+ 1 : n
    }
}
