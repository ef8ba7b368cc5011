/// Sorting the values of one figure over replications, the step behind every `Summary`.
///
/// The result is element for element that of the standard library's stable `sorted()`, so
/// summaries, which sum in sorted order, stay the same to the bit:
/// - counts (most figures: use cases, production systems, busy squads, pilots in progress) sort
///   by counting (``CountTable``) when no larger than their number; equal counts are equal
///   doubles, so their order cannot show;
/// - other figures sort by their bits, least significant digit first (a stable radix sort
///   over keys that order as the doubles do), in about half the instructions of the merge
///   sort; doubles with equal keys are identical. Only −0 and +0 are equal doubles with
///   different bits, so a figure holding −0 takes the standard sort.
enum FigureSort {
    /// `values` in ascending order.
    ///
    /// - Precondition: no NaN (a summary drops them first).
    /// - Complexity: O(n): counting when every value is a whole number in [0, n] (not −0),
    ///   radix passes otherwise.
    static func sorted(_ values: [Double]) -> [Double] {
        guard values.count >= 64 else { return values.sorted() }
        var table = CountTable()
        for x in values {
            guard let i = CountTable.index(x) else { return sortedByBits(values) }
            table.add(index: i)
        }
        return table.isDense ? table.sortedValues : sortedByBits(values)
    }

    /// Digits of the radix sort: six passes of 11 bits cover the 64-bit keys.
    private static let digitBits = 11
    private static let passes = (64 + digitBits - 1) / digitBits

    /// A key whose unsigned order is the order of the doubles: positives with the sign bit
    /// set, negatives with every bit flipped.
    @inline(__always)
    private static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    @inline(__always)
    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    static func sortedByBits(_ values: [Double]) -> [Double] {
        let n = values.count
        let buckets = 1 << digitBits, mask = UInt64(buckets - 1)
        var keys = [UInt64](repeating: 0, count: n)
        // One pass counts every digit of every key; passes where all keys share a digit
        // (high exponent bits, mostly) are then skipped.
        var counts = [Int](repeating: 0, count: passes * buckets)
        var negativeZero = false
        values.withUnsafeBufferPointer { xs in
            keys.withUnsafeMutableBufferPointer { ks in
                counts.withUnsafeMutableBufferPointer { cs in
                    for i in 0..<n {
                        let x = xs[i]
                        if x == 0 && x.sign == .minus { negativeZero = true }
                        let k = key(x)
                        ks[i] = k
                        for p in 0..<passes { cs[p * buckets + Int((k >> UInt64(p * digitBits)) & mask)] &+= 1 }
                    }
                }
            }
        }
        guard !negativeZero else { return values.sorted() }
        var other = [UInt64](repeating: 0, count: n)
        counts.withUnsafeMutableBufferPointer { cs in
            for p in 0..<passes {
                let shift = UInt64(p * digitBits)
                let first = Int((keys[0] >> shift) & mask)
                if cs[p * buckets + first] == n { continue }  // every key has this digit
                // Bucket counts to starting offsets.
                var offset = 0
                for b in 0..<buckets {
                    let c = cs[p * buckets + b]
                    cs[p * buckets + b] = offset
                    offset &+= c
                }
                keys.withUnsafeBufferPointer { from in
                    other.withUnsafeMutableBufferPointer { to in
                        for i in 0..<n {
                            let k = from[i]
                            let b = p * buckets + Int((k >> shift) & mask)
                            to[cs[b]] = k
                            cs[b] &+= 1
                        }
                    }
                }
                swap(&keys, &other)
            }
        }
        return keys.map(value)
    }
}
