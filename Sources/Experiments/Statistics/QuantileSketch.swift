/// A deterministic, mergeable quantile sketch with a guaranteed rank error: the compactor
/// scheme of Manku, Rajagopalan and Lindsay (SIGMOD 1998), as used inside KLL.
///
/// Level l holds items that each stand for 2^l inputs. When a level reaches 2k items it is
/// sorted and every other item (alternately the odd or even positions) moves up a level with
/// double weight. One such compaction shifts the estimated rank of any value by at most the
/// level's weight 2^l, so the sketch knows its own worst-case error: the sum of 2^l over the
/// compactions it made (`rankErrorBound`). For n inputs that is at most about
/// n·log2(n/2k)/(2k): with k = 4096 and a million values, under 0.1% of n.
///
/// Determinism matters more here than the slightly better average error of random offsets:
/// the same inputs in the same order give the same sketch, so runs stay byte-reproducible.
public struct QuantileSketch: Sendable, Equatable {
    /// Items kept per level before a compaction: 2·k.
    public let k: Int
    private var levels: [[Double]] = [[]]
    private var compactions: [Int] = [0]
    public private(set) var count = 0
    /// The largest possible difference between an estimated and a true rank (in items).
    public private(set) var rankErrorBound = 0
    public private(set) var min = Double.infinity
    public private(set) var max = -Double.infinity

    public init(k: Int = 4096) {
        precondition(k >= 2, "a quantile sketch needs k ≥ 2")
        self.k = k
    }

    /// - Complexity: amortized O(log k) per value.
    public mutating func add(_ x: Double) {
        count += 1
        if x < min { min = x }
        if x > max { max = x }
        levels[0].append(x)
        if levels[0].count >= 2 * k { compact(from: 0) }
    }

    /// Adds `values` in order: the same sketch as adding them one by one (a compaction comes at
    /// the same value), with one append a compaction's worth rather than one a value.
    ///
    /// - Complexity: amortized O(log k) per value.
    public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
        var start = 0
        while start < values.count {
            let room = 2 * k - levels[0].count  // values until level 0 is full
            let end = Swift.min(values.count, start + room)
            for x in values[start..<end] {
                if x < min { min = x }
                if x > max { max = x }
            }
            levels[0].append(contentsOf: UnsafeBufferPointer(rebasing: values[start..<end]))
            count += end - start
            if levels[0].count >= 2 * k { compact(from: 0) }
            start = end
        }
    }

    /// Folds `other` in; the error bounds add.
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.k == k, "only sketches with the same k merge")
        count += other.count
        rankErrorBound += other.rankErrorBound
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
        for (l, items) in other.levels.enumerated() {
            while levels.count <= l { levels.append([]); compactions.append(0) }
            levels[l].append(contentsOf: items)
        }
        for l in 0..<levels.count where levels[l].count >= 2 * k { compact(from: l) }
    }

    private mutating func compact(from start: Int) {
        var l = start
        while l < levels.count && levels[l].count >= 2 * k {
            if l + 1 == levels.count { levels.append([]); compactions.append(0) }
            // Level 0 holds values in arrival order: radix-sorted (linear, and the same order
            // as `sort()`), where the merge sort took about two thirds of a long run's
            // statistics. Higher levels hold a few ascending runs (what each compaction below
            // moved up), merged directly: `sort()` found and merged them too, for about a tenth
            // more (507 instructions a replication past the exact limit, callgrind).
            if l == 0 { levels[0] = FigureSort.sortedByBits(levels[0]) } else { levels[l] = Self.mergingRuns(levels[l]) }
            let offset = compactions[l] & 1
            compactions[l] += 1
            // An odd item out stays at this level, so no weight is lost. The promoted items are
            // gathered first and appended in one go (an append each checked both levels'
            // storage for sharing).
            let paired = levels[l].count & ~1
            let promoted = levels[l].withUnsafeBufferPointer { items in
                [Double](unsafeUninitializedCapacity: paired / 2 + 1) { out, count in
                    var i = offset, o = 0
                    while i < paired {
                        out[o] = items[i]
                        o &+= 1
                        i &+= 2
                    }
                    count = o
                }
            }
            levels[l + 1].append(contentsOf: promoted)
            let leftover = levels[l].count > paired ? levels[l][paired] : nil
            levels[l].removeAll(keepingCapacity: true)
            if let leftover { levels[l].append(leftover) }
            rankErrorBound += 1 << l
            l += 1
        }
    }

    /// `items` in ascending order, stably, by merging neighbouring ascending runs pass by pass
    /// (a natural merge sort): what `sort()` gives, for items holding a few runs.
    static func mergingRuns(_ items: [Double]) -> [Double] {
        let n = items.count
        guard n > 1 else { return items }
        var current = items
        // Every pass writes all n places, so the second buffer needs no filling first.
        var other = [Double](unsafeUninitializedCapacity: n) { _, count in count = n }
        while true {
            var runs = 0
            current.withUnsafeBufferPointer { a in
                other.withUnsafeMutableBufferPointer { out in
                    var start = 0
                    while start < n {
                        var mid = start &+ 1
                        while mid < n && !(a[mid] < a[mid &- 1]) { mid &+= 1 }
                        var end = mid
                        if mid < n {
                            end = mid &+ 1
                            while end < n && !(a[end] < a[end &- 1]) { end &+= 1 }
                        }
                        // The left run first on ties: stable.
                        var i = start, j = mid, o = start
                        while i < mid && j < end {
                            if a[j] < a[i] { out[o] = a[j]; j &+= 1 } else { out[o] = a[i]; i &+= 1 }
                            o &+= 1
                        }
                        while i < mid { out[o] = a[i]; i &+= 1; o &+= 1 }
                        while j < end { out[o] = a[j]; j &+= 1; o &+= 1 }
                        runs &+= mid < n ? 2 : 1
                        start = end
                    }
                }
            }
            if runs == 1 { return current }  // one run: it was already in order
            swap(&current, &other)
            if runs == 2 { return current }  // two runs, merged into one
        }
    }

    /// The q-quantile: the smallest kept value whose estimated rank reaches q·count.
    /// Its true rank is within `rankErrorBound` of q·count. nil when empty.
    public func quantile(_ q: Double) -> Double? {
        quantiles([q])[0]
    }

    /// Several quantiles at once, sorting the kept items only once.
    public func quantiles(_ qs: [Double]) -> [Double?] {
        guard count > 0 else { return qs.map { _ in nil } }
        var weighted: [(value: Double, weight: Int)] = []
        for (l, items) in levels.enumerated() {
            for x in items { weighted.append((x, 1 << l)) }
        }
        weighted.sort { $0.value < $1.value }
        return qs.map { q in
            if q <= 0 { return min }
            if q >= 1 { return max }
            let target = q * Double(count)
            var cumulative = 0
            for item in weighted {
                cumulative += item.weight
                if Double(cumulative) >= target { return item.value }
            }
            return max
        }
    }
}
