/// The one spelling of a number in every file execsim writes (JSON, CSV, messages): integral
/// values within ±2^53 as integers ("60", not "60.0"; 2^53 itself included, since a Double holds
/// it exactly), everything else as Swift's shortest round-trip `description`, so reading the
/// text back gives the same Double. Non-finite values have no spelling here: callers decide
/// (JSON writes `null`, CSV an empty cell).
public enum NumberText {
    /// 2^53: the largest magnitude up to which every integer is exactly a Double.
    public static let maxExactInteger = 9_007_199_254_740_992.0

    /// The value as an integer when it is integral and |x| ≤ 2^53; -0.0 gives 0.
    ///
    /// Converted and compared back rather than `x.rounded(.towardZero)`, which on x86-64's
    /// baseline (no SSE4.1) is a call to `trunc`: the conversion truncates, exactly, within ±2^53.
    @inlinable
    public static func integral(_ x: Double) -> Int64? {
        guard abs(x) <= maxExactInteger else { return nil }  // NaN fails this too
        let n = Int64(x)
        return Double(n) == x ? n : nil
    }

    /// The text of a finite number; "null" for a non-finite one (never reached by a valid file).
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if let n = integral(x) { return String(n) }
        return x.description
    }
}
