import Testing
import SimKernel
@testable import Experiments

/// Reference values pinned from SciPy 1.17.1, produced by
/// `python3 -c "from scipy import stats; print(repr(stats.t.ppf(p, df)))"`
/// and `stats.norm.ppf(p)` / `stats.norm.cdf(x)`.
@Suite struct StudentTTests {
    static let tTable: [(p: Double, df: Int, t: Double)] = [
        (0.975, 1, 12.706204736174694),
        (0.975, 2, 4.302652729749462),
        (0.975, 3, 3.1824463052837078),
        (0.975, 5, 2.5705818356363146),
        (0.975, 10, 2.228138851986274),
        (0.975, 30, 2.0422724563012378),
        (0.975, 1000, 1.9623390808264083),
        (0.975, 100_000, 1.9599877075346095),
        (1 - 0.05 / 6, 20, 2.612585423033488),  // Bonferroni over three comparisons
        (0.995, 4, 4.604094871349992),
        (0.9, 7, 1.4149239276505086),
        (0.999999, 3, 103.29946777942898),
        (0.6, 15, 0.25788530093726125),
        (0.5000001, 9, 2.577087722747703e-07),
        (1e-10, 4, -416.1751403296041),
        (0.025, 50, -2.008559112100761),
    ]

    @Test(arguments: 0..<tTable.count)
    func quantileMatchesSciPy(index: Int) {
        let row = Self.tTable[index]
        let t = StudentT.quantile(row.p, degreesOfFreedom: row.df)
        #expect(abs(t - row.t) <= 1e-9 * max(1, abs(row.t)), "t(\(row.p), \(row.df)) = \(t), want \(row.t)")
    }

    @Test func quantileIsAntisymmetric() {
        for df in [1, 2, 3, 9, 40] {
            for p in [0.01, 0.2, 0.4] {
                let lower = StudentT.quantile(p, degreesOfFreedom: df)
                let upper = StudentT.quantile(1 - p, degreesOfFreedom: df)
                #expect(abs(lower + upper) < 1e-9 * abs(upper))
            }
        }
    }

    @Test func quantileEdges() {
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: 5) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 5).isNaN)
    }

    @Test func largeDegreesOfFreedomApproachNormal() {
        let t = StudentT.quantile(0.975, degreesOfFreedom: 10_000_000)
        #expect(abs(t - 1.959963984540054) < 1e-6)
    }

    @Test func upperTailInvertsQuantile() {
        for df in [1, 3, 12, 200] {
            for p in [0.6, 0.9, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(abs(StudentT.upperTail(t, degreesOfFreedom: df) - (1 - p)) < 1e-12)
            }
        }
    }

    @Test func normalQuantileMatchesSciPy() {
        let table: [(Double, Double)] = [
            (0.975, 1.959963984540054),
            (1e-10, -6.361340902404056),
            (0.3, -0.5244005127080409),
            (0.99, 2.3263478740408408),
            (0.01, -2.3263478740408408),
        ]
        for (p, z) in table {
            #expect(abs(NormalDistribution.quantile(p) - z) <= 1e-12 * max(1, abs(z)))
        }
        #expect(NormalDistribution.quantile(0.5) == 0)
    }

    @Test func normalCDFMatchesSciPy() {
        #expect(abs(NormalDistribution.cdf(1.5) - 0.9331927987311419) < 1e-15)
        #expect(abs(NormalDistribution.cdf(-3) - 0.0013498980316300933) < 1e-17)
    }
}
