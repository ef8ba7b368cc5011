import ProgramModel

/// Every scenario against a baseline on several metrics: paired differences, multiple
/// comparisons with the best and, where an indifference zone was given, the selected best.
///
/// This is the analysis behind `execsim compare`; ``ComparisonTable`` prints and writes it.
public struct ScenarioComparison: Sendable {
    /// One metric's comparison.
    public struct MetricComparison: Sendable {
        public var metric: ReplicationMetric
        /// Indexed by scenario; nil at the baseline.
        public var paired: [PairedComparison?]
        public var mcb: MultipleComparisonsWithBest
        /// The indifference zone, when the selection procedure ran for this metric.
        public var delta: Double?
        public var selection: RankingAndSelection.Selection?
    }

    public var names: [String]
    public var baseline: Int
    public var replications: Int
    public var metrics: [MetricComparison]

    /// Analyses the results of scenarios run with the same seed, so that replication r of each
    /// faced the same use cases.
    ///
    /// - Parameters:
    ///   - names: the scenarios' names, in the order of `results`.
    ///   - baseline: the index of the scenario the others are compared with.
    ///   - results: `results[i][r]`: replication r of scenario i; all of one length.
    /// - Precondition: at least two scenarios.
    public init(names: [String], baseline: Int, results: [[ReplicationResult]],
                metrics: [ReplicationMetric], confidence: Double = 0.95) {
        self.init(names: names, baseline: baseline, replications: results.first?.count ?? 0, metrics: metrics,
                  confidence: confidence) { metric in results.map { rs in rs.map { $0.value(of: metric) } } }
    }

    /// The same from each metric's values alone: `values(metric)[i][r]` is replication r of
    /// scenario i (nil where undefined), `replications` long for every scenario.
    public init(names: [String], baseline: Int, replications: Int, metrics: [ReplicationMetric],
                confidence: Double = 0.95, values: (ReplicationMetric) -> [[Double?]]) {
        precondition(names.count >= 2)
        self.names = names
        self.baseline = baseline
        self.replications = replications
        let comparisons = names.count - 1
        self.metrics = metrics.map { metric in
            let values = values(metric)
            precondition(values.count == names.count)
            let paired = values.indices.map { i in
                i == baseline ? nil : PairedComparison(
                    scenario: values[i], baseline: values[baseline],
                    higherIsBetter: metric.higherIsBetter, comparisons: comparisons,
                    confidence: confidence)
            }
            return MetricComparison(
                metric: metric, paired: paired,
                mcb: MultipleComparisonsWithBest(values: values, higherIsBetter: metric.higherIsBetter,
                                                 confidence: confidence))
        }
    }
}
