/// The text `Double.description` gives a double, for the doubles a result file is mostly made
/// of (not whole, 0.0001 ≤ |x| < 10¹⁴), in fewer instructions (about 480 a double in a run's
/// `replications.csv`, against 660 for `Double.write(to:)`, callgrind).
///
/// `description` writes the shortest decimal that reads back as the same double, the closest
/// to it when several are as short. In that range doubles carry 15 to 17 significant digits
/// (any decimal of at most 15 comes back from a double unchanged: DBL_DIG), so the shortest
/// decimal is the first of x correctly rounded to 15, 16 or 17 significant digits that lies
/// strictly inside x's rounding interval, with its trailing zeros dropped; being correctly
/// rounded, it is also the closest. Both steps are exact integer arithmetic on x = m·2⁻ᴱ in
/// 128 bits: D = m·10^q / 2ᴱ rounded, and |D·2ᴱ⁺¹ − 2m·10^q| < 10^q for "inside".
///
/// Ties between two decimals that both read back go to the even one, as `description`'s do.
/// Where the argument needs care it gives up (nil) and the caller writes `description`'s
/// text: a power of two it cannot write exactly (none in its range), a decimal on the
/// interval's edge, and rounding up to a power of ten.
enum ShortestDecimal {
    /// Room for what `write` writes: at most 23 bytes (sign, "0.", three zeros, 17 digits).
    static let maxLength = 24

    /// 10^0 ... 10^20: a digit count p ≤ 17 and x ≥ 0.0001 ask for at most 20 decimal places.
    /// Literals, so the tables are built into the binary rather than behind a lazy `static`
    /// initializer checked at every use.
    private static let powersOfTen: [UInt128] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000, 100000000000000000000]
    /// 10^0 ... 10^14 as doubles (all exact).
    private static let decimalPowers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14]

    /// Writes the text of `x` into `buffer` (room for ``maxLength`` bytes) and returns its
    /// length; nil (nothing written) where `description`'s text must be asked for.
    ///
    /// - Precondition: `x` is finite and not a whole number.
    @inline(__always)
    static func write(_ x: Double, into buffer: UnsafeMutablePointer<UInt8>) -> Int? {
        let a = abs(x)
        guard a >= 0.0001 && a < 1e14 else { return nil }
        let bits = a.bitPattern
        // A power of two has a lopsided interval (half as wide below); in this range every one
        // is a decimal of at most 13 digits (2^−13 = 0.0001220703125), written exactly.
        let fraction = bits & ((1 << 52) - 1)
        let isPowerOfTwo = fraction == 0
        let m = UInt128(fraction | (1 << 52))
        let e = 1075 - Int(bits >> 52)  // a = m · 2^−e, and 6 ≤ e ≤ 66 here
        // Digits before the decimal point (≤ 0 below 1): 10^(before − 1) ≤ a < 10^before. The
        // doubles nearest 0.1 … 0.0001 lie above them, so comparing with them is exact.
        var before = 1
        if a >= 1 {
            while before < 14 && a >= decimalPowers[before] { before += 1 }
        } else {
            before = a >= 0.1 ? 0 : a >= 0.01 ? -1 : a >= 0.001 ? -2 : -3
        }
        // x scaled to 17 significant digits, once, exactly: x·10^places17 = q17 + r/2^e, with
        // 10^16 ≤ q17 < 10^17. Rounded to 17 − k digits it is q17 / 10^k rounded, whose
        // remainder, in the same units of 2^−e, is t = (q17 mod 10^k)·2^e + r; so the three
        // candidates come from one product. Wrapping operators: every value stays far below
        // 2^128 (bounds in the comments), and the checked ones cost as much as the arithmetic.
        let places17 = 17 &- before  // 3 ≤ places17 ≤ 20
        let unit = powersOfTen[places17]  // one ulp of x in the units of t below (2^−e of q17's)
        let scaled = m &* unit  // < 2^53 · 10^20 < 2^120
        let q17 = UInt64(truncatingIfNeeded: scaled &>> e)
        let r = scaled & ((UInt128(1) &<< e) &- 1)
        @inline(__always) func candidate(dropping divisor: UInt64, digits: Int) -> Candidate {
            let (q, remainder) = q17.quotientAndRemainder(dividingBy: divisor)
            let t = (UInt128(remainder) &<< e) &+ r  // < 100 · 2^66
            guard !isPowerOfTwo || t == 0 else { return .decline }
            let step = UInt128(divisor) &<< e, half = step &>> 1  // one unit of the digits, half one
            var d = q
            if t == half {
                // A tie, a half-unit from both neighbours: neither lies inside the interval
                // when a half-unit is at least a half-ulp (try more digits); else both do, and
                // description takes the even one (x's exact value ends in 5 one digit further:
                // a large x with a few binary places, like 94525336751638.625 → …638.62).
                if step >= unit { return .moreDigits }
                if d & 1 == 1 { d &+= 1 }
            } else if t > half {
                d &+= 1
            }
            guard UInt128(d) < powersOfTen[digits] else { return .decline }  // rounded up to 10^digits
            // Inside the interval (x − half-ulp, x + half-ulp): twice the distance from x, in
            // these units, below `unit`.
            let distance = (d == q ? t : step &- t) &<< 1
            guard distance != unit else { return .decline }  // on the edge: leave it to description
            return distance < unit ? .found(d, digits: digits) : .moreDigits
        }
        var outcome = candidate(dropping: 100, digits: 15)
        if case .moreDigits = outcome { outcome = candidate(dropping: 10, digits: 16) }
        if case .moreDigits = outcome { outcome = candidate(dropping: 1, digits: 17) }
        guard case .found(let d, let digits) = outcome else { return nil }
        return format(d, count: digits, places: places17 &- 17 &+ digits, negative: x < 0, into: buffer)
    }

    /// What trying a number of digits found.
    private enum Candidate { case found(UInt64, digits: Int), moreDigits, decline }

    /// Writes `digits / 10^places` without trailing zeros: "12.5", "0.0625", "-3.75".
    /// `digits` has exactly `count` decimal digits (count ≤ 17, places ≤ 20). Each part is
    /// written straight into its place, right to left: the fraction (zero-padded to its places),
    /// the point, the whole part ("0" below 1).
    @inline(__always)
    private static func format(_ digits: UInt64, count: Int, places: Int, negative: Bool,
                               into buffer: UnsafeMutablePointer<UInt8>) -> Int? {
        var d = digits, places = places, count = count
        while d % 10 == 0 && places > 0 { d /= 10; places &-= 1; count &-= 1 }
        guard places > 0 else { return nil }  // a whole number: not this function's
        let whole = count &- places
        // With whole digits, places < count ≤ 17, so 10^places fits in 64 bits.
        var fraction = d, integer: UInt64 = 0
        if whole > 0 {
            (integer, fraction) = d.quotientAndRemainder(dividingBy: UInt64(truncatingIfNeeded: powersOfTen[places]))
        }
        let sign = negative ? 1 : 0
        let point = sign &+ Swift.max(1, whole)
        DecimalDigits.write(fraction, digits: places, endingAt: buffer + (point &+ 1 &+ places))
        buffer[point] = UInt8(ascii: ".")
        DecimalDigits.write(integer, digits: Swift.max(1, whole), endingAt: buffer + point)
        if negative { buffer[0] = UInt8(ascii: "-") }
        return point &+ 1 &+ places
    }
}
