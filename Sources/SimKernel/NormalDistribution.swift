import Foundation

/// The standard normal distribution: truncated-normal moments and masses in the kernel, the
/// large-sample limit of Experiments' `StudentT` and the starting point of its root finder.
///
/// The quantile is Acklam's rational approximation (relative error about 1e-9) polished by one
/// Halley step on the exact CDF, which brings it to near machine precision. Acklam's was chosen
/// over Wichura's AS241 because it is a third of the code for the same final accuracy once
/// refined.
public enum NormalDistribution {
    /// The probability that a standard normal variate is at most `x`.
    ///
    /// Computed as `erfc(-x/√2)/2`, so the lower tail keeps full relative precision far out
    /// (`cdf(-30)` is about 5e-198, not 0).
    ///
    /// - Complexity: O(1).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The density φ(x) = exp(−x²/2)/√(2π).
    public static func pdf(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// The `x` with `cdf(x) == p`, for `p` in [0, 1].
    ///
    /// Returns `-infinity` for 0, `+infinity` for 1 and NaN outside [0, 1].
    ///
    ///     NormalDistribution.quantile(0.975)  // 1.959963984540054
    ///
    /// - Complexity: O(1).
    public static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        // Work in the lower tail, where the CDF keeps its relative precision; 1 - p is exact
        // for p in [0.5, 1].
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// The quantile for `p` in (0, 0.5].
    private static func lowerQuantile(_ p: Double) -> Double {
        let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01)
        let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00)
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            let num = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
            let den = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
            x = num / den
        } else {
            let q = p - 0.5
            let r = q * q
            let num = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
            let den = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
            x = num / den
        }
        // One Halley step on the exact CDF.
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
