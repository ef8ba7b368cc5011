import ProgramModel

/// How reports show a figure, read from the one `MetricCatalogue`: its label without the unit
/// (the unit goes on the axis or after the number), ratios as percentages and their differences
/// in percentage points.
public enum MetricLabels {
    public static func higherIsBetter(_ metric: String) -> Bool { MetricCatalogue.higherIsBetter(metric) }

    /// The catalogue's label without a trailing unit: "NPV", "time to first value".
    public static func label(_ metric: String) -> String {
        let l = MetricCatalogue.label(metric), unit = MetricCatalogue.unit(metric).rawValue
        return l.hasSuffix(" (\(unit))") ? String(l.dropLast(unit.count + 3)) : l
    }

    /// Ratios (rates, ROI, utilization, readiness) are shown as percentages.
    public static func isPercent(_ metric: String) -> Bool { MetricCatalogue.unit(metric) == .ratio }

    /// The unit a value is shown in: "%", "months", "k$" or "count".
    public static func unit(_ metric: String) -> String {
        isPercent(metric) ? "%" : MetricCatalogue.unit(metric).rawValue
    }

    /// The unit of a difference: percentage points for percentages.
    public static func differenceUnit(_ metric: String) -> String {
        isPercent(metric) ? "percentage points" : unit(metric)
    }

    /// The label with its unit, for an axis: "NPV (k$)", "pilot-to-scale rate (%)".
    public static func axisLabel(_ metric: String) -> String {
        "\(label(metric)) (\(unit(metric)))"
    }

    /// A value in the metric's display unit: "28.5%", "19.1", "−6,455".
    public static func value(_ x: Double, _ metric: String) -> String {
        isPercent(metric) ? FigureFormat.number(100 * x) + "%" : FigureFormat.number(x)
    }

    /// A signed difference in the metric's display unit: "+4.0 pp", "−3.3".
    public static func difference(_ x: Double, _ metric: String) -> String {
        isPercent(metric) ? FigureFormat.signed(100 * x) + " pp" : FigureFormat.signed(x)
    }

    /// The number plotted for a value: percentages are scaled to 0–100.
    public static func scale(_ metric: String) -> Double { isPercent(metric) ? 100 : 1 }

    /// The headline figures' column names, in the catalogue's order.
    public static var headline: [String] { MetricCatalogue.headline.map(\.name) }

    /// Metrics in headline order first, the rest in their given order.
    public static func ordered(_ metrics: [String]) -> [String] { MetricCatalogue.ordered(metrics) }

    /// The footnote that maps labels back to column names, for readers of the CSV files.
    public static func footnote(_ metrics: [String]) -> String {
        "Columns: " + metrics.map { "\(label($0)) = \($0)" }.joined(separator: "; ") + "."
    }
}

/// Numbers as the report prints them: three significant figures below 100, whole numbers
/// above, thousands grouped, one true minus sign (U+2212), and never a "−0".
public enum FigureFormat {
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        let a = abs(x)
        let decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        return fixed(x, decimals: decimals)
    }

    /// `x` with `decimals` decimals, grouped; a value that rounds to zero prints unsigned.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "—" }
        var text = String(format: "%.\(decimals)f", x)
        if Double(text) == 0 { text = String(format: "%.\(decimals)f", 0.0) }
        return NiceTicks.grouped(text)
    }

    /// With an explicit sign: "+1.25", "−3.3", "0" for a zero.
    public static func signed(_ x: Double) -> String {
        let text = number(x)
        return text.hasPrefix("\u{2212}") || text == "—" || Double(text.replacingOccurrences(of: ",", with: "")) == 0
            ? text : "+" + text
    }

    /// A parameter value as a person writes it: "4", "0.2", "12.5", with no trailing zeros.
    public static func plain(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        if x == x.rounded() && abs(x) < 1e15 { return NiceTicks.grouped(String(Int(x))) }
        var text = String(format: "%.4g", x)
        if text.contains("e") { return text }
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return NiceTicks.grouped(text)
    }

    /// An interval as the report writes it, "[52,637 to 57,914]": "to" rather than a comma, which
    /// would read as a thousands separator.
    public static func interval(_ low: String, _ high: String) -> String { "[\(low) to \(high)]" }

    /// A share 0–1 as a whole percent: "37%".
    public static func percent(_ share: Double) -> String {
        fixed(100 * share, decimals: 0) + "%"
    }
}
