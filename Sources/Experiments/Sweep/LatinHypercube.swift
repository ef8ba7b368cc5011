import SimKernel

/// Latin hypercube sampling: n points in [0, 1)^k such that, for every dimension, each of the
/// n equal strata [i/n, (i+1)/n) holds exactly one point.
public enum LatinHypercube {
    /// `samples` points of `dimensions` unit coordinates, `result[point][dimension]`.
    ///
    /// Draw order, part of the reproducibility contract: for each dimension in turn, a
    /// Fisher–Yates shuffle of the strata (i from n − 1 down to 1, j = ⌊u·(i + 1)⌋), then one
    /// uniform per point for its place inside its stratum.
    ///
    /// - Complexity: O(n·k) draws.
    public static func unitSamples(samples: Int, dimensions: Int,
                                   generator: inout Xoshiro256StarStar) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: samples)
        let n = Double(samples)
        for d in 0..<dimensions {
            var strata = Array(0..<samples)
            var i = samples - 1
            while i > 0 {
                let j = uniformIndex(below: i + 1, &generator)
                strata.swapAt(i, j)
                i -= 1
            }
            for point in 0..<samples {
                // (stratum + u) / n < 1 always: u < 1 and stratum ≤ n − 1; the min guards rounding.
                let stratum = Double(strata[point])
                let u = (stratum + generator.nextUnit()) / n
                result[point][d] = min(u, ((stratum + 1) / n).nextDown)
            }
        }
        return result
    }

    /// ⌊u·n⌋ for one uniform u: our own so that the design does not depend on how the
    /// standard library draws bounded integers.
    static func uniformIndex(below n: Int, _ generator: inout Xoshiro256StarStar) -> Int {
        min(n - 1, Int(generator.nextUnit() * Double(n)))
    }
}
