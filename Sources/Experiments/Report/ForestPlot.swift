/// For each metric, each scenario's paired difference to the baseline with its 95% interval:
/// which operating model beats the baseline, by how much, and how sure we are.
public enum ForestPlot {
    public struct Row: Sendable, Equatable {
        public var scenario: String
        public var diff: Double
        public var low: Double
        public var high: Double
    }

    public struct Panel: Sendable {
        public var metric: String
        public var rows: [Row]
        /// The scenario marked best for this metric, if any.
        public var best: String?
    }

    static let rowHeight = 22.0

    public static func chart(_ panels: [Panel], baseline: String, source: ChartSource) -> Chart {
        let title = "Difference to \(baseline) by scenario, with 95% intervals"
        let names = panels.flatMap { $0.rows.map { "★ " + $0.scenario } }
        let labelColumn = max(120, (names.map { SVG.textWidth($0, size: 12) }.max() ?? 0) + 24)
        let valueColumn = 150.0
        var height = 64.0
        for p in panels { height += 24 + Double(p.rows.count) * rowHeight + 42 }
        height += 28
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: valueColumn, bottomMargin: 28)
        frame.legend([(.dot(Palette.blue), "mean paired difference"), (.line(Palette.blue, nil), "95% interval"),
                      (.line(Palette.black, "4 3"), "no difference"), (.dot(Palette.vermillion), "★ best scenario")])
        var y = 64.0
        for panel in panels {
            let higher = MetricCatalogue.higherIsBetter(panel.metric)
            frame.svg.text(MetricCatalogue.label(panel.metric), x: 16, y: y + 14, size: 13, bold: true)
            let values: [Double] = panel.rows.flatMap { [$0.low, $0.high, $0.diff] } + [0]
            let ticks = NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 5)
            let x = LinearScale(domain: (ticks.lower, ticks.upper), range: (frame.left, frame.right))
            y += 24
            let bottom = y + Double(panel.rows.count) * rowHeight
            for v in ticks.values {
                frame.svg.line(x1: x(v), y1: y, x2: x(v), y2: bottom, stroke: Palette.grid)
                frame.svg.text(ticks.label(v), x: x(v), y: bottom + 15, size: 11, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.line(x1: x(0), y1: y - 4, x2: x(0), y2: bottom, stroke: Palette.black, dash: "4 3")
            frame.svg.line(x1: frame.left, y1: bottom, x2: frame.right, y2: bottom, stroke: Palette.axis)
            for row in panel.rows {
                let cy = y + rowHeight / 2
                let isBest = row.scenario == panel.best
                let color = isBest ? Palette.vermillion : Palette.blue
                frame.svg.text((isBest ? "★ " : "") + row.scenario, x: frame.left - 10, y: cy + 4, size: 12,
                               anchor: .end, bold: isBest)
                frame.svg.line(x1: x(row.low), y1: cy, x2: x(row.high), y2: cy, stroke: color, width: 2)
                frame.svg.circle(x: x(row.diff), y: cy, r: 4.5, fill: color)
                let text = "\(signed(row.diff)) [\(signed(row.low)), \(signed(row.high))]"
                frame.svg.text(text, x: frame.right + 8, y: cy + 4, size: 11, fill: Palette.text)
                y += rowHeight
            }
            frame.svg.text("difference to \(baseline) (\(MetricCatalogue.unit(panel.metric).rawValue))", x: (frame.left + frame.right) / 2,
                           y: bottom + 30, size: 11, anchor: .middle, fill: Palette.muted)
            // On the axis-label line, at the better end, clear of the metric's name.
            frame.svg.text(higher ? "better →" : "← better", x: higher ? frame.right : frame.left, y: bottom + 30,
                           size: 12, anchor: higher ? .end : .start, fill: Palette.green, bold: true)
            y = bottom + 42
        }
        let note = """
            Each row is a scenario's mean paired difference to \(baseline) (same seeds, so the same use \
            cases: common random numbers) with its 95% confidence interval; an interval that does not \
            cross the dashed zero line is a difference the replications can tell apart from noise. \
            Green labels show which side is better; ★ marks the best scenario for that metric.
            """
        return Chart(name: "forest", title: title, svg: frame.render(), note: note)
    }

    static func signed(_ x: Double) -> String {
        (x > 0 ? "+" : "") + MetricFormat.figure(x).replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
