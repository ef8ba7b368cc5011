import Foundation
import Testing
import SimKernel
@testable import Experiments

/// `ShortestDecimal` writes `description`'s text to the byte, or declines; it must decline
/// rarely enough to be worth having, and never write anything else.
@Suite struct ShortestDecimalTests {
    /// The text for x: ShortestDecimal's, or nil where it declines.
    private func text(_ x: Double) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ShortestDecimal.maxLength) { buffer in
            ShortestDecimal.write(x, into: buffer.baseAddress!).map { String(decoding: buffer[..<$0], as: UTF8.self) }
        }
    }

    private func isWhole(_ x: Double) -> Bool { x == x.rounded(.towardZero) }

    /// Checks every value, and returns how many in its range it declined, and how many are in
    /// its range.
    private func check(_ values: [Double], _ label: String) -> (declined: Int, eligible: Int) {
        var declined = 0, eligible = 0, wrong = 0
        for x in values where x.isFinite && !isWhole(x) {
            let inRange = abs(x) >= 0.0001 && abs(x) < 1e14
            if inRange { eligible += 1 }
            guard let t = text(x) else { if inRange { declined += 1 }; continue }
            if t != x.description {
                wrong += 1
                if wrong <= 5 { Issue.record("\(label): \(x.bitPattern) wrote \(t), description \(x.description)") }
            }
        }
        #expect(wrong == 0, "\(label)")
        return (declined, eligible)
    }

    @Test func agreesWithDescriptionOnRandomDoubles() {
        var rng = Xoshiro256StarStar(seed: 15)
        // Uniform in log scale over the whole range it takes, and a little beyond both ends.
        let spread = (0..<400_000).map { _ in
            (rng.nextUnit() < 0.5 ? -1.0 : 1.0) * Foundation.pow(10, -5 + 20 * rng.nextUnit())
        }
        // In its range it writes every double (none declined in 100 million checked while
        // writing it); one in 10,000 is slack, not a measured rate.
        let spreadCounts = check(spread, "log-uniform")
        #expect(spreadCounts.declined <= spreadCounts.eligible / 10_000, "\(spreadCounts)")
        // Random bit patterns: every significand, exponents of the range.
        let patterns = (0..<200_000).map { _ in
            Double(bitPattern: (UInt64(1010 + rng.next() % 40) << 52) | (rng.next() & ((1 << 52) - 1)))
        }
        let patternCounts = check(patterns, "bit patterns")
        #expect(patternCounts.declined <= patternCounts.eligible / 10_000, "\(patternCounts)")
    }

    /// Values with short decimals (a simulation's rates and halves, whole k$ and cents) and
    /// values next to them, where the shortest text is much shorter than 17 digits.
    @Test func agreesWithDescriptionOnShortDecimals() {
        var rng = Xoshiro256StarStar(seed: 16)
        var values: [Double] = []
        for _ in 0..<100_000 {
            let digits = 1 + Int(rng.next() % 15)
            let n = rng.next() % UInt64(Foundation.pow(10, Double(digits)))
            let places = 1 + Int(rng.next() % 8)
            let x = Double("\(n)e-\(places)")!
            values += [x, x.nextUp, x.nextDown, -x]
        }
        for d in 1...200 { for n in 0...d { values.append(Double(n) / Double(d)) } }
        for k in -4...14 {
            let p = Foundation.pow(10, Double(k))
            values += [p.nextUp, p.nextDown, p.nextUp.nextUp, 1.5 * p, p / 3]
        }
        // None declined in the 100 million checked; 1% is slack, not a measured rate.
        let counts = check(values, "short decimals")
        #expect(counts.declined <= counts.eligible / 100, "\(counts)")
    }

    /// Declines outside its range; writes powers of two (exact decimals there); a whole number
    /// is the caller's.
    @Test func declinesWhereDescriptionDecides() {
        for x in [0.00009999, 1e-5, 1e14 + 0.5, 0.00006103515625] {
            #expect(text(x) == nil, "\(x)")
        }
        for k in 1...13 {
            let x = Foundation.pow(2, -Double(k))
            #expect(text(x) == x.description && text(-x) == (-x).description, "2^-\(k)")
        }
        #expect(text(0.0001) == "0.0001" && text(-12.75) == "-12.75" && text(0.1) == "0.1")
        #expect(text(123_456_789_012.3456) == (123_456_789_012.3456).description)
    }

    /// The algorithm's constants: g1 is 10^j scaled into [2^125, 2^126) over 2^63, with nothing
    /// in the low 63 bits (so g = g1·2^63 + 1), and the floor logarithms are exact over the
    /// exponents of the range (compared with exact powers in 128 bits).
    @Test func constantsAreThoseOfTheDefinitions() {
        var power: UInt128 = 100
        for j in 2...20 {
            let bits = 127 - power.leadingZeroBitCount  // ⌊log2 10^j⌋
            #expect(ShortestDecimal.floorLog2Pow10(j) == bits, "j = \(j)")
            let scaled = power << (125 - bits)
            #expect(scaled & ((1 << 63) - 1) == 0 && UInt64(scaled >> 63) == ShortestDecimal.scaledPowersOfTen[j - 2], "j = \(j)")
            power *= 10
        }
        func ten(_ e: Int) -> UInt128 { (0..<e).reduce(1) { r, _ in r * 10 } }
        for m in 6...66 {  // q = −m: 10^k ≤ 2^−m < 10^(k+1), and the same for ¾·2^−m
            let k = ShortestDecimal.floorLog10Pow2(-m), twoToM = UInt128(1) << m
            #expect(twoToM <= ten(-k) && ten(-k - 1) < twoToM, "q = \(-m)")
            let k34 = ShortestDecimal.floorLog10ThreeQuartersPow2(-m), four = UInt128(1) << (m + 2)
            #expect(four <= 3 * ten(-k34) && 3 * ten(-k34 - 1) < four, "¾·2^\(-m)")
        }
    }

    /// A tie between two shortest decimals goes to the even one, as `description`'s does; the
    /// closest wins otherwise.
    @Test func tiesGoToTheEvenDigit() {
        #expect(text(94_525_336_751_638.625) == "94525336751638.62")
        #expect(text(94_525_336_751_638.625) == (94_525_336_751_638.625).description)
        for x in [0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.3, 1e-4 * 3, 99_999_999_999_999.98] {
            #expect(text(x) == x.description, "\(x)")
        }
    }

    /// Digits in blocks of eight: every block boundary and a spread of values of every length,
    /// against `String`; and the digit count at every power of ten.
    @Test func digitsAreThoseOfString() {
        var values: [UInt64] = Array(0...10_000) + stride(from: 0, to: 100_000_000, by: 9_973).map { UInt64($0) }
        var p: UInt64 = 1
        for _ in 0...19 {
            values += [p, p &- 1, p &+ 1, p &* 3]
            p = p &* 10
        }
        values += [UInt64.max, 18_446_744_073_709_551_614, 123_456_789_012_345_678]
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)
        defer { buffer.deallocate() }
        for v in values {
            let expected = String(v)
            #expect(DecimalDigits.count(v) == expected.count, "\(v)")
            DecimalDigits.write(v, digits: expected.count, endingAt: buffer + expected.count)
            #expect(String(decoding: UnsafeBufferPointer(start: buffer, count: expected.count), as: UTF8.self) == expected)
            if expected.count <= 20 {  // zero-padded to 20 digits, across block boundaries
                DecimalDigits.write(v, digits: 20, endingAt: buffer + 20)
                let padded = String(repeating: "0", count: 20 - expected.count) + expected
                #expect(String(decoding: UnsafeBufferPointer(start: buffer, count: 20), as: UTF8.self) == padded)
            }
        }
    }

    /// What the writer puts in a cell is `description`'s text either way.
    @Test func csvCellsAreDescriptions() {
        var w = CSVWriter(header: ["x"])
        let xs = [0.1, 1.0 / 3, 0.5, 1e-5, 57_600.25, -7_601.453027880823]
        for x in xs { w.field(x); w.endRow() }
        #expect(String(decoding: w.bytes, as: UTF8.self) == "x\n" + xs.map { $0.description + "\n" }.joined())
    }
}
