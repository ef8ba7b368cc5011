/// Sorting the values of one figure over replications, the step behind every `Summary`.
///
/// Most figures of a run are counts (use cases, production systems, busy squads, pilots in
/// progress: three of the four month-end series), and those sort in linear time by counting.
/// The result is element for element that of the standard library's stable `sorted()` (equal
/// counts are equal doubles, so their order cannot show), and summaries, which sum in sorted
/// order, stay the same to the bit. Other figures take the standard sort.
enum FigureSort {
    /// `values` in ascending order.
    ///
    /// - Precondition: no NaN (a summary drops them first).
    /// - Complexity: O(n + largest value) when every value is a whole number in
    ///   [0, 65536) (not −0); O(n log n) otherwise.
    static func sorted(_ values: [Double]) -> [Double] {
        guard values.count >= 64 else { return values.sorted() }
        var counts: [Int] = []
        for x in values {
            // −0 is left to the standard sort, which keeps it (and its sign in the output).
            guard let i = StreamingSummary.countIndex(x), x.sign == .plus else { return values.sorted() }
            if i >= counts.count { counts.append(contentsOf: repeatElement(0, count: i + 1 - counts.count)) }
            counts[i] &+= 1
        }
        var sorted: [Double] = []
        sorted.reserveCapacity(values.count)
        for (value, count) in counts.enumerated() where count > 0 {
            sorted.append(contentsOf: repeatElement(Double(value), count: count))
        }
        return sorted
    }
}
