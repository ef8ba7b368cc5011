/// Minimizes a function of a few variables without derivatives (Nelder and Mead 1965, with
/// the standard coefficients 1, 2, 0.5, 0.5), for likelihoods whose gradients are awkward
/// (censored gamma and triangular fits).
public enum NelderMead {
    /// The point found and its value. Non-finite values count as +∞, so a function may return
    /// `.infinity` outside its domain.
    ///
    /// - Parameters:
    ///   - start: the first vertex; the others step `step` along each axis.
    ///   - tolerance: stops when the simplex's values differ by less than this.
    /// - Complexity: at most `maxEvaluations` calls of `f`.
    public static func minimize(_ f: ([Double]) -> Double, start: [Double], step: Double = 0.5,
                                tolerance: Double = 1e-9, maxEvaluations: Int = 2000) -> (point: [Double], value: Double) {
        let n = start.count
        func g(_ x: [Double]) -> Double {
            let v = f(x)
            return v.isFinite ? v : .infinity
        }
        var simplex = [start]
        for i in 0..<n {
            var x = start
            x[i] += step
            simplex.append(x)
        }
        var values = simplex.map(g)
        var evaluations = n + 1
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if values[n].isFinite && abs(values[n] - values[0]) <= tolerance * (1 + abs(values[0])) { break }
            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex.dropLast() {
                for i in 0..<n { centroid[i] += vertex[i] / Double(n) }
            }
            func along(_ t: Double) -> [Double] {
                (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) }
            }
            let reflected = along(-1)
            let fr = g(reflected)
            evaluations += 1
            if fr < values[0] {
                let expanded = along(-2)
                let fe = g(expanded)
                evaluations += 1
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected
                values[n] = fr
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = g(contracted)
                evaluations += 1
                if fc < min(fr, values[n]) {
                    simplex[n] = contracted
                    values[n] = fc
                } else {
                    for k in 1...n {
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = g(simplex[k])
                    }
                    evaluations += n
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return (simplex[best], values[best])
    }
}
