import Foundation

/// The few continuous draws the kernel builds on, each consuming a fixed number of raw draws.
///
/// A fixed number of raw draws per call keeps streams aligned: with common random numbers, two
/// scenarios that differ only in a parameter consume their streams in step.
extension RandomNumberGenerator {
    /// Returns a uniform double in [0, 1) on the grid k·2⁻⁵³, from one raw draw.
    ///
    /// The top 53 bits fill the significand exactly, so every value is equally likely and the
    /// result is never 1.
    ///
    /// - Complexity: O(1), one draw.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() &>> 11) * 0x1.0p-53
    }

    /// Returns a uniform double in (0, 1), never 0 nor 1, from one raw draw: safe for `log`.
    ///
    /// Values are the midpoints (k + ½)·2⁻⁵², k in 0..<2⁵². We keep 52 bits rather than 53
    /// because the midpoint 1 − 2⁻⁵⁴ is not representable and would round to 1.
    ///
    /// - Complexity: O(1), one draw.
    @inlinable @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        (Double(next() &>> 12) + 0.5) * 0x1.0p-52
    }

    /// Returns `true` with probability `p`, always consuming exactly one draw.
    ///
    /// Even `p` of 0 or 1 draws, so a stream stays aligned when a parameter changes.
    ///
    /// - Complexity: O(1), one draw.
    @inlinable @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// Returns an exponential variate with the given mean, by inversion: −mean·ln U.
    ///
    /// A mean of 0 returns 0 without drawing (a degenerate, deterministic delay).
    ///
    /// - Complexity: O(1), one draw.
    @inlinable @inline(__always)
    public mutating func exponential(mean: Double) -> Double {
        if mean == 0 { return 0 }
        return -mean * log(nextOpenUnit())
    }

    /// Returns a standard normal variate by Box–Muller, always consuming exactly two draws.
    ///
    /// We use the cosine branch only and cache nothing, so each call is a pure function of the
    /// next two draws: simple to reason about and to reproduce, at the cost of a `cos` and a `log`.
    ///
    /// - Complexity: O(1), two draws.
    @inlinable @inline(__always)
    public mutating func standardNormal() -> Double {
        let radius = (-2 * log(nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * nextUnit()
        return radius * cos(angle)
    }
}
