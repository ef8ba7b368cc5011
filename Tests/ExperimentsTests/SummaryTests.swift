import Dispatch
import Testing
@testable import Experiments

@Suite struct SummaryTests {
    /// Hand-checked: mean 5; std and percentiles from NumPy (`np.std(x, ddof=1)`,
    /// `np.percentile(x, [5, 25, 50, 75, 95])`); the interval uses t(0.975, 7) =
    /// 2.364624251592784 from SciPy.
    @Test func knownSample() {
        let s = Summary(values: [2, 4, 4, 4, 5, 5, 7, 9])
        #expect(s.n == 8)
        #expect(s.mean == 5)
        #expect(abs(s.std! - 2.138089935299395) < 1e-12)
        #expect(abs(s.ci95Low! - 3.21251208176379) < 1e-9)
        #expect(abs(s.ci95High! - 6.787487918236209) < 1e-9)
        #expect(abs(s.p5! - 2.7) < 1e-12)
        #expect(s.p25 == 4)
        #expect(s.p50 == 4.5)
        #expect(s.p75 == 5.5)
        #expect(abs(s.p95! - 8.3) < 1e-12)
        #expect(s.min == 2)
        #expect(s.max == 9)
    }

    @Test func nilsAreSkipped() {
        let withNils = Summary(values: [nil, 2, 4, nil, 4, 4, 5, 5, 7, 9, nil])
        #expect(withNils == Summary(values: [2, 4, 4, 4, 5, 5, 7, 9]))
        #expect(withNils.n == 8)
        #expect(Summary(values: [1, .nan, 3]) == Summary(values: [1, 3]))
    }

    @Test func emptyHasOnlyCount() {
        for s in [Summary(values: [Double]()), Summary(values: [nil, nil] as [Double?])] {
            #expect(s.n == 0)
            let fields = [s.mean, s.std, s.ci95Low, s.ci95High, s.p5, s.p25, s.p50, s.p75, s.p95, s.min, s.max]
            #expect(fields.allSatisfy { $0 == nil })
        }
    }

    @Test func singleValueHasNoSpread() {
        let s = Summary(values: [nil, 3.25])
        #expect(s.n == 1)
        #expect(s.mean == 3.25)
        #expect(s.std == nil)
        #expect(s.ci95Low == nil)
        #expect(s.ci95High == nil)
        #expect([s.p5, s.p25, s.p50, s.p75, s.p95, s.min, s.max].allSatisfy { $0 == 3.25 })
    }

    @Test func stableWithLargeOffset() {
        let s = Summary(values: [1e9 + 1, 1e9 + 2, 1e9 + 3])
        #expect(s.mean == 1e9 + 2)
        #expect(s.std == 1)
    }

    @Test func constantSampleHasZeroWidthInterval() {
        let s = Summary(values: [0.1, 0.1, 0.1, 0.1])
        #expect(s.std == 0)
        #expect(s.ci95Low == s.mean)
        #expect(s.ci95High == s.mean)
    }

    /// The half-width's t quantile is remembered for the last degrees of freedom asked; asked
    /// for others in turn, from several threads at once, every spread is still its own
    /// ν's: t(0.975, 7) = 2.364624251592784 and t(0.975, 1) = 12.706204736174694 (SciPy),
    /// to 1e-9 relative, the accuracy `StudentT` promises against SciPy.
    @Test func spreadsOfDifferentCountsKeepTheirOwnQuantile() {
        let known: [(n: Int, t: Double)] = [(8, 2.364624251592784), (2, 12.706204736174694)]
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for i in 0..<200 {
                let (n, t) = known[(i + worker) % 2]
                // m2 = n − 1: a standard deviation of 1, a half-width of t/√n.
                let half = Summary.spread(count: n, m2: Double(n - 1)).halfWidth
                #expect(abs(half - t / Double(n).squareRoot()) < 1e-9 * t, "n = \(n)")
            }
        }
    }
}
