import Foundation
import Testing
@testable import Experiments

@Suite struct NiceTicksTests {
    /// Every tick is a multiple of a 1, 2 or 5 × 10ⁿ step and the ticks enclose the range.
    func check(_ lo: Double, _ hi: Double, _ t: NiceTicks, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(t.lower <= min(lo, hi) && t.upper >= max(lo, hi), sourceLocation: sourceLocation)
        #expect(t.values.count >= 2 && t.values.count <= 12, "\(t.values)", sourceLocation: sourceLocation)
        let mantissa = t.step / pow(10, floor(log10(t.step)))
        #expect([1, 2, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "step \(t.step)", sourceLocation: sourceLocation)
        for (a, b) in zip(t.values, t.values.dropFirst()) {
            #expect(abs(b - a - t.step) < t.step * 1e-6, sourceLocation: sourceLocation)
        }
        let labels = t.values.map(t.label)
        #expect(Set(labels).count == labels.count, "labels collide: \(labels)", sourceLocation: sourceLocation)
    }

    @Test func awkwardRanges() {
        for (lo, hi) in [(0.0013, 0.0071), (-3, 1e6), (0, 57_600), (-0.63, 0.96), (19.5, 37.4), (1e-9, 3e-9), (-120, -7)] {
            check(lo, hi, NiceTicks(min: lo, max: hi))
        }
        let t = NiceTicks(min: 0.0013, max: 0.0071)
        #expect(t.values.map(t.label) == ["0.001", "0.002", "0.003", "0.004", "0.005", "0.006", "0.007", "0.008"])
        let big = NiceTicks(min: -3, max: 1e6)
        #expect(big.values.first == -200_000, "\(big.values)")
        #expect(big.values.last == 1_000_000, "\(big.values)")
        #expect(big.label(1_000_000) == "1,000,000")
        #expect(big.label(-200_000) == "\u{2212}200,000")
    }

    @Test func zeroWidthAndNonFiniteRanges() {
        for (lo, hi) in [(0.0, 0.0), (5, 5), (-2.5, -2.5), (.nan, 1), (0, .infinity)] {
            let t = NiceTicks(min: lo, max: hi)
            #expect(t.upper > t.lower)
            #expect(t.values.allSatisfy { $0.isFinite })
        }
        let t = NiceTicks(min: 5, max: 5)
        #expect(t.lower <= 5 && t.upper >= 5)
    }

    @Test func noNegativeZero() {
        let t = NiceTicks(min: -0.3, max: 0.7)
        #expect(t.values.contains(0))
        #expect(t.values.map(t.label).contains("0.0"))
    }
}
