import ProgramModel

/// `timeseries.csv`: for each month end and series, its mean and percentiles over replications.
public enum TimeseriesTable {
    public static let header = ["month", "metric", "mean", "p5", "p25", "p50", "p75", "p95"]

    /// The table from a summary per (month index from 0, series), however they were computed.
    public static func csv(months: Int, summary: (Int, SeriesMetric) -> Summary) -> [UInt8] {
        var w = CSVWriter(header: header)
        for month in 0..<months {
            for metric in SeriesMetric.allCases {
                let s = summary(month, metric)
                w.field(month + 1)
                w.field(metric.name)
                for v in [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95] { w.field(v) }
                w.endRow()
            }
        }
        return w.bytes
    }

    /// The table from results held in memory.
    public static func csv(_ results: [ReplicationResult]) -> [UInt8] {
        let months = results.first?.monthEnds.months ?? 0
        var column = [Double](repeating: 0, count: results.count)
        return csv(months: months) { month, metric in
            for (i, r) in results.enumerated() { column[i] = r.monthEnds.value(metric, monthIndex: month) }
            return Summary(values: column)
        }
    }
}
