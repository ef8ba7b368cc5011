import Foundation
import Testing
import SimKernel
@testable import Experiments

/// `KeptValues` changes how a summary's values are stored, never what the summary says: each
/// test compares with `Summary(values:)` of the same doubles, bit for bit.
@Suite struct KeptValuesTests {
    private func bits(_ s: Summary) -> [UInt64?] {
        [s.mean, s.std, s.ci95Low, s.ci95High, s.p5, s.p25, s.p50, s.p75, s.p95, s.min, s.max].map { $0?.bitPattern }
    }

    /// Counts, then a non-integer, then counts again; nil, NaN and −0 among them; added one at
    /// a time and in blocks whose boundaries fall before, on and after the widening.
    @Test func widenedValuesSummarizeAsTheDoubles() {
        var rng = Xoshiro256StarStar(seed: 41)
        var values: [Double?] = (0..<3000).map { i in
            i % 11 == 0 ? nil : i % 13 == 0 ? .nan : Double(Int(rng.nextUnit() * 300))
        }
        values[1500] = 2.25
        values[2000] = -0.0
        values[2500] = 70_000
        let expected = Summary(values: values)
        for block in [1, 7, 1500, 1501, 3000] {
            var s = StreamingSummary(exactLimit: 3000)
            var start = 0
            while start < values.count {
                let end = min(start + block, values.count)
                if block == 1 { s.add(values[start]) } else { s.add(count: end - start) { values[start + $0] } }
                start = end
            }
            #expect(bits(s.summary()) == bits(expected), "blocks of \(block)")
            #expect(s.summary().n == expected.n)
        }
    }

    /// Counts alone are summarized from a table without sorting: the same sums in the same order.
    @Test func countsSummarizeAsTheDoubles() {
        var rng = Xoshiro256StarStar(seed: 42)
        for n in [1, 2, 3, 63, 64, 1000, 9999] {
            let values: [Double?] = (0..<n).map { i in i % 17 == 5 ? nil : Double(Int(rng.nextUnit() * 1000)) }
            var s = StreamingSummary(exactLimit: 10_000)
            s.add(count: n) { values[$0] }
            #expect(bits(s.summary()) == bits(Summary(values: values)), "\(n) values")
        }
    }

    @Test func negativeZeroKeepsItsSign() {
        var s = StreamingSummary(exactLimit: 100)
        for x in [-0.0, 0.0, 3, 1] { s.add(x) }
        #expect(s.summary().min?.sign == Summary(values: [-0.0, 0.0, 3, 1]).min?.sign)
        #expect(s.summary().min?.sign == .minus)
    }

    /// What a million-replication run's memory rests on: at the exact limit a figure of counts
    /// keeps 2 bytes a value and any other 8, with no growth slack past the limit (a doubling
    /// array would hold 65,536 for 50,000). 1% is left for the allocator's rounding. Blocks of
    /// 4,096 do not divide 50,000, so the last block is cut at the limit, as a run's would
    /// fall back to one value at a time there.
    @Test func storageStopsAtTheLimit() {
        let limit = 50_000
        var counts = StreamingSummary(exactLimit: limit), reals = StreamingSummary(exactLimit: limit)
        var start = 0
        while start < limit {
            let end = min(start + 4096, limit)
            counts.add(count: end - start) { Double(($0 + start) % 17) }
            reals.add(count: end - start) { Double($0 + start) + 0.5 }
            start = end
        }
        #expect(counts.keptBytes <= limit * 2 * 101 / 100)
        #expect(reals.keptBytes <= limit * 8 * 101 / 100)
        #expect(counts.keptBytes >= limit * 2 && reals.keptBytes >= limit * 8)
    }

    /// A run that knows its replications reserves room for the values it will keep (no more
    /// than the limit, and for doubles too once a figure widens), so storage is allocated once.
    @Test func reservedStorageIsAllocatedOnce() {
        for (expected, kept) in [(20_000, 20_000), (1_000_000, 50_000)] {
            var counts = StreamingSummary(exactLimit: 50_000, reserving: expected)
            var reals = StreamingSummary(exactLimit: 50_000, reserving: expected)
            // 1% for the allocator's rounding, as above.
            let reserved = counts.keptBytes
            #expect(reserved >= kept * 2 && reserved <= kept * 2 * 101 / 100, "expected \(expected)")
            counts.add(count: 300) { Double($0 % 5) }
            reals.add(count: 300) { Double($0) + 0.25 }
            #expect(counts.keptBytes == reserved, "expected \(expected)")
            #expect(reals.keptBytes >= kept * 8 && reals.keptBytes <= kept * 8 * 101 / 100, "expected \(expected)")
            let summary = reals.summary()
            #expect(summary == Summary(values: (0..<300).map { Double($0) + 0.25 }))
        }
    }

    /// A figure that counts first reserves nothing while it counts, and the run's room once it
    /// starts keeping values: the storage does not grow (and copy) after that.
    @Test func countingFirstReservesWhenKeepingStarts() {
        var figure = StreamingSummary(exactLimit: 50_000, reserving: 20_000, countingFirst: true)
        figure.add(count: 500) { Double($0 % 7) }
        #expect(figure.keptBytes == 0)
        figure.add(count: 1) { _ in 0.5 }
        let reserved = figure.keptBytes
        // Doubles from the first fraction on; 1% for the allocator's rounding, as above.
        #expect(reserved >= 20_000 * 8 && reserved <= 20_000 * 8 * 101 / 100)
        figure.add(count: 19_499) { Double($0) + 0.25 }
        #expect(figure.keptBytes == reserved)
        let values = (0..<500).map { Double($0 % 7) } + [0.5] + (0..<19_499).map { Double($0) + 0.25 }
        #expect(figure.summary() == Summary(values: values))
    }
}
