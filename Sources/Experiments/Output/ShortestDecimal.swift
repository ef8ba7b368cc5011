/// The text `Double.description` gives a double, for the doubles a result file is mostly made
/// of (not whole, 0.0001 ≤ |x| < 10¹⁴), in fewer instructions.
///
/// `description` writes the shortest decimal that reads back as the same double, the closest
/// to it when several are as short (ties to the even one). That decimal is found here by
/// Giulietti's Schubfach algorithm ("The Schubfach way to render doubles", 2020; the shortest
/// closest decimal, by the same rules), in its integer form: x = c·2^q is scaled by 10^−k
/// (k = ⌊q·log10 2⌋, so that x·10^−k has 16 or 17 digits) in one 64×64-bit product each for
/// x and its interval's two ends, and at most two candidates are compared with those ends:
/// the multiples of ten around x·10^−k (one digit fewer, then trailing zeros dropped), else
/// the integers around it, the closer when both read back.
///
/// In this range 10^−k = 10^j with 2 ≤ j ≤ 20 is a whole number of at most 47 significant bits
/// after its factor 2^j, so the algorithm's 126-bit g of 10^j is g1·2^63 + 1 with the table
/// below, and its rounded product needs one 64×64-bit multiplication (the low half's product
/// with 1 has no high part).
///
/// Outside the range (description's exponent forms) and for whole numbers (the caller's) it
/// gives nil and the caller writes `description`'s text.
enum ShortestDecimal {
    /// Room for what `write` writes: at most 23 bytes (sign, "0.", three zeros, 17 digits).
    static let maxLength = 24

    /// g1 for j = 2 … 20: (10^j · 2^(125 − ⌊log2 10^j⌋)) / 2^63, whole because the low 63 bits
    /// of that product are zeros; the algorithm's g (10^j scaled into [2^125, 2^126), plus
    /// one) is g1·2^63 + 1. Checked against the definition in ShortestDecimalTests.
    static let scaledPowersOfTen: [UInt64] = [0x6400000000000000, 0x7D00000000000000, 0x4E20000000000000, 0x61A8000000000000, 0x7A12000000000000, 0x4C4B400000000000, 0x5F5E100000000000, 0x7735940000000000, 0x4A817C8000000000, 0x5D21DBA000000000, 0x746A528800000000, 0x48C2739500000000, 0x5AF3107A40000000, 0x71AFD498D0000000, 0x470DE4DF82000000, 0x58D15E1762800000, 0x6F05B59D3B200000, 0x4563918244F40000, 0x56BC75E2D6310000]

    /// ⌊e·log10 2⌋, ⌊log10(¾·2^e)⌋ and ⌊e·log2 10⌋ by fixed-point products, exact for the
    /// exponents used here (and far beyond: checked in the tests).
    @inline(__always) static func floorLog10Pow2(_ e: Int) -> Int { (e &* 661_971_961_083) >> 41 }
    @inline(__always) static func floorLog10ThreeQuartersPow2(_ e: Int) -> Int { (e &* 661_971_961_083 &+ -274_743_187_321) >> 41 }
    @inline(__always) static func floorLog2Pow10(_ e: Int) -> Int { (e &* 913_124_641_741) >> 38 }

    /// Writes the text of `x` into `buffer` (room for ``maxLength`` bytes) and returns its
    /// length; nil (nothing written) where `description`'s text must be asked for.
    ///
    /// - Precondition: `x` is finite.
    @inline(__always)
    static func write(_ x: Double, into buffer: UnsafeMutablePointer<UInt8>) -> Int? {
        let a = abs(x)
        guard a >= 0.0001 && a < 1e14 else { return nil }
        let bits = a.bitPattern
        let fraction = bits & ((1 << 52) - 1)
        let c = fraction | (1 << 52)
        let q = Int(truncatingIfNeeded: bits >> 52) &- 1075  // a = c·2^q, −66 ≤ q ≤ −6
        // x's rounding interval, in quarter units of 2^q: (cbl, cbr) around cb, its ends inside
        // when c is even (they read back as x under ties-to-even). A power of two's lower
        // half is half as wide.
        let out: UInt64 = c & 1
        let cb = c &<< 2, cbr = cb &+ 2
        let cbl: UInt64, k: Int
        if fraction != 0 {
            cbl = cb &- 2
            k = floorLog10Pow2(q)
        } else {
            cbl = cb &- 1
            k = floorLog10ThreeQuartersPow2(q)
        }
        let h = q &+ floorLog2Pow10(-k) &+ 2  // 1 ≤ h ≤ 4
        let g1 = scaledPowersOfTen[-k &- 2]
        // The algorithm's r_o(cp·g/2^127), rounded to odd: its floor, with the lowest bit set
        // when anything was dropped.
        @inline(__always) func scaled(_ cp: UInt64) -> UInt64 {
            let (high, low) = g1.multipliedFullWidth(by: cp &<< h)
            return high | (low &>> 1 != 0 ? 1 : 0)
        }
        let vb = scaled(cb), vbl = scaled(cbl), vbr = scaled(cbr)
        let s = vb &>> 2  // ⌊x·10^−k⌋, 16 or 17 digits
        let digits: UInt64
        // One digit fewer: the multiples of ten either side, when exactly one reads back.
        let sp10 = (s / 10) &* 10, tp10 = sp10 &+ 10
        let upin = vbl &+ out <= sp10 &<< 2, wpin = (tp10 &<< 2) &+ out <= vbr
        if upin != wpin {
            digits = upin ? sp10 : tp10
        } else {
            let t = s &+ 1
            let uin = vbl &+ out <= s &<< 2, win = (t &<< 2) &+ out <= vbr
            if uin != win {
                digits = uin ? s : t
            } else {
                // Both read back: the closer, the even one on a tie.
                let twice = (s &+ t) &<< 1
                digits = vb < twice || (vb == twice && s & 1 == 0) ? s : t
            }
        }
        return format(digits, places: -k, negative: x < 0, into: buffer)
    }

    /// Writes `digits / 10^places` without trailing zeros: "12.5", "0.0625", "-3.75"
    /// (digits < 10^18, places ≤ 20). Every digit, the whole part's ("0" below 1) and the
    /// fraction's (zero-padded to its places), is written in one run one byte to the right of
    /// the whole part's place, which then moves one byte left to make room for the point.
    @inline(__always)
    private static func format(_ digits: UInt64, places: Int, negative: Bool,
                               into buffer: UnsafeMutablePointer<UInt8>) -> Int? {
        var d = digits, places = places
        while d % 10 == 0 && places > 0 { d /= 10; places &-= 1 }
        guard places > 0 else { return nil }  // a whole number: not this function's
        let whole = Swift.max(1, DecimalDigits.count(d) &- places)
        let sign = negative ? 1 : 0
        let length = sign &+ whole &+ 1 &+ places
        DecimalDigits.write(d, digits: whole &+ places, endingAt: buffer + length)
        for i in sign..<(sign &+ whole) { buffer[i] = buffer[i &+ 1] }
        buffer[sign &+ whole] = UInt8(ascii: ".")
        if negative { buffer[0] = UInt8(ascii: "-") }
        return length
    }
}
