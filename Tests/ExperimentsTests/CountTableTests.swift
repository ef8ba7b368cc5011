import Foundation
import Testing
import SimKernel
@testable import Experiments

/// A count table stands for sorted values: its order statistics and percentiles are those of
/// the sorted doubles to the bit, and its mean is the exact integer sum over n, rounded once.
@Suite struct CountTableTests {
    /// The values the table stands for, in ascending order.
    private func laidOut(_ table: CountTable) -> [Double] {
        var values: [Double] = []
        table.forEachValue { value, count in values += repeatElement(Double(value), count: count) }
        return values
    }

    private func draws(_ seed: UInt64, _ n: Int, below: Double) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<n).map { _ in (rng.nextUnit() * below).rounded(.down) }
    }

    @Test(arguments: [(7_777, 300.0), (50, 60_000.0), (1, 65_535.0)])
    func percentilesAndMomentsAreThoseOfTheValues(_ n: Int, _ below: Double) {
        let values = draws(51, n, below: below)
        var table = CountTable()
        for x in values { table.add(index: CountTable.index(x)!) }
        let sorted = values.sorted()
        #expect(laidOut(table) == sorted)
        let levels = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]
        let orderStatistic = table.orderStatistics
        #expect(levels.map { Percentile.linear(count: table.n, $0, orderStatistic: orderStatistic).bitPattern }
                == levels.map { Percentile.linear(sorted, $0).bitPattern })
        let sum = values.reduce(0) { $0 + Int($1) }
        let moments = table.moments
        #expect(moments.mean == Double(sum) / Double(values.count))
        #expect(table.min == sorted.first && table.max == sorted.last)
        #expect(Summary(counted: table) == Summary(values: values))
        #expect(Summary(values: values.reversed()) == Summary(values: values), "the same bits in any order")
        // Against the two-pass sum of squared deviations in doubles: n positive terms, each
        // rounded once, so they agree to a few ulps of m2 (1e-12 relative is ample).
        let mean = moments.mean
        let twoPass = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        #expect(abs(moments.m2 - twoPass) <= 1e-12 * twoPass)
    }

    /// Closed forms: 0, 1, …, N − 1 have mean (N − 1)/2 and Σ (x − mean)² = N(N² − 1)/12, and
    /// a constant has none; the exact integer sums give them to the bit where they are doubles.
    @Test func momentsAreExact() {
        for n in [1, 2, 1_000, 65_536] {
            var table = CountTable()
            for v in 0..<n { table.add(index: v) }
            let moments = table.moments
            #expect(moments.mean == Double(n - 1) / 2)
            #expect(moments.m2 == Double(n) * (Double(n) * Double(n) - 1) / 12, "\(n)")
        }
        let constant = CountTable([UInt16](repeating: 65_535, count: 50_000)).moments
        #expect(constant.mean == 65_535 && constant.m2 == 0)
        // n·Q − S² needs more than 64 bits here: 10^7 values of 65,535 and 0 alternating.
        let big = CountTable.moments(count: 10_000_000, sum: 5_000_000 * 65_535, sumOfSquares: 5_000_000 * 65_535 * 65_535)
        // n·(65,535/2)²; the numerator's rounding to a double, the division and this product
        // each round once, so within two ulps.
        let expected = 10_000_000 * (65_535.0 / 2) * (65_535.0 / 2)
        #expect(big.mean == 65_535.0 / 2 && abs(big.m2 - expected) <= 2 * expected.ulp)
    }

    /// One pass over a block: values past the table's end make it grow, nil and NaN are
    /// skipped, and it stops at the first value it cannot keep (a fraction, −0, 65536).
    @Test func aBlockIsAddedAsValuesOneByOne() {
        for stopper in [2.5, -0.0, 65536, -1] {
            var block: [Double?] = draws(52, 500, below: 20).map { $0 }
            block[100] = nil; block[200] = .nan; block[300] = 9_000; block[400] = stopper
            var table = CountTable(), oneByOne = CountTable()
            let stop = table.add(count: block.count, from: 0) { block[$0] }
            #expect(stop == 400, "stopper \(stopper)")
            for x in block[0..<400] { if let x, let i = CountTable.index(x) { oneByOne.add(index: i) } }
            #expect(table.counts == oneByOne.counts && table.base == oneByOne.base && table.n == oneByOne.n && table.n == 398)
        }
    }

    /// A block opening with a run of one value (counted in one addition) is counted as its
    /// values one by one: a run that fills the block, one cut by a different value, by a nil,
    /// by a NaN, by −0 (equal to 0 but other bits), by a stopper, and a run of a value the
    /// table has no room for yet (left to the general pass), also into an empty table.
    @Test func aBlockOpeningWithARunIsAddedAsValuesOneByOne() {
        let cases: [(first: [Double?], run: Double?, rest: [Double?])] = [
            ([3, 7], 5, []), ([3, 7], 5, [6, 5, 9]), ([3, 7], 5, [nil, 5]), ([3, 7], 5, [.nan, 5]),
            ([0, 2], 0, [-0.0, 0]), ([3, 7], 5, [2.5, 5]), ([3, 7], 40_000, [5, 40_000]),
            ([3, 7], nil, [5]), ([], 12, [12, 4]), ([], nil, [.nan, 4, 4, 70_000]), ([], 2.5, [3]),
        ]
        for (first, run, rest) in cases {
            var table = CountTable(), oneByOne = CountTable()
            for x in first { if let x { table.add(index: CountTable.index(x)!); oneByOne.add(index: CountTable.index(x)!) } }
            let block = [Double?](repeating: run, count: 200) + rest
            let stop = table.add(count: block.count, from: 0) { block[$0] }
            var expectedStop = block.count
            for (k, x) in block.enumerated() {
                guard let x else { continue }
                if let i = CountTable.index(x) { oneByOne.add(index: i) } else if !x.isNaN { expectedStop = k; break }
            }
            #expect(stop == expectedStop, "run \(String(describing: run)) then \(rest)")
            #expect(table.counts == oneByOne.counts && table.base == oneByOne.base && table.n == oneByOne.n,
                    "run \(String(describing: run)) then \(rest)")
        }
    }

    /// A table spans its values, not 0 up to them: a figure that is 57,600 in every replication
    /// (a cumulative cost in whole k$) takes one entry; values arriving in descending order
    /// widen it downwards, by doubling, and it still stands for the sorted values.
    @Test func aTableSpansOnlyItsValues() {
        let constant = CountTable([UInt16](repeating: 57_600, count: 1_000))
        #expect(constant.counts == [1_000] && constant.base == 57_600)
        #expect(Summary(counted: constant) == Summary(values: [Double](repeating: 57_600, count: 1_000)))
        var descending = CountTable()
        let values = (0..<3_000).map { Double(60_000 - 20 * $0) }
        for x in values { descending.add(index: CountTable.index(x)!) }
        #expect(descending.base <= 60_000 - 20 * 2_999 && descending.counts.count <= 2 * 20 * 3_000)
        #expect(laidOut(descending) == values.sorted())
        #expect(Summary(counted: descending) == Summary(values: values))
        let block = [70.0, 3, 65_535, 0, 3]
        var streamed = CountTable()
        #expect(streamed.add(count: block.count, from: 0) { block[$0] } == block.count)
        #expect(laidOut(streamed) == block.sorted() && streamed.min == 0 && streamed.max == 65_535)
    }

    /// Past the exact limit a figure of counts keeps exact percentiles and the exact mean; a
    /// late fraction moves it to the sketch with moments that carry on from the table's.
    @Test func streamingSummaryCountsThenSketch() {
        let values = draws(53, 20_000, below: 40)
        var s = StreamingSummary(exactLimit: 1000)
        var start = 0
        while start < values.count {
            let end = min(start + 4096, values.count)
            s.add(count: end - start) { values[start + $0] }
            start = end
        }
        let exact = Summary(values: values)
        let counted = s.summary()
        #expect(!s.isEstimated)
        #expect([counted.p5, counted.p25, counted.p50, counted.p75, counted.p95].map { $0?.bitPattern }
                == [exact.p5, exact.p25, exact.p50, exact.p75, exact.p95].map { $0?.bitPattern })
        #expect(counted.mean == Double(values.reduce(0) { $0 + Int($1) }) / Double(values.count))
        #expect(counted.n == 20_000 && counted.min == exact.min && counted.max == exact.max)
        #expect(s.meanAndHalfWidth.mean == counted.mean)

        s.add(0.5)
        let late = Summary(values: values + [0.5])
        let sketched = s.summary()
        #expect(s.isEstimated && sketched.n == 20_001)
        // Welford's update from the table's moments: relative error near machine epsilon.
        #expect(abs(sketched.mean! - late.mean!) <= 1e-12 * late.mean!)
        #expect(abs(sketched.std! - late.std!) <= 1e-12 * late.std!)
        #expect(sketched.min == 0 && sketched.max == late.max)
    }
}
