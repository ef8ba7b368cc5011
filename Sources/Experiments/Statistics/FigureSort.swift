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
        var table = CountTable()
        for x in values {
            // −0 is left to the standard sort, which keeps it (and its sign in the output).
            guard let i = CountTable.index(x) else { return values.sorted() }
            table.add(index: i)
        }
        return table.sortedValues
    }
}
