import Dispatch
import Testing
import ProgramModel
@testable import Experiments

/// The run's statistics, folded chunk by chunk through a column layout, are the summaries of the
/// values themselves: each figure sees its values in replication order, whatever the chunks and
/// the threads, and lands in its own row of summary.csv and timeseries.csv.
@Suite struct RunAccumulatorTests {
    private static let scenario: Scenario = {
        var s = Scenario()
        s.horizonMonths = 30
        s.portfolio.arrivalsPerMonth = 2.5
        return s
    }()
    private static let results = ScenarioRunner.run(scenario, seed: 9, replications: 700, threads: 2)

    private func folded(in chunks: [Int], threads: Int) -> (summaries: MetricSummaries, timeseriesCSV: [UInt8]) {
        let results = Self.results
        var accumulator = RunAccumulator(months: 30, expected: chunks.count > 2 ? results.count : nil)
        var start = 0
        for size in chunks {
            accumulator.add(Array(results[start..<(start + size)]), threads: threads)
            start += size
        }
        precondition(start == results.count)
        return accumulator.finish(threads: threads)
    }

    @Test func foldedFiguresAreTheSummariesOfTheValues() {
        let results = Self.results
        let expected = MetricSummaries(results)
        let expectedTimeseries = TimeseriesTable.csv(results)
        // An undefined figure (break-even month) among them, so NaN-for-nil in the layout is tried.
        #expect(results.contains { $0.value(of: .breakEvenMonth) == nil })
        for (chunks, threads) in [([700], 1), ([128, 128, 128, 128, 128, 60], 1), ([1, 7, 300, 392], 2),
                                  ([256, 256, 188], 2), (Array(repeating: 100, count: 7), 3),
                                  // 37 values on 4 threads: the layout's shares (whole cache lines)
                                  // leave the last one empty.
                                  ([37, 663], 4)] {
            let (summaries, timeseries) = folded(in: chunks, threads: threads)
            #expect(summaries.csv() == expected.csv(), "chunks \(chunks), \(threads) threads")
            #expect(timeseries == expectedTimeseries, "chunks \(chunks), \(threads) threads")
        }
    }

    /// A result's month-end values: a row of months per series, read back by series and month.
    @Test func monthEndValuesAreWhereTheSeriesSaysTheyAre() {
        let r = Self.results[3]
        #expect(r.monthEnds.months == 30 && r.monthEnds.values.count == 30 * SeriesMetric.allCases.count)
        for metric in SeriesMetric.allCases {
            let series = r.monthEnds[metric]
            #expect(series.count == 30)
            for m in [0, 17, 29] { #expect(series[m] == r.monthEnds.value(metric, monthIndex: m)) }
        }
        // Cumulative value never falls, and the fixed series is the one every replication shares.
        let value = r.monthEnds[.cumulativeValue]
        #expect(zip(value, value.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(r.monthEnds[.squadsAvailable] == Self.results[4].monthEnds[.squadsAvailable])
    }

    /// Columns recorded from several threads, in any order, fold as the results in order do.
    @Test func columnsRecordedFromSeveralThreadsFoldAsInOrder() {
        let results = Self.results
        var accumulator = RunAccumulator(months: 30)
        for start in stride(from: 0, to: results.count, by: 300) {
            let chunk = Array(results[start..<min(results.count, start + 300)])
            accumulator.add(count: chunk.count, threads: 3) { columns in
                DispatchQueue.concurrentPerform(iterations: 4) { worker in
                    // Worker w records every fourth result, from the end of the chunk backwards.
                    for k in stride(from: chunk.count - 1 - worker, through: 0, by: -4) { columns.record(chunk[k], at: k) }
                }
                #expect(columns.values(of: .breakEvenMonth) == chunk.map { $0.value(of: .breakEvenMonth) })
                #expect(columns.values(of: .npv) == chunk.map { $0.value(of: .npv) })
            }
        }
        let (summaries, timeseries) = accumulator.finish(threads: 2)
        #expect(summaries.csv() == MetricSummaries(results).csv())
        #expect(timeseries == TimeseriesTable.csv(results))
    }

    /// The columns' memory is kept from chunk to chunk and not zeroed; a copy of an accumulator
    /// shares it until one of them folds, so two copies folding on two threads at once must
    /// each take their own. Both record their chunk before either folds (a barrier), so shared
    /// memory would give one of them the other's values.
    @Test func copiesFoldTheirOwnChunksAtOnce() {
        let results = Self.results
        var first = RunAccumulator(months: 30)
        first.add(Array(results[0..<400]), threads: 2)  // room for the smaller chunks to come
        var copies = [first, first]
        let tails = [Array(results[400..<700]), Array(results[0..<300])]
        let recorded = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        copies.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let copies = buffer
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                copies[i].add(count: tails[i].count) { columns in
                    for k in tails[i].indices { columns.record(tails[i][k], at: k) }
                    recorded[i].signal()
                    recorded[1 - i].wait()
                }
            }
        }
        for i in 0..<2 {
            let values = Array(results[0..<400]) + tails[i]
            let (summaries, timeseries) = copies[i].finish()
            #expect(summaries.csv() == MetricSummaries(values).csv(), "copy \(i)")
            #expect(timeseries == TimeseriesTable.csv(values), "copy \(i)")
        }
    }

    /// A chunk's pieces come back in replication order, each made from the results of its own
    /// replications, whatever the threads and however the pieces divide the chunk.
    @Test func piecesAreTheReplicationsInOrder() {
        let parameters = ModelParameters(Self.scenario)
        let expected = Self.results[100..<137].map { $0.value(of: .npv) }
        for (pieceSize, threads) in [(37, 1), (1, 2), (5, 3), (64, 4), (10, 2)] {
            let pieces = ScenarioRunner.pieces(parameters, seed: 9, replications: 100..<137, pieceSize: pieceSize,
                                               threads: threads) { first, results in (first, results.map { $0.value(of: .npv) }) }
            let workers = ParallelReplications.workerCount(threads: threads, count: 37)
            let starts = ScenarioRunner.pieceStarts(count: 37, pieceSize: pieceSize, workers: workers)
            #expect(pieces.map(\.0) == starts.map { 100 + $0 }, "pieces of \(pieceSize)")
            #expect(pieces.flatMap(\.1) == expected, "pieces of \(pieceSize), \(threads) threads")
        }
    }

    /// On one worker a chunk is cut in equal pieces; on several the pieces cover it the same
    /// way, none larger than asked, but shrink towards its end, so that the last worker to
    /// finish is at most a small piece behind.
    @Test func piecesShrinkTowardsTheChunkEndOnSeveralWorkers() {
        #expect(ScenarioRunner.pieceStarts(count: 300, pieceSize: 128, workers: 1) == [0, 128, 256])
        #expect(ScenarioRunner.pieceStarts(count: 5, pieceSize: 64, workers: 2) == [0])
        for (count, workers) in [(2048, 2), (4096, 4), (1000, 3), (37, 2)] {
            let starts = ScenarioRunner.pieceStarts(count: count, pieceSize: 64, workers: workers)
            let sizes = zip(starts, starts.dropFirst() + [count]).map { $1 - $0 }
            #expect(starts.first == 0 && sizes.allSatisfy { $0 > 0 && $0 <= 64 }, "\(count) on \(workers)")
            #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 }, "never growing: \(sizes)")
            // A chunk of at least 2·workers full pieces starts with a full one (the
            // replications left over 2·workers reach 64) and ends with one of the smallest.
            if count >= 64 * 2 * workers {
                #expect(sizes.first == 64 && sizes.last! <= ScenarioRunner.smallestPiece, "\(sizes)")
            }
        }
    }
}
