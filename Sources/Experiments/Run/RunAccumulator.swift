import ProgramModel

/// The statistics of a run, fed block by block in replication order, in bounded memory.
///
/// This is what lets `execsim run --replications 1000000` stay flat in memory: replications
/// are simulated in blocks, their rows streamed to `replications.csv`, and only these
/// summaries are kept (exact up to `StreamingSummary.defaultExactLimit` replications,
/// sketched beyond).
public struct RunAccumulator: Sendable {
    private var metrics: [StreamingSummary]
    /// Indexed [month − 1][series].
    private var series: [[StreamingSummary]]
    public private(set) var replications = 0

    public init(months: Int, exactLimit: Int = StreamingSummary.defaultExactLimit) {
        metrics = Array(repeating: StreamingSummary(exactLimit: exactLimit),
                        count: ReplicationMetric.allCases.count)
        series = Array(repeating: Array(repeating: StreamingSummary(exactLimit: exactLimit),
                                        count: SeriesMetric.allCases.count),
                       count: months)
    }

    public mutating func add(_ results: [ReplicationResult]) {
        for r in results {
            for m in ReplicationMetric.allCases { metrics[m.rawValue].add(r.value(of: m)) }
            for month in series.indices {
                for s in SeriesMetric.allCases { series[month][s.rawValue].add(r.series[s.rawValue][month]) }
            }
        }
        replications += results.count
    }

    public func summaries() -> MetricSummaries {
        MetricSummaries(summaries: metrics.map { $0.summary() })
    }

    /// The largest percentile rank error over all figures, as a fraction of n (0 when exact).
    public var percentileRankErrorBound: Double {
        (metrics + series.flatMap { $0 }).map(\.percentileRankErrorBound).max() ?? 0
    }

    /// `timeseries.csv`, as `TimeseriesTable.csv` writes it from all results at once.
    public func timeseriesCSV() -> [UInt8] {
        var w = CSVWriter(header: TimeseriesTable.header)
        for (month, row) in series.enumerated() {
            for metric in SeriesMetric.allCases {
                let s = row[metric.rawValue].summary()
                w.field(month + 1)
                w.field(metric.name)
                for v in [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95] { w.field(v) }
                w.endRow()
            }
        }
        return w.bytes
    }
}
