import Dispatch
import ProgramModel

/// The statistics of a run, fed chunk by chunk in replication order, in bounded memory.
///
/// This is what lets `execsim run --replications 1000000` stay flat in memory: replications
/// are simulated in chunks, their rows streamed to `replications.csv`, and only these
/// summaries are kept (exact up to `StreamingSummary.defaultExactLimit` replications,
/// sketched beyond). Each figure's summary is independent of the others, so chunks are folded
/// in on all threads, one figure per task: every summary still sees its values in
/// replication order, so the output does not depend on the thread count.
public struct RunAccumulator: Sendable {
    private let months: Int
    /// The section 7 figures first, then the month-end series month by month.
    private var figures: [StreamingSummary]
    /// The last chunk's values, column by column (see ``ChunkColumns``).
    private var columns: ChunkColumnStorage?
    public private(set) var replications = 0

    private static let metricCount = ReplicationMetric.allCases.count
    private static let seriesCount = SeriesMetric.allCases.count

    /// - Parameter expected: the replications to come, when known: each figure reserves room
    ///   for the values it will keep, instead of growing (and copying) as they come.
    public init(months: Int, exactLimit: Int = StreamingSummary.defaultExactLimit, expected: Int? = nil) {
        self.months = months
        // One summary each (not `Array(repeating:)`, whose copies would share one reserved buffer).
        // The month-end figures count first (see `StreamingSummary`): mostly counts, and only
        // their summaries are read.
        figures = (0..<(Self.metricCount + months * Self.seriesCount)).map { i in
            StreamingSummary(exactLimit: exactLimit, reserving: expected ?? 0, countingFirst: i >= Self.metricCount)
        }
    }


    /// Folds in a chunk of results (a few hundred: see `RunInProgress`), in replication order.
    public mutating func add(_ results: [ReplicationResult], threads: Int = 1) {
        add(count: results.count, threads: threads) { columns in
            for k in results.indices { columns.record(results[k], at: k) }
        }
    }

    /// Folds in a chunk of `n` results, in replication order, that `produce` records into the
    /// columns it is handed (from any threads, each result at its own position; see
    /// ``ChunkColumns``) before it returns. The columns are storage kept from one chunk to the
    /// next, so that they stay in cache rather than being mapped afresh, and not zeroed
    /// (``ChunkColumnStorage``).
    ///
    /// - Precondition: `produce` records every position `0..<n`.
    public mutating func add<E: Error>(count n: Int, threads: Int = 1,
                                       _ produce: (ChunkColumns) throws(E) -> Void) throws(E) {
        guard n > 0 else { return }
        let count = figures.count, months = self.months, series = count - Self.metricCount
        let size = ChunkColumns.size(count: n, series: series)
        // Shared with a copy of this accumulator, it is not reused: the copy may be folding too.
        if !isKnownUniquelyReferenced(&columns) || columns!.capacity < size {
            columns = ChunkColumnStorage(capacity: size)
        }
        let storage = columns!
        let columns = ChunkColumns(count: n, series: series, base: storage.base)
        try produce(columns)
        withExtendedLifetime(storage) {
            let workers = ParallelReplications.workerCount(threads: threads, count: count)
            figures.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let figures = buffer
                let fold = { @Sendable (worker: Int) in
                    // Worker w takes every workers-th column: no two workers touch one summary.
                    for t in stride(from: worker, to: count, by: workers) {
                        // Columns: the figures of section 7, then month-end value
                        // j = t − metricCount, month j % months of series j / months.
                        let j = t - Self.metricCount
                        let i = t < Self.metricCount ? t : Self.metricCount + (j % months) * Self.seriesCount + j / months
                        figures[i].add(count: n) { columns.value(column: t, at: $0) }
                    }
                }
                if workers <= 1 { fold(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: fold) }
            }
        }
        replications += n
    }

    /// The mean and 95% half-width of `metric` over the replications added so far.
    public func meanAndHalfWidth(_ metric: ReplicationMetric) -> (mean: Double?, halfWidth: Double?) {
        figures[metric.rawValue].meanAndHalfWidth
    }

    private func allSummaries(threads: Int) -> [Summary] {
        let figures = self.figures
        // One figure at a time: the kept figures (a sort each) come first and cost a hundred
        // times a counted one, so shares of several figures left one thread with most of them.
        return ParallelReplications.map(count: figures.count, threads: threads, chunkSize: 1) { figures[$0].summary() }
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
