import ProgramModel

/// How precisely one figure's mean is wanted: its 95% confidence half-width at or under
/// `halfWidth` (in the figure's unit), or, when `isRelative`, at or under `halfWidth`·|mean|.
///
///     PrecisionTarget(metric: .npv, halfWidth: 0.02, isRelative: true)   // npv=2%
public struct PrecisionTarget: Sendable, Equatable {
    public var metric: ReplicationMetric
    /// Absolute: in the metric's unit. Relative: a fraction of |mean| (0.02 for 2%).
    public var halfWidth: Double
    public var isRelative: Bool

    public init(metric: ReplicationMetric, halfWidth: Double, isRelative: Bool) {
        self.metric = metric
        self.halfWidth = halfWidth
        self.isRelative = isRelative
    }

    /// The largest half-width that meets the target when the mean is `mean`.
    public func limit(mean: Double) -> Double {
        isRelative ? halfWidth * abs(mean) : halfWidth
    }

    /// `metric=value` or `metric=value%`, as written on the command line and in manifests.
    public var text: String {
        metric.name + "=" + (isRelative ? CSVWriter.format(halfWidth * 100) + "%" : CSVWriter.format(halfWidth))
    }
}
