/// The few order statistics a ``Summary`` reads (the two neighbours of each percentile's
/// position), found without sorting every value.
///
/// A radix selection over the keys ``FigureSort`` sorts by (unsigned keys that order as the
/// doubles do, −0 before +0): one pass counts the keys by the 11 highest bits in which they
/// differ, the running totals say which buckets hold the ranks asked for, a second pass
/// gathers just those buckets' keys, and each gathered bucket is selected in the same way, down
/// to a few keys sorted by insertion. A dozen ranks of 20,000 values touch a dozen buckets of
/// about ten keys each, so the cost is the passes: about 36 instructions a value in a
/// 20,000-replication run, where the radix sort took about 52 and scattered every key over
/// 2,048 buckets (callgrind).
enum OrderStatistics {
    /// Ranges this short are sorted by insertion rather than counted again.
    private static let insertionLimit = 32

    /// A rank asked for, and the slot its value goes to.
    private typealias Target = (rank: Int, slot: Int)

    /// The values at `ranks` (0-based positions in ascending order, each in 0..<values.count)
    /// among `values`, in the order of `ranks`. `lowest` and `highest` are the smallest and
    /// largest keys (``FigureSort/key(_:)``) among the values, which a summary's first pass
    /// has found: the highest bit in which any two keys differ is the highest in which those
    /// two do, so the first count needs no pass of its own to place its digit.
    ///
    /// - Precondition: no NaN.
    /// - Complexity: O(n) for a fixed number of ranks.
    static func select(_ values: UnsafeBufferPointer<Double>, ranks: [Int], lowest: UInt64, highest: UInt64) -> [Double] {
        let n = values.count
        precondition(ranks.allSatisfy { $0 >= 0 && $0 < n }, "rank outside the values")
        var found = [UInt64](repeating: 0, count: ranks.count)
        let targets = ranks.indices.map { (rank: ranks[$0], slot: $0) }.sorted { $0.rank < $1.rank }
        found.withUnsafeMutableBufferPointer { out in
            if n <= insertionLimit {
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { keys in
                    for i in 0..<n { keys[i] = FigureSort.key(values[i]) }
                    select(keys.baseAddress!, count: n, targets[...], into: out.baseAddress!)
                }
            } else {
                select(count: n, varying: lowest ^ highest, { FigureSort.key(values[$0]) }, targets[...], into: out.baseAddress!)
            }
        }
        return found.map(FigureSort.value)
    }

    /// Writes the key at each target's rank among `keys[0..<count]` to `out[slot]`; the keys
    /// may be reordered. Targets are in ascending order of rank.
    private static func select(_ keys: UnsafeMutablePointer<UInt64>, count: Int,
                               _ targets: ArraySlice<Target>, into out: UnsafeMutablePointer<UInt64>) {
        guard !targets.isEmpty else { return }
        if count <= insertionLimit {
            FigureSort.insertionSort(keys, count: count)
            for t in targets { out[t.slot] = keys[t.rank] }
            return
        }
        select(count: count, varying: FigureSort.varyingBits(keys, count: count), { keys[$0] }, targets, into: out)
    }

    /// One counting pass over `count` keys (`key(i)`) whose differing bits are `varying`, then
    /// the buckets holding targets gathered and selected from in turn.
    @inline(__always)
    private static func select(count: Int, varying: UInt64, _ key: (Int) -> UInt64,
                               _ targets: ArraySlice<Target>, into out: UnsafeMutablePointer<UInt64>) {
        guard varying != 0 else {  // all equal
            let only = key(0)
            for t in targets { out[t.slot] = only }
            return
        }
        let radix = RadixDigit(count: count, varying: varying)
        let shift = radix.shift, mask = radix.mask, bucketCount = radix.bucketCount
        @inline(__always) func digit(_ k: UInt64) -> Int { radix.of(k) }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: bucketCount) { sizes in
            _ = sizes.initialize(from: repeatElement(0, count: bucketCount))
            for i in 0..<count { sizes[digit(key(i))] &+= 1 }
            // The buckets holding a target (in ascending order, as the targets are): where each
            // starts among the keys, and which targets it holds.
            var buckets: [(bucket: Int, start: Int, size: Int, targets: Range<Int>)] = []
            var bucket = 0, start = 0
            var t = targets.startIndex
            while t < targets.endIndex {
                while start &+ sizes[bucket] <= targets[t].rank {
                    start &+= sizes[bucket]
                    bucket &+= 1
                }
                let first = t
                while t < targets.endIndex && targets[t].rank < start &+ sizes[bucket] { t &+= 1 }
                buckets.append((bucket, start, sizes[bucket], first..<t))
            }
            // With no bits below the digit, every bucket holds one key value, and the bits
            // above it are those all keys share.
            if shift == 0 {
                let shared = key(0) & ~mask
                for b in buckets { for t in targets[b.targets] { out[t.slot] = shared | UInt64(b.bucket) } }
                return
            }
            // Gather the target buckets' keys, each into its own range: `sizes` now says where
            // the next key of a target bucket goes, and is negative for the others.
            let gathered = buckets.reduce(0) { $0 &+ $1.size }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: gathered) { scratch in
                for b in 0..<bucketCount { sizes[b] = -1 }
                var offset = 0
                for b in buckets {
                    sizes[b.bucket] = offset
                    offset &+= b.size
                }
                let base = scratch.baseAddress!
                for i in 0..<count {
                    let k = key(i), d = digit(k), at = sizes[d]
                    if at >= 0 {
                        base[at] = k
                        sizes[d] = at &+ 1
                    }
                }
                offset = 0
                for b in buckets {
                    let ranked = targets[b.targets].map { (rank: $0.rank &- b.start, slot: $0.slot) }
                    select(base + offset, count: b.size, ranked[...], into: out)
                    offset &+= b.size
                }
            }
        }
    }
}
