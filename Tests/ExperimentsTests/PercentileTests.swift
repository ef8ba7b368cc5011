import Testing
@testable import Experiments

@Suite struct PercentileTests {
    /// Pinned from NumPy 2.4.6: `np.quantile(a, q)` (default method "linear") for
    /// `a = [3.5, -1.0, 7.25, 0.1, 2.0, 10.0, 4.4]`.
    @Test func matchesNumPy() {
        let sorted = [3.5, -1.0, 7.25, 0.1, 2.0, 10.0, 4.4].sorted()
        let expected: [(Double, Double)] = [
            (0, -1.0),
            (0.05, -0.6699999999999999),
            (0.25, 1.05),
            (0.3, 1.6199999999999997),
            (0.5, 3.5),
            (0.75, 5.825),
            (0.9, 8.350000000000001),
            (0.95, 9.174999999999997),
            (1.0, 10.0),
        ]
        for (q, value) in expected {
            #expect(Percentile.linear(sorted, q) == value, "q = \(q)")
        }
    }

    /// Pinned from NumPy 2.4.6: `np.quantile([0.1, 0.2, 0.7], q)`; bit-exact, which checks
    /// that we interpolate from the same side as NumPy.
    @Test func matchesNumPyBitForBit() {
        let sorted = [0.1, 0.2, 0.7]
        #expect(Percentile.linear(sorted, 0.05) == 0.11000000000000001)
        #expect(Percentile.linear(sorted, 0.25) == 0.15000000000000002)
        #expect(Percentile.linear(sorted, 0.5) == 0.2)
        #expect(Percentile.linear(sorted, 0.95) == 0.6499999999999999)
    }

    @Test func singleValue() {
        for q in [0.0, 0.3, 1.0] { #expect(Percentile.linear([42], q) == 42) }
    }
}
