/// Decimal digits written right to left, two at a time, computed rather than looked up (a
/// table behind a `static let` costs a lazy-initialization check at every use).
enum DecimalDigits {
    /// Writes exactly `digits` digits of `value` (zero-padded on the left; value < 10^digits)
    /// into the bytes just before `end`.
    @inline(__always)
    static func write(_ value: UInt64, digits: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        var v = value, position = end, left = digits
        while left >= 2 {
            let (rest, pair) = v.quotientAndRemainder(dividingBy: 100)
            v = rest
            let tens = (pair &* 103) &>> 10  // pair / 10 for pair < 100
            position -= 2
            position[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
            position[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: pair &- tens &* 10)
            left &-= 2
        }
        if left == 1 { (position - 1).pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10) }
    }

    /// The number of decimal digits of `value` (1 for 0).
    @inline(__always)
    static func count(_ value: UInt64) -> Int {
        var n = 1, v = value
        while v >= 10_000 { v /= 10_000; n &+= 4 }
        return v >= 1000 ? n &+ 3 : v >= 100 ? n &+ 2 : v >= 10 ? n &+ 1 : n
    }
}
