import Foundation

/// Axis ticks at "nice" numbers (1, 2, 5 × 10ⁿ), after Heckbert, "Nice numbers for graph
/// labels", Graphics Gems (1990): readers can interpolate between 0, 20, 40, not 0, 17.3, 34.6.
public struct NiceTicks: Sendable, Equatable {
    /// The axis runs from `lower` to `upper`, which are tick values enclosing the data.
    public let lower: Double
    public let upper: Double
    public let step: Double
    public let values: [Double]

    /// Ticks covering [min, max] with about `count` intervals. A zero-width or non-finite range
    /// is widened so the axis still has a scale.
    public init(min a: Double, max b: Double, count: Int = 5) {
        var lo = Swift.min(a, b), hi = Swift.max(a, b)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi - lo <= Swift.max(abs(hi), abs(lo)) * 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        // Heckbert first rounds the range up to a nice number, which for a range just past a
        // power of ten (−3…1e6) doubles it and wastes a third of the axis; rounding the step
        // alone keeps the axis tight and the step still 1, 2 or 5 × 10ⁿ.
        let step = Self.nice((hi - lo) / Double(Swift.max(1, count)), round: true)
        let lower = (lo / step).rounded(.down) * step
        let upper = (hi / step).rounded(.up) * step
        var values: [Double] = []
        var k = 0.0
        while lower + k * step <= upper + step * 1e-9 {
            let v = lower + k * step
            values.append(abs(v) < step * 1e-9 ? 0 : v)  // no "-0" or 1e-17 at zero
            k += 1
        }
        self.lower = lower
        self.upper = upper
        self.step = step
        self.values = values
    }

    /// The nice number close to `x`: rounded to the nearest, or the smallest not below it.
    static func nice(_ x: Double, round: Bool) -> Double {
        let exponent = floor(log10(x))
        let fraction = x / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }

    /// The tick label: as many decimals as the step needs, thousands grouped with commas.
    public func label(_ v: Double) -> String {
        let decimals = Swift.max(0, Int(-floor(log10(step) + 1e-9)))
        let text = String(format: "%.\(decimals)f", v == 0 ? 0 : v)
        return Self.grouped(text)
    }

    /// "1234567.5" → "1,234,567.5"; "-12000" → "−12,000" with a true minus sign.
    static func grouped(_ text: String) -> String {
        var s = Substring(text)
        let negative = s.hasPrefix("-")
        if negative { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        var out = groups.joined(separator: ",")
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "\u{2212}" : "") + out
    }
}
