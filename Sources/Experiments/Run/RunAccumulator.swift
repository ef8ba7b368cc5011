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
    /// The last chunk's values, column by column (see `layOut`).
    private var columns: [Double] = []
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
        guard !results.isEmpty else { return }
        precondition(results[0].monthEnds.months == months, "results of another horizon")
        let count = figures.count, months = self.months, n = results.count
        let spacing = Self.columnStride(n)
        Self.layOut(results, into: &columns, threads: threads)
        let columns = self.columns
        let workers = ParallelReplications.workerCount(threads: threads, count: count)
        figures.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let figures = buffer
            let fold = { @Sendable (worker: Int) in
                // Worker w takes every workers-th column: no two workers touch one summary.
                columns.withUnsafeBufferPointer { columns in
                    for t in stride(from: worker, to: count, by: workers) {
                        // Columns: the figures of section 7, then month-end value
                        // j = t − metricCount, month j % months of series j / months.
                        let j = t - Self.metricCount
                        let i = t < Self.metricCount ? t : Self.metricCount + (j % months) * Self.seriesCount + j / months
                        figures[i].add(count: n) { columns[t &* spacing &+ $0] }
                    }
                }
            }
            if workers <= 1 { fold(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: fold) }
        }
        replications += n
    }

    /// Lays out the chunk's values column by column, into storage kept from one chunk to the
    /// next (so it stays in cache rather than being mapped afresh): first each section 7
    /// figure (NaN where undefined, which a summary skips as it skips nil), then each of the
    /// month-end values; column t holds value t of every result, from `t * columnStride(n)`.
    ///
    /// Each figure then reads consecutive doubles. Read where they lie, a figure's values are
    /// one per result, and the month-end ones one in each of a few hundred arrays about 4 KB
    /// apart, whose cache lines compete for the same few sets of the L1 cache: they were
    /// missed about twice per value (valgrind's cache simulation), and reading a section 7
    /// figure from a result copied the whole result. The copy reads each result once, in order.
    ///
    /// On several threads each lays out a share of the results (the same columns, other rows):
    /// on one, the copy (about 2,600 instructions a replication, callgrind) was the largest
    /// step of a chunk that ran on one thread while the others waited.
    private static func layOut(_ results: [ReplicationResult], into columns: inout [Double], threads: Int) {
        let n = results.count, spacing = columnStride(n), series = results[0].monthEnds.values.count
        let width = metricCount + series
        if columns.count < spacing * width { columns = [Double](repeating: 0, count: spacing * width) }
        // Shares of a multiple of eight values: two threads write at most one cache line of a
        // column in common.
        let workers = ParallelReplications.workerCount(threads: threads, count: (n + 7) / 8)
        let share = ((n + 7) / 8 + workers - 1) / workers * 8
        columns.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let columns = buffer
            let layOutShare = { @Sendable (worker: Int) in
                // Rounded up to whole lines, the last shares can be short or empty.
                for k in min(n, worker * share)..<min(n, (worker + 1) * share) {
                    let r = results[k]
                    for m in 0..<metricCount { columns[m &* spacing &+ k] = r.value(of: ReplicationMetric(rawValue: m)!) ?? .nan }
                    r.monthEnds.values.withUnsafeBufferPointer { values in
                        for v in 0..<series { columns[(metricCount &+ v) &* spacing &+ k] = values[v] }
                    }
                }
            }
            if workers <= 1 { layOutShare(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: layOutShare) }
        }
    }

    /// The distance between columns: n doubles rounded up to an odd number of cache lines.
    /// Laying out one result writes a value in every column, and columns a power of two of
    /// lines apart (128 doubles) all fall in a few sets of the L1 cache, which then misses
    /// nearly every write (valgrind's cache simulation); an odd number of lines spreads them.
    private static func columnStride(_ n: Int) -> Int {
        let lines = (n + 7) / 8
        return 8 * (lines | 1)
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
