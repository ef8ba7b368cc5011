import Testing
@testable import Experiments

/// The radix sort behind the quantile sketch must give exactly the standard library's sort, and
/// selection by its keys the standard sort's order statistics.
@Suite struct FigureSortTests {
    /// Figures of every shape: counts, fractions, ties, both signs, −0, any exponent, skewed.
    static func samples() -> [[Double]] {
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
        return samples
    }

    @Test func matchesTheStandardSortElementForElement() {
        for values in Self.samples() {
            #expect(FigureSort.sortedByBits(values) == values.sorted(), "\(values.count) values")
            #expect(FigureSort.sortedByBits(values).map(\.bitPattern) == values.sorted().map(\.bitPattern))
        }
    }

    /// Every rank a summary asks for, the ends, and ranks given out of order and twice, against
    /// the sorted values (by key, so that −0 comes before +0, the one pair of equal doubles
    /// `sorted()` leaves in input order).
    @Test func selectionGivesTheSortedValuesAtEachRank() {
        for values in Self.samples() where !values.isEmpty {
            let n = values.count
            let sorted = values.map(FigureSort.key).sorted().map(FigureSort.value)
            var ranks = Percentile.levels.flatMap { q in let r = Percentile.ranks(count: n, q); return [r.upper, r.lower] }
            ranks += [n - 1, 0, n / 2, n / 2, n / 3]
            let keys = values.map(FigureSort.key)
            let selected = values.withUnsafeBufferPointer {
                OrderStatistics.select($0, ranks: ranks, lowest: keys.min()!, highest: keys.max()!)
            }
            #expect(selected.map(\.bitPattern) == ranks.map { sorted[$0].bitPattern }, "\(n) values")
        }
    }
}
