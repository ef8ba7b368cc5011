import SimKernel
/// The Wilson score interval for a binomial proportion (Wilson 1927; Brown, Cai and DasGupta
/// 2001 recommend it over the Wald interval, whose coverage collapses near 0 and 1 and for
/// small n).
///
///     WilsonInterval(successes: 8, trials: 10, confidence: 0.95)
///     // lower 0.4902, upper 0.9433
public struct WilsonInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    /// - Precondition: 0 ≤ successes ≤ trials, trials > 0, 0 < confidence < 1.
    /// - Complexity: O(1).
    public init(successes: Int, trials: Int, confidence: Double) {
        precondition(trials > 0 && successes >= 0 && successes <= trials)
        let n = Double(trials)
        let p = Double(successes) / n
        let z = NormalDistribution.quantile(0.5 + confidence / 2)
        let z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 and n successes the bound is exactly 0 or 1; rounding must not move it.
        lower = successes == 0 ? 0 : max(0, center - half)
        upper = successes == trials ? 1 : min(1, center + half)
    }
}
