import ProgramModel

/// `timeseries.csv`: for each month end and series, its mean and percentiles over replications.
public enum TimeseriesTable {
    public static let header = ["month", "metric", "mean", "p5", "p25", "p50", "p75", "p95"]

    public static func csv(_ results: [ReplicationResult]) -> [UInt8] {
        var w = CSVWriter(header: header)
        guard let months = results.first?.series.first?.count else { return w.bytes }
        var column = [Double](repeating: 0, count: results.count)
        for month in 0..<months {
            for metric in SeriesMetric.allCases {
                for (i, r) in results.enumerated() { column[i] = r.series[metric.rawValue][month] }
                let s = Summary(values: column)
                w.field(month + 1)
                w.field(metric.name)
                for v in [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95] { w.field(v) }
                w.endRow()
            }
        }
        return w.bytes
    }
}
