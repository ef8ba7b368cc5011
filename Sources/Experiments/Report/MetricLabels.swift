import ProgramModel

/// How charts name a figure of MODEL.md section 7 and which side of an axis is better.
public enum MetricLabels {
    /// The direction from the one place directions live (`ReplicationMetric.higherIsBetter`);
    /// a column that is not a section 7 figure counts as higher-is-better.
    public static func higherIsBetter(_ metric: String) -> Bool {
        ReplicationMetric(name: metric)?.higherIsBetter ?? true
    }

    /// The display label of a metric column: the headline label where there is one.
    public static func label(_ metric: String) -> String {
        if let (_, label) = HeadlineTable.metrics.first(where: { $0.0.name == metric }) { return label }
        return metric.replacingOccurrences(of: "_", with: " ")
    }

    /// The label with its unit, for an axis: "NPV (k$)", "pilot-to-scale rate (ratio)".
    public static func axisLabel(_ metric: String) -> String {
        let l = label(metric)
        return l.hasSuffix(")") ? l : "\(l) (\(ForestPlot.unit(metric)))"
    }

    /// Metrics in headline order first, the rest in their given order.
    public static func ordered(_ metrics: [String]) -> [String] {
        let headline = HeadlineTable.metrics.map(\.0.name).filter(metrics.contains)
        return headline + metrics.filter { !headline.contains($0) }
    }
}
