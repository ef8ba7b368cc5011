import Testing
@testable import Experiments

/// The sort behind `Summary` must give exactly the standard library's sort, so summaries stay
/// the same to the bit.
@Suite struct FigureSortTests {
    @Test func matchesTheStandardSortElementForElement() {
        var state: UInt64 = 7
        func next() -> UInt64 {   // SplitMix64, so the cases are reproducible
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        let samples: [[Double]] = [
            (0..<5000).map { _ in Double(next() % 40) },                  // counts
            (0..<5000).map { _ in Double(next() % 40) } + [65535, 0, -0.0], // counts, −0 among them
            (0..<5000).map { _ in Double(next() % 40) } + [65536],         // one too large to count
            (0..<5000).map { _ in Double(next() % 40) } + [-1],            // one negative
            (0..<5000).map { _ in Double(next() % 40) } + [2.5],           // one fraction
            (0..<3000).map { _ in Double(Int64(bitPattern: next())) / 1e9 },   // both signs, the radix sort
            (0..<3000).map { _ in Double(next() % 1000) / 8 },               // many ties
            (0..<3000).map { _ in Double(next() % 1000) / 8 } + [0, -0.0, 0],  // −0 among ties of 0
            (0..<3000).map { _ in -Double(next() % 1000) - 0.5 },            // all negative
            (0..<3000).map { _ in Double(bitPattern: next() >> 1) }.filter { !$0.isNaN },  // any exponent, ±∞
            [Double](repeating: 1.5, count: 100),                          // every digit shared
            // Skewed, so that buckets are sorted again down to the last digit: a long tail,
            // a cluster one ulp apart, and a heap of one value beside a few others.
            (0..<20_000).map { _ in Double(next() % 1_000_000 + 1).squareRoot() * Double(1 << (next() % 20)) },
            (0..<20_000).map { _ in 1.0 + Double(next() % 3000) * Double.ulpOfOne },
            [Double](repeating: 7.25, count: 10_000) + (0..<300).map { _ in Double(next() % 100) + 0.5 },
            [3, 1, 2],
            [],
        ]
        for values in samples {
            #expect(FigureSort.sorted(values) == values.sorted(), "\(values.count) values")
            #expect(FigureSort.sorted(values).map(\.bitPattern) == values.sorted().map(\.bitPattern))
        }
    }
}
