/// The month-end series of one replication (MODEL.md section 7): each `SeriesMetric`'s value at
/// the end of months 1...⌊horizon⌋, all in one array, a row of `months` values per metric.
///
/// One array rather than one per series: a run holds thousands of results at a time and reads
/// every month-end value of each into its statistics, and an array per series cost each result
/// eight allocations more, and each read an indirection more.
public struct MonthEndSeries: Sendable, Equatable {
    /// The months recorded: 1...months.
    public let months: Int
    /// `values[metric.rawValue * months + month - 1]`.
    public let values: [Double]

    public init() {
        months = 0
        values = []
    }

    /// - Precondition: `values` holds `months` values for every series, metric by metric.
    public init(months: Int, values: [Double]) {
        precondition(values.count == months * SeriesMetric.allCases.count,
                     "\(values.count) month-end values for \(months) months of \(SeriesMetric.allCases.count) series")
        self.months = months
        self.values = values
    }

    /// Where the value of `metric` at the end of month `monthIndex + 1` is in ``values``.
    @inlinable
    public func offset(_ metric: SeriesMetric, monthIndex: Int) -> Int {
        metric.rawValue * months + monthIndex
    }

    /// The value of `metric` at the end of month `monthIndex + 1`.
    @inlinable
    public func value(_ metric: SeriesMetric, monthIndex: Int) -> Double {
        values[offset(metric, monthIndex: monthIndex)]
    }

    /// The series of `metric`, month 1 first.
    public subscript(metric: SeriesMetric) -> [Double] {
        Array(values[offset(metric, monthIndex: 0)..<offset(metric, monthIndex: months)])
    }
}
