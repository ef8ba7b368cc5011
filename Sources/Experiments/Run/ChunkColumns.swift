import ProgramModel

/// A chunk's values laid out column by column for folding into a ``RunAccumulator``: first each
/// section 7 figure (NaN where undefined, which a summary skips as it skips nil), then each
/// month-end value; column t holds value t of every result of the chunk.
///
/// The workers that simulate a chunk record each result here as soon as it is made, while it is
/// still in their core's cache, each at its own position, and then drop it. Read where they
/// lie, a figure's values are one per result, and the month-end ones one in each of a few
/// hundred arrays about 4 KB apart, whose cache lines compete for the same few sets of the L1
/// cache: they were missed about twice per value (valgrind's cache simulation). Laid out, each
/// figure reads consecutive doubles.
///
/// Valid only inside the ``RunAccumulator/add(count:threads:_:)`` call that hands it out.
public struct ChunkColumns: @unchecked Sendable {
    /// The results in the chunk; positions are `0..<count`.
    public let count: Int
    private let spacing: Int
    /// Month-end values per result.
    private let series: Int
    private let base: UnsafeMutablePointer<Double>

    private static let metricCount = ReplicationMetric.allCases.count

    /// - Precondition: `base` has room for `metricCount + series` columns `spacing(for: count)` apart.
    init(count: Int, series: Int, base: UnsafeMutablePointer<Double>) {
        self.count = count
        self.spacing = Self.spacing(for: count)
        self.series = series
        self.base = base
    }

    /// The doubles a chunk of `count` results with `series` month-end values each takes.
    static func size(count: Int, series: Int) -> Int { spacing(for: count) * (metricCount + series) }

    /// The distance between columns for a chunk of n: n doubles rounded up to an odd number of
    /// cache lines. Recording one result writes a value in every column, and columns a power of
    /// two of lines apart (128 doubles) all fall in a few sets of the L1 cache, which then
    /// misses nearly every write (valgrind's cache simulation); an odd number of lines spreads
    /// them.
    static func spacing(for n: Int) -> Int {
        let lines = (n + 7) / 8
        return 8 * (lines | 1)
    }

    /// Writes `result`'s values at `position`. Different positions can be recorded from
    /// different threads at once.
    ///
    /// - Precondition: `0 <= position < count`, and the result has the chunk's horizon.
    @inline(__always) public func record(_ result: ReplicationResult, at position: Int) {
        precondition(position >= 0 && position < count, "a position in the chunk")
        precondition(result.monthEnds.values.count == series, "a result of the chunk's horizon")
        let column = base + position
        for m in 0..<Self.metricCount {
            column[m &* spacing] = result.value(of: ReplicationMetric(rawValue: m)!) ?? .nan
        }
        result.monthEnds.values.withUnsafeBufferPointer { values in
            for v in values.indices { column[(Self.metricCount &+ v) &* spacing] = values[v] }
        }
    }

    /// `metric`'s values in the chunk, in replication order (nil where undefined).
    public func values(of metric: ReplicationMetric) -> [Double?] {
        let column = base + metric.rawValue * spacing
        return (0..<count).map { column[$0].isNaN ? nil : column[$0] }
    }

    /// Value `position` of column `t`.
    @inline(__always) func value(column t: Int, at position: Int) -> Double {
        base[t &* spacing &+ position]
    }
}

/// The memory of a run's ``ChunkColumns``, kept from one chunk to the next and left
/// uninitialized: every value is recorded before it is read (each position of a chunk, in every
/// column), so zeroing it first would only add work. It was the largest serial step of a run's
/// start: zeroing 5.6 MB for a two-thread chunk (and faulting in its pages) took about 5 ms on
/// the calling thread while the other threads waited (`perf record`); left to the workers, the
/// pages are first touched where they are recorded, on all threads at once.
///
/// Sendable for the ``RunAccumulator`` that owns it: only the accumulator's `add` writes it,
/// and an accumulator whose copy shares it takes new storage instead.
final class ChunkColumnStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}
