/// Which way is better for a figure of MODEL.md section 7, for labelling "better" sides.
public enum MetricDirection {
    /// Counts of losses, times, waits and costs are better lower; rates, value, ROI, NPV and
    /// counts of progress are better higher.
    public static func higherIsBetter(_ metric: String) -> Bool {
        let lower: Set<String> = ["rejected", "deferred", "abandoned_data", "failed_technical", "stalled_purgatory",
                                  "in_purgatory_at_horizon", "adoption_stalled", "cost", "drift_events",
                                  "compliance_incidents"]
        return !(lower.contains(metric) || metric.hasSuffix("_months"))
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
