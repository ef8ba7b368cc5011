import ProgramModel

/// The distribution of each section 7 figure over the replications of a run (`summary.csv`).
public struct MetricSummaries: Sendable {
    public let summaries: [(metric: ReplicationMetric, summary: Summary)]

    public init(_ results: [ReplicationResult]) {
        summaries = ReplicationMetric.allCases.map { m in
            (m, Summary(values: results.map { $0.value(of: m) }))
        }
    }

    /// - Precondition: one summary per metric, in `ReplicationMetric.allCases` order.
    public init(summaries: [Summary]) {
        precondition(summaries.count == ReplicationMetric.allCases.count)
        self.summaries = Array(zip(ReplicationMetric.allCases, summaries))
    }

    public subscript(_ metric: ReplicationMetric) -> Summary {
        summaries[metric.rawValue].summary
    }

    public static let header = ["metric", "n", "mean", "std", "ci95_low", "ci95_high",
                                "p5", "p25", "p50", "p75", "p95", "min", "max"]

    public func csv() -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for (m, s) in summaries {
            w.field(m.name)
            w.field(s.n)
            for v in [s.mean, s.std, s.ci95Low, s.ci95High, s.p5, s.p25, s.p50, s.p75, s.p95,
                      s.min, s.max] { w.field(v) }
            w.endRow()
        }
        return w.bytes
    }
}
