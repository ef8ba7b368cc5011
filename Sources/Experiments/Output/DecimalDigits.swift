/// Decimal digits written right to left, two at a time from a table of the hundred pairs.
///
/// A long number is cut into blocks of eight digits, each written from a fixed-point fraction
/// (n/10^6 in 57 fractional bits, a pair taken off the top per multiplication by 100): the
/// blocks' chains of products run side by side, where dividing the whole number by 100 pair
/// after pair made one chain of 8 dependent divisions for 17 digits.
enum DecimalDigits {
    /// "00", "01", … "99", a constant in the binary: a pair is two loads where computing it
    /// took a multiply, a shift and four arithmetic steps.
    private static let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// ⌈2^57 / 10^6⌉: n·this/2^57 is n/10^6 from above by less than 10^8/2^57 ≈ 7·10^−10 for
    /// n < 10^8, too little to reach the next multiple of 10^−6 after the three ×100 steps
    /// (checked for every n in the tests).
    private static let blockScale: UInt64 = 144_115_188_076
    private static let fractionMask: UInt64 = (1 << 57) - 1

    /// Writes exactly `digits` digits of `value` (zero-padded on the left; value < 10^digits)
    /// into the bytes just before `end`.
    @inline(__always)
    static func write(_ value: UInt64, digits: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        var v = value, left = digits, end = end
        while left > 8 {
            let (rest, block) = v.quotientAndRemainder(dividingBy: 100_000_000)
            writeBlock(block, endingAt: end)
            v = rest
            left &-= 8
            end -= 8
        }
        writeShort(v, digits: left, endingAt: end)
    }

    /// The eight digits of `n` < 10^8 (zero-padded) just before `end`.
    @inline(__always)
    private static func writeBlock(_ n: UInt64, endingAt end: UnsafeMutablePointer<UInt8>) {
        let table = pairs.utf8Start, start = end - 8
        var t = n &* blockScale
        for i in 0..<4 {
            let from = table + 2 &* Int(truncatingIfNeeded: t &>> 57)
            start[2 &* i] = from[0]
            start[2 &* i &+ 1] = from[1]
            t = (t & fractionMask) &* 100
        }
    }

    /// At most eight digits, pair by pair.
    @inline(__always)
    private static func writeShort(_ value: UInt64, digits: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
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

    /// 10^0 … 10^19, every power of ten a UInt64 holds.
    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000]

    /// The number of decimal digits of `value` (1 for 0), from its bit length: ⌊bits·log10 2⌋
    /// (1233/4096 is log10 2 to within 2·10⁻⁵, exact for 64 bits) is the count or one less, one
    /// comparison tells which. Dividing by 10,000 until it fell below took four dependent
    /// divisions for 17 digits.
    @inline(__always)
    static func count(_ value: UInt64) -> Int {
        let estimate = ((Int.bitWidth &- value.leadingZeroBitCount) &* 1233) &>> 12
        return Swift.max(1, estimate &+ (value >= powersOfTen[estimate] ? 1 : 0))
    }
}
