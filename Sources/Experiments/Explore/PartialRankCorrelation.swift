import Foundation
import SimKernel

/// Partial rank correlation coefficients (PRCC; Marino, Hogue, Ray & Kirschner 2008, "A
/// methodology for performing global uncertainty and sensitivity analysis in systems
/// biology"; the usual companion of a Latin hypercube): how strongly an output moves with one
/// input once the linear effect of the other inputs' ranks is removed, on ranks so that any
/// monotone relation counts.
///
/// For input j: rank every input and the output (ties get their average rank), regress the
/// ranks of input j and of the output each on the ranks of the other inputs (with an
/// intercept), and correlate the two residuals. The interval is Fisher's z,
/// tanh(atanh(r) ± z₀.₉₇₅ / √(n − 3 − p)) with p = k − 1 inputs held fixed; the p-value is
/// the two-sided t test with n − 2 − p degrees of freedom.
public enum PartialRankCorrelation {
    public struct Coefficient: Sendable, Equatable {
        /// Nil when it cannot be computed (a constant input or output, too few points).
        public var value: Double?
        public var ci95Low: Double?
        public var ci95High: Double?
        public var pValue: Double?
        public var n: Int
    }

    /// One coefficient per input, `inputs[j][i]` being input j of point i.
    ///
    /// - Complexity: O(k · (n·k² + k³)).
    public static func coefficients(inputs: [[Double]], output: [Double]) -> [Coefficient] {
        let n = output.count
        let k = inputs.count
        precondition(inputs.allSatisfy { $0.count == n }, "inputs and output of different lengths")
        let rankedInputs = inputs.map(ranks)
        let rankedOutput = ranks(output)
        return (0..<k).map { j in
            var result = Coefficient(value: nil, ci95Low: nil, ci95High: nil, pValue: nil, n: n)
            let others = (0..<k).filter { $0 != j }.map { rankedInputs[$0] }
            guard n > k + 1,
                  let ex = residuals(rankedInputs[j], on: others),
                  let ey = residuals(rankedOutput, on: others),
                  let r = correlation(ex, ey) else { return result }
            result.value = r
            let p = Double(k - 1)
            let dof = Double(n) - 2 - p
            if Double(n) - 3 - p > 0 {
                let z = atanh(max(-0.999_999_999_999, min(0.999_999_999_999, r)))
                let h = NormalDistribution.quantile(0.975) / (Double(n) - 3 - p).squareRoot()
                result.ci95Low = tanh(z - h)
                result.ci95High = tanh(z + h)
            }
            if dof >= 1 {
                if abs(r) >= 1 {
                    result.pValue = 0
                } else {
                    let t = abs(r) * (dof / (1 - r * r)).squareRoot()
                    result.pValue = min(1, 2 * StudentT.upperTail(t, degreesOfFreedom: Int(dof)))
                }
            }
            return result
        }
    }

    /// Ranks 1…n, ties given the mean of the ranks they span.
    static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : $0 < $1 }
        var result = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for m in i...j { result[order[m]] = rank }
            i = j + 1
        }
        return result
    }

    /// y minus its least-squares fit on the columns `xs` and an intercept; nil when the
    /// normal equations are singular (a constant or duplicated column).
    static func residuals(_ y: [Double], on xs: [[Double]]) -> [Double]? {
        let n = y.count
        let m = xs.count + 1
        func column(_ c: Int, _ i: Int) -> Double { c == 0 ? 1 : xs[c - 1][i] }
        // Normal equations A β = b, solved by Gaussian elimination with partial pivoting.
        var a = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m)
        for r in 0..<m {
            for c in 0..<m {
                var s = 0.0
                for i in 0..<n { s += column(r, i) * column(c, i) }
                a[r][c] = s
            }
            var s = 0.0
            for i in 0..<n { s += column(r, i) * y[i] }
            a[r][m] = s
        }
        let scale = a.map { $0[..<m].map(abs).max() ?? 0 }.max() ?? 0
        for p in 0..<m {
            let pivot = (p..<m).max { abs(a[$0][p]) < abs(a[$1][p]) }!
            guard abs(a[pivot][p]) > 1e-10 * max(scale, 1) else { return nil }
            a.swapAt(p, pivot)
            for r in 0..<m where r != p {
                let f = a[r][p] / a[p][p]
                if f != 0 { for c in p...m { a[r][c] -= f * a[p][c] } }
            }
        }
        let beta = (0..<m).map { a[$0][m] / a[$0][$0] }
        return (0..<n).map { i in y[i] - (0..<m).reduce(0) { $0 + beta[$1] * column($1, i) } }
    }

    /// Pearson correlation; nil when either side is constant.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        // Residuals of an exact fit are rounding noise: treat as constant.
        let tiny = 1e-9 * n * n
        guard sxx > tiny, syy > tiny else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }
}
