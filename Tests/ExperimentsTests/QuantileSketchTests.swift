import Foundation
import Testing
import SimKernel
@testable import Experiments

/// The sketch's promise: the true rank of every reported quantile is within
/// `rankErrorBound` of q·n. Checked against exact ranks on data large enough to force many
/// compactions (a small k makes the bound bite).
@Suite struct QuantileSketchTests {
    private func lognormalData(_ n: Int, seed: UInt64) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        let sampler = Sampler(.lognormal(median: 200, p90: 750))
        return (0..<n).map { _ in sampler.sample(&rng) }
    }

    /// Number of values ≤ x in sorted data.
    private func rank(_ x: Double, in sorted: [Double]) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func checkBound(_ sketch: QuantileSketch, against data: [Double]) {
        let sorted = data.sorted()
        let n = Double(sorted.count)
        #expect(sketch.count == sorted.count)
        #expect(sketch.rankErrorBound > 0, "the test must force compactions")
        for q in stride(from: 0.01, through: 0.99, by: 0.01) {
            guard let x = sketch.quantile(q) else { Issue.record("no quantile"); return }
            // The reported value's rank interval [rank(< x) + 1, rank(≤ x)] must come within
            // the bound of q·n (ties make the interval wide; continuous data keeps it narrow).
            let atMost = Double(rank(x, in: sorted))
            let below = Double(rank(x.nextDown, in: sorted))
            let target = q * n
            let distance = max(0, below + 1 - target, target - atMost)
            #expect(distance <= Double(sketch.rankErrorBound) + 1,
                    "q=\(q): rank off by \(distance) > bound \(sketch.rankErrorBound)")
        }
    }

    @Test func quantilesStayWithinTheStatedRankErrorBound() {
        let data = lognormalData(200_000, seed: 3)
        var sketch = QuantileSketch(k: 64)
        for x in data { sketch.add(x) }
        checkBound(sketch, against: data)
        // The bound itself is small: at most (levels)·n/(2k), levels ≈ log2(n/2k) + 1.
        let levels = (log2(200_000.0 / 128) + 1).rounded(.up)
        #expect(Double(sketch.rankErrorBound) <= levels * 200_000 / 128)
        #expect(sketch.min == data.min() && sketch.max == data.max())
    }

    @Test func mergedSketchesKeepTheSummedBound() {
        let a = lognormalData(60_000, seed: 4), b = lognormalData(90_000, seed: 5)
        var sa = QuantileSketch(k: 64), sb = QuantileSketch(k: 64)
        for x in a { sa.add(x) }
        for x in b { sb.add(x) }
        let boundBefore = sa.rankErrorBound + sb.rankErrorBound
        sa.merge(sb)
        #expect(sa.rankErrorBound >= boundBefore)
        checkBound(sa, against: a + b)
    }

    @Test func theDefaultSketchIsTightAtAMillionValues() {
        // What `execsim run --replications 1000000` relies on: under 0.2% of n.
        var sketch = QuantileSketch()
        var rng = Xoshiro256StarStar(seed: 6)
        for _ in 0..<1_000_000 { sketch.add(rng.nextUnit()) }
        #expect(Double(sketch.rankErrorBound) / 1_000_000 < 0.002)
        // Uniform data: the p-quantile is p within the rank bound (plus sampling noise 1e-3).
        for q in [0.05, 0.25, 0.5, 0.75, 0.95] {
            #expect(abs(sketch.quantile(q)! - q) < Double(sketch.rankErrorBound) / 1_000_000 + 0.003)
        }
    }

    @Test func sameInputsGiveTheSameSketch() {
        let data = lognormalData(50_000, seed: 7)
        var s1 = QuantileSketch(k: 64), s2 = QuantileSketch(k: 64)
        for x in data { s1.add(x); s2.add(x) }
        #expect(s1 == s2)
    }

    /// Blocks of any size, across compaction boundaries and empty ones, give the sketch that
    /// adding the values one by one gives (its levels, compactions and bound compared whole).
    @Test func blocksGiveTheSketchOfTheirValuesOneByOne() {
        let data = lognormalData(20_000, seed: 8)
        for block in [1, 7, 127, 128, 129, 1_000, 20_000] {
            var oneByOne = QuantileSketch(k: 64), blocks = QuantileSketch(k: 64)
            for x in data { oneByOne.add(x) }
            var start = 0
            while start < data.count {
                let end = min(data.count, start + block)
                data[start..<end].withUnsafeBufferPointer { blocks.add(contentsOf: $0) }
                blocks.add(contentsOf: UnsafeBufferPointer(start: nil, count: 0))
                start = end
            }
            #expect(blocks == oneByOne, "blocks of \(block)")
        }
    }

    /// The merge of a level's ascending runs is `sort()`'s order, element for element: one run,
    /// two, several, runs of one, ties across runs, both zeros (equal, with other bits), and an
    /// item before the runs, below, among and above them.
    @Test func mergingRunsIsSort() {
        var rng = Xoshiro256StarStar(seed: 9)
        var cases: [[Double]] = [[], [3], [2, 1], [1, 2], [1, 2, 3], [3, 1, 2], [9, 1, 2, 0, 5], [0.0, -0.0, 0.0, -0.0],
                                 [5, -0.0, 0.0, 5, 0.0], [0.0, -0.0, -0.0, 0.0], [-0.0, 0.0, -1, 0.0, -0.0]]
        for runs in [1, 2, 3, 5, 40] {
            var items: [Double] = []
            for _ in 0..<runs {
                let length = 1 + Int(rng.next() % 300)
                items += (0..<length).map { _ in Double(rng.next() % 50) / 4 }.sorted()
            }
            cases.append(items)
            // A level's shape: a compaction's odd item first, then the runs moved up.
            for odd in [-1.0, 0, 6.25, 12.25, 100] { cases.append([odd] + items) }
        }
        for items in cases {
            #expect(QuantileSketch.mergingRuns(items).map(\.bitPattern) == items.sorted().map(\.bitPattern), "\(items.prefix(8))")
        }
    }
}

@Suite struct StreamingSummaryTests {
    @Test func belowTheExactLimitItIsExactlySummary() {
        var rng = Xoshiro256StarStar(seed: 8)
        let values: [Double?] = (0..<1000).map { i in i % 7 == 0 ? nil : rng.nextUnit() * 100 }
        var s = StreamingSummary(exactLimit: 1000)
        for v in values { s.add(v) }
        #expect(s.summary() == Summary(values: values))
        #expect(!s.isEstimated && s.percentileRankErrorBound == 0)
    }

    @Test func smallIntegerFiguresStayExactPastTheLimit() {
        var rng = Xoshiro256StarStar(seed: 9)
        let values = (0..<20_000).map { _ in Double(Int(rng.nextUnit() * 40)) }
        var s = StreamingSummary(exactLimit: 100)
        for v in values { s.add(v) }
        let exact = Summary(values: values)
        let streamed = s.summary()
        #expect(!s.isEstimated)
        #expect(streamed.n == exact.n)
        #expect([streamed.p5, streamed.p25, streamed.p50, streamed.p75, streamed.p95, streamed.min, streamed.max]
                == [exact.p5, exact.p25, exact.p50, exact.p75, exact.p95, exact.min, exact.max])
        // Welford and the two-pass mean agree to rounding.
        #expect(abs(streamed.mean! - exact.mean!) < 1e-10 * exact.mean!)
        #expect(abs(streamed.std! - exact.std!) < 1e-9 * exact.std!)
    }

    @Test func continuousFiguresUseTheSketchWithinItsBound() {
        var rng = Xoshiro256StarStar(seed: 10)
        let values = (0..<30_000).map { _ in rng.nextUnit() }
        var s = StreamingSummary(exactLimit: 100)
        for v in values { s.add(v) }
        #expect(s.isEstimated)
        let exact = Summary(values: values)
        let streamed = s.summary()
        // The bound is on ranks: the reported p-quantile's rank in the sorted data is within
        // bound·n of p·n, plus one rank for the two conventions (numpy's h = (n−1)p against
        // the sketch's first value reaching p·n).
        let sorted = values.sorted()
        let allowed = s.percentileRankErrorBound * 30_000 + 2
        for (p, q) in [(streamed.p5, 0.05), (streamed.p50, 0.5), (streamed.p95, 0.95)] {
            let rank = Double(sorted.firstIndex { $0 >= p! }!)
            #expect(abs(rank - q * 30_000) <= allowed, "p\(q): rank \(rank), allowed ±\(allowed)")
        }
        #expect(streamed.min == exact.min && streamed.max == exact.max)
    }

    /// Past the limit the moments are sums of deviations from the kept values' mean: for values
    /// far from zero with a small spread (10⁹ + U(0, 1): the spread is 2⁻³⁰ of the offset, where
    /// plain sums of squares would keep no digit of it) they agree with the exact two-pass
    /// summary of all the values to 1e-9 relative in the std and 1e-15 in the mean: the shift
    /// leaves deviations below 1, whose sums lose about n·2⁻⁵³ relative (60,000 · 1.1e-16 ≈
    /// 7e-12) plus the two-pass rounding of the offset itself.
    @Test func sketchMomentsStayAccurateFarFromZero() {
        var rng = Xoshiro256StarStar(seed: 11)
        let values = (0..<60_000).map { _ in 1e9 + rng.nextUnit() }
        var s = StreamingSummary(exactLimit: 50_000)
        s.add(count: 25_000) { values[$0] }
        for v in values[25_000...] { s.add(v) }
        #expect(s.isEstimated)
        let exact = Summary(values: values), streamed = s.summary()
        #expect(streamed.n == 60_000 && streamed.min == exact.min && streamed.max == exact.max)
        #expect(abs(streamed.mean! - exact.mean!) <= 1e-15 * exact.mean!)
        #expect(abs(streamed.std! - exact.std!) <= 1e-9 * exact.std!)
        // A uniform's std is 1/√12: the figure itself, not only its agreement. The sample std of
        // 60,000 uniforms has a standard error of about 5e-4 (√((μ₄ − σ⁴)/(4σ²n))), so 0.01 is
        // about 19 of them: a wrong formula, not chance, would fail it.
        #expect(abs(streamed.std! - 1 / 12.0.squareRoot()) < 0.01)
    }

    @Test func aLateNonIntegerSwitchesCountsToTheSketch() {
        var s = StreamingSummary(exactLimit: 10)
        for i in 0..<1000 { s.add(Double(i % 5)) }
        #expect(!s.isEstimated)
        s.add(2.5)
        #expect(s.isEstimated)
        #expect(s.summary().n == 1001)
        #expect(s.summary().max == 4)
    }

    /// A figure counting first summarizes as one keeping its values, to the bit: a fraction
    /// first; counts up to the exact limit, then a fraction; nil and NaN anywhere; values added
    /// one by one or a block at a time; past the exact limit, where both go on as a count
    /// table, or to the sketch. The one exception (counts, then a fraction below the limit) is
    /// spelled out below.
    @Test(arguments: [0, 1, 137, 999, 1_000, 1_500])
    func countingFirstSummarizesAsKeeping(fractionAt: Int) {
        var rng = Xoshiro256StarStar(seed: 12)
        let values: [Double?] = (0..<2_000).map { i in
            if i == fractionAt { return 17.25 }
            if i % 97 == 5 { return nil }
            if i % 89 == 7 { return .nan }
            return Double(Int(rng.nextUnit() * 60)) + (i > 1_700 && fractionAt == 1_500 ? 0.5 : 0)
        }
        for limit in [1_000, 5_000] {
            for blockSize in [1, 128, 700] {
                var kept = StreamingSummary(exactLimit: limit), counted = StreamingSummary(exactLimit: limit, countingFirst: true)
                var start = 0
                while start < values.count {
                    let count = Swift.min(blockSize, values.count - start)
                    if blockSize == 1 {
                        kept.add(values[start]); counted.add(values[start])
                    } else {
                        kept.add(count: count) { values[start + $0] }
                        counted.add(count: count) { values[start + $0] }
                    }
                    start += count
                }
                let a = kept.summary(), b = counted.summary()
                #expect(kept.isEstimated == counted.isEstimated)
                // A fraction below the limit: the counted values went to the kept ones in
                // ascending order, not as they came, and so on into the running moments and the
                // sketch when the limit is passed later. Only then do the two differ: in the
                // last bits of the moments and within the sketch's rank bound. Reordering a sum
                // of about 2,000 terms moves it by at most 2,000 roundings (2,000 · 2⁻⁵³ ≈ 2e-13
                // relative), so 1e-12 bounds it. Below the limit the counting one is exactly
                // the summary of its values in that order.
                let defined = values.compactMap { $0 }.filter { !$0.isNaN }
                let countedBefore = values[..<Swift.min(fractionAt, values.count)].compactMap { $0 }.filter { !$0.isNaN }
                let reordered = fractionAt > 0 && countedBefore.count < limit
                guard !reordered else {
                    #expect(a.n == b.n && a.min == b.min && a.max == b.max)
                    #expect(abs(a.mean! - b.mean!) <= 1e-12 * a.mean! && abs(a.std! - b.std!) <= 1e-12 * a.std!)
                    if defined.count <= limit {
                        let order = countedBefore.sorted() + defined.dropFirst(countedBefore.count)
                        #expect(b == Summary(values: order) && b.mean?.bitPattern == Summary(values: order).mean?.bitPattern)
                    }
                    continue
                }
                #expect(a == b, "fraction at \(fractionAt), limit \(limit), blocks of \(blockSize)")
                #expect(a.mean?.bitPattern == b.mean?.bitPattern && a.std?.bitPattern == b.std?.bitPattern)
            }
        }
    }

    /// Counting first holds a table, not two bytes a value.
    @Test func countingFirstKeepsNoValuesWhileItCounts() {
        var counted = StreamingSummary(exactLimit: 50_000, reserving: 40_000, countingFirst: true)
        counted.add(count: 40_000) { Double($0 % 30) }
        #expect(counted.keptBytes == 0)
        #expect(counted.summary() == Summary(values: (0..<40_000).map { Double($0 % 30) }))
        #expect(counted.meanAndHalfWidth.mean == counted.summary().mean)
    }
}
