import Dispatch
import ProgramModel

/// The statistics of a run, fed block by block in replication order, in bounded memory.
///
/// This is what lets `execsim run --replications 1000000` stay flat in memory: replications
/// are simulated in blocks, their rows streamed to `replications.csv`, and only these
/// summaries are kept (exact up to `StreamingSummary.defaultExactLimit` replications,
/// sketched beyond). Each figure's summary is independent of the others, so blocks are folded
/// in on all threads, one figure per task: every summary still sees its values in
/// replication order, so the output does not depend on the thread count.
public struct RunAccumulator: Sendable {
    private let months: Int
    /// The section 7 figures first, then the month-end series month by month.
    private var figures: [StreamingSummary]
    public private(set) var replications = 0

    private static let metricCount = ReplicationMetric.allCases.count
    private static let seriesCount = SeriesMetric.allCases.count

    public init(months: Int, exactLimit: Int = StreamingSummary.defaultExactLimit) {
        self.months = months
        figures = Array(repeating: StreamingSummary(exactLimit: exactLimit),
                        count: Self.metricCount + months * Self.seriesCount)
    }


    public mutating func add(_ results: [ReplicationResult], threads: Int = 1) {
        let count = figures.count
        let workers = ParallelReplications.workerCount(threads: threads, count: count)
        figures.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let figures = buffer
            let fold = { @Sendable (worker: Int) in
                // Worker w owns figures w, w + workers, …: no two workers touch one summary.
                // Reading through a buffer pointer borrows each result instead of copying it
                // (and its series arrays) once per figure.
                results.withUnsafeBufferPointer { rs in
                    for i in stride(from: worker, to: count, by: workers) {
                        if i < Self.metricCount {
                            let metric = ReplicationMetric(rawValue: i)!
                            figures[i].add(count: rs.count) { rs[$0].value(of: metric) }
                        } else {
                            let j = i - Self.metricCount
                            let (month, series) = (j / Self.seriesCount, j % Self.seriesCount)
                            figures[i].add(count: rs.count) { rs[$0].series[series][month] }
                        }
                    }
                }
            }
            if workers <= 1 { fold(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: fold) }
        }
        replications += results.count
    }

    /// The mean and 95% half-width of `metric` over the replications added so far.
    public func meanAndHalfWidth(_ metric: ReplicationMetric) -> (mean: Double?, halfWidth: Double?) {
        figures[metric.rawValue].meanAndHalfWidth
    }

    private func allSummaries(threads: Int) -> [Summary] {
        let figures = self.figures
        return ParallelReplications.map(count: figures.count, threads: threads) { figures[$0].summary() }
    }

    /// `summary.csv`'s figures and `timeseries.csv`, computed on `threads` threads.
    public func finish(threads: Int = 1) -> (summaries: MetricSummaries, timeseriesCSV: [UInt8]) {
        let all = allSummaries(threads: threads)
        let summaries = MetricSummaries(summaries: Array(all[0..<Self.metricCount]))
        let timeseries = TimeseriesTable.csv(months: months) { month, metric in
            all[Self.metricCount + month * Self.seriesCount + metric.rawValue]
        }
        return (summaries, timeseries)
    }

    /// The largest percentile rank error over all figures, as a fraction of n (0 when exact).
    public var percentileRankErrorBound: Double {
        figures.map(\.percentileRankErrorBound).max() ?? 0
    }
}
