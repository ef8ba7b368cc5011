/// A probability distribution as a user states it (MODEL.md section 3).
///
/// The cases keep the user's own parameters (a lognormal by median and p90, a gamma by mean
/// and cv) so a scenario can be written back exactly as it was read. For drawing, compile it
/// once with ``sampler()``: the `Sampler` precomputes what each draw needs.
public enum Distribution: Sendable, Equatable {
    case fixed(Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta-PERT; `lambda` is the shape weight of the mode (4 in the classic PERT).
    case pert(min: Double, mode: Double, max: Double, lambda: Double)
    case exponential(mean: Double)
    /// mu = ln(median), sigma = ln(p90/median) / z(0.9).
    case lognormal(median: Double, p90: Double)
    /// shape = 1/cv², scale = mean·cv².
    case gamma(mean: Double, cv: Double)
    /// Normal, truncated by resampling when a bound is given.
    case normal(mean: Double, sd: Double, min: Double?, max: Double?)
    /// One of `values`, with probability proportional to `weights` (equal when nil).
    case empirical(values: [Double], weights: [Double]?)
}
