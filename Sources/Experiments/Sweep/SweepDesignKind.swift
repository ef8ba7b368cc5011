/// The experiment types of a sweep file's `design`.
public enum SweepDesignKind: String, Sendable, CaseIterable {
    /// Full factorial over every parameter's values, the first parameter varying slowest.
    case grid
    /// Latin hypercube: `samples` points, one per stratum per parameter.
    case lhs
    /// Morris elementary effects: `trajectories` of k + 1 points on a `levels`-level grid.
    case morris
    /// One at a time: each parameter at its `low`, then its `high`, the others at base.
    case oat
}
