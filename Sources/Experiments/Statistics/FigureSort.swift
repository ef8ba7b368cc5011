/// Sorting the values of one figure by their bits: the step behind a ``QuantileSketch``'s
/// compactions, and the keys ``OrderStatistics`` selects by.
///
/// The result is element for element that of the standard library's stable `sorted()`: doubles
/// with equal keys are identical, so the order among them cannot show. Only −0 and +0 are
/// equal doubles with different bits, so values holding −0 take the standard sort.
enum FigureSort {
    /// Ranges this short are sorted by insertion rather than by another pass.
    private static let insertionLimit = 8

    /// A key whose unsigned order is the order of the doubles: positives with the sign bit
    /// set, negatives with every bit flipped.
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    @inline(__always)
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    /// `values` in ascending order by their keys, most significant digit first: a pass on the
    /// 11 highest bits in which the keys differ (most of a figure's keys share their sign and
    /// high exponent bits), then each bucket the same way, down to short ones sorted by
    /// insertion. One or two passes where the least-significant-digit sort took five or six,
    /// each scattering keys over 2,048 buckets (about one L1 miss per key in valgrind's cache
    /// simulation). Keys that are equal are equal doubles, so the order among them cannot show.
    static func sortedByBits(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 1 else { return values }
        var negativeZero = false
        var keys = [UInt64](unsafeUninitializedCapacity: n) { ks, count in
            values.withUnsafeBufferPointer { xs in
                for i in 0..<n {
                    let x = xs[i]
                    if x == 0 && x.sign == .minus { negativeZero = true }
                    ks[i] = key(x)
                }
            }
            count = n
        }
        guard !negativeZero else { return values.sorted() }
        var scratch = [UInt64](unsafeUninitializedCapacity: n) { _, count in count = n }
        keys.withUnsafeMutableBufferPointer { ks in
            scratch.withUnsafeMutableBufferPointer { other in
                sortKeys(ks.baseAddress!, count: n, scratch: other.baseAddress!)
            }
        }
        return [Double](unsafeUninitializedCapacity: n) { out, count in
            keys.withUnsafeBufferPointer { ks in
                for i in 0..<n { out[i] = value(ks[i]) }
            }
            count = n
        }
    }

    /// Sorts `keys[0..<count]` in place; `scratch` has room for `count` keys.
    private static func sortKeys(_ keys: UnsafeMutablePointer<UInt64>, count: Int, scratch: UnsafeMutablePointer<UInt64>) {
        if count <= insertionLimit {
            insertionSort(keys, count: count)
            return
        }
        let varying = varyingBits(keys, count: count)
        guard varying != 0 else { return }  // all equal
        let radix = RadixDigit(count: count, varying: varying)
        let shift = radix.shift, bucketCount = radix.bucketCount
        @inline(__always) func digit(_ k: UInt64) -> Int { radix.of(k) }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: bucketCount) { ends in
            _ = ends.initialize(from: repeatElement(0, count: bucketCount))
            for i in 0..<count { ends[digit(keys[i])] &+= 1 }
            var offset = 0
            for b in 0..<bucketCount {  // bucket sizes to starts
                let c = ends[b]
                ends[b] = offset
                offset &+= c
            }
            for i in 0..<count {  // each start moves on to its bucket's end
                let k = keys[i]
                let b = digit(k)
                scratch[ends[b]] = k
                ends[b] &+= 1
            }
            keys.update(from: scratch, count: count)
            // With no bits below the digit, every bucket holds one key value.
            guard shift > 0 else { return }
            var start = 0
            for b in 0..<bucketCount {
                let end = ends[b]
                if end &- start > 1 { sortKeys(keys + start, count: end &- start, scratch: scratch + start) }
                start = end
            }
        }
    }

    /// Sorts `keys[0..<count]` in place by insertion: for ranges too short for a counting pass.
    @inline(__always)
    static func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, count: Int) {
        for i in 1..<Swift.max(1, count) {
            let k = keys[i]
            var j = i
            while j > 0 && keys[j &- 1] > k {
                keys[j] = keys[j &- 1]
                j &-= 1
            }
            keys[j] = k
        }
    }

    /// The bits in which some of `keys[0..<count]` differ (0 when all are equal).
    @inline(__always)
    static func varyingBits(_ keys: UnsafeMutablePointer<UInt64>, count: Int) -> UInt64 {
        var all = ~UInt64(0), any = UInt64(0)
        for i in 0..<count { all &= keys[i]; any |= keys[i] }
        return all ^ any
    }
}

/// The digit a counting pass buckets keys by: about log2(count) bits, between 4 and 11 (2,048
/// buckets; fewer for short ranges, so that a pass costs in proportion to the keys it moves),
/// from the highest bit in which the keys differ (most of a figure's keys share their sign and
/// high exponent bits). Shared by ``FigureSort``'s sort and ``OrderStatistics``'s selection.
struct RadixDigit {
    /// The most bits a pass buckets by.
    static let maxBits = 11
    /// The bits below the digit: with none, every bucket holds one key value.
    let shift: UInt64
    let mask: UInt64
    var bucketCount: Int { Int(mask) &+ 1 }

    /// - Precondition: `varying` is not 0.
    @inline(__always)
    init(count: Int, varying: UInt64) {
        let width = Swift.min(Self.maxBits, Swift.max(4, Int.bitWidth &- count.leadingZeroBitCount &- 1))
        let top = 63 &- varying.leadingZeroBitCount
        shift = UInt64(Swift.max(0, top &- (width &- 1)))
        mask = UInt64((1 << width) &- 1)
    }

    /// The bucket of `key`.
    @inline(__always)
    func of(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &>> shift) & mask) }
}
