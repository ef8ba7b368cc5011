/// Sorting the values of one figure over replications, the step behind every `Summary`.
///
/// The result is element for element that of the standard library's stable `sorted()`, so
/// summaries, which sum in sorted order, stay the same to the bit:
/// - counts (most figures: use cases, production systems, busy squads, pilots in progress) sort
///   by counting (``CountTable``) unless the table would be sparse; equal counts are equal
///   doubles, so their order cannot show;
/// - other figures sort by their bits, least significant digit first (a stable radix sort
///   over keys that order as the doubles do), in about half the instructions of the merge
///   sort; doubles with equal keys are identical. Only −0 and +0 are equal doubles with
///   different bits, so a figure holding −0 takes the standard sort.
enum FigureSort {
    /// `values` in ascending order.
    ///
    /// - Precondition: no NaN (a summary drops them first).
    /// - Complexity: O(n): counting when every value is a whole number in [0, 16n) (not −0),
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
    private static let digitBits: UInt64 = 11
    private static let passes = 6
    private static let buckets = 1 << 11

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

    @inline(__always)
    private static func digit(_ key: UInt64, _ pass: Int) -> Int {
        Int(truncatingIfNeeded: (key >> (UInt64(pass) &* digitBits)) & UInt64(buckets - 1))
    }

    static func sortedByBits(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 1 else { return values }
        var keys = [UInt64](unsafeUninitializedCapacity: n) { _, count in count = n }
        var other = [UInt64](unsafeUninitializedCapacity: n) { _, count in count = n }
        // One pass counts every digit of every key (six rows of counts); passes where all keys
        // share a digit (high exponent bits, mostly) are then skipped.
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
                        cs[digit(k, 0)] &+= 1
                        cs[buckets &+ digit(k, 1)] &+= 1
                        cs[2 &* buckets &+ digit(k, 2)] &+= 1
                        cs[3 &* buckets &+ digit(k, 3)] &+= 1
                        cs[4 &* buckets &+ digit(k, 4)] &+= 1
                        cs[5 &* buckets &+ digit(k, 5)] &+= 1
                    }
                }
            }
        }
        guard !negativeZero else { return values.sorted() }
        counts.withUnsafeMutableBufferPointer { cs in
            for p in 0..<passes {
                let row = UnsafeMutableBufferPointer(rebasing: cs[(p * buckets)..<((p + 1) * buckets)])
                if row[digit(keys[0], p)] == n { continue }  // every key has this digit
                var offset = 0
                for b in 0..<buckets {  // bucket counts to starting offsets
                    let c = row[b]
                    row[b] = offset
                    offset &+= c
                }
                keys.withUnsafeBufferPointer { from in
                    other.withUnsafeMutableBufferPointer { to in
                        for i in 0..<n {
                            let k = from[i]
                            let b = digit(k, p)
                            to[row[b]] = k
                            row[b] &+= 1
                        }
                    }
                }
                swap(&keys, &other)
            }
        }
        return [Double](unsafeUninitializedCapacity: n) { out, count in
            keys.withUnsafeBufferPointer { ks in
                for i in 0..<n { out[i] = value(ks[i]) }
            }
            count = n
        }
    }
}
