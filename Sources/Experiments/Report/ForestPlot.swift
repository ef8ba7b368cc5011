/// One metric: each scenario's paired difference to the baseline with its 95% interval, the
/// baseline itself on the zero line, and the MCB mark of each: which operating model beats the
/// baseline, by how much, and how sure we are. One slide-sized chart per metric.
public enum ForestPlot {
    public struct Row: Sendable, Equatable {
        public var scenario: String
        public var diff: Double
        public var low: Double
        public var high: Double
        public var mark: BestMark = .none

        public init(scenario: String, diff: Double, low: Double, high: Double, mark: BestMark = .none) {
            self.scenario = scenario
            self.diff = diff
            self.low = low
            self.high = high
            self.mark = mark
        }
    }

    public struct Panel: Sendable {
        public var metric: String
        public var rows: [Row]
        /// The baseline's own mark (it is eligible for ★ like any other scenario).
        public var baselineMark: BestMark = .none
        /// The baseline's mean, for the "% of baseline" scale; nil or 0 leaves that scale out.
        public var baselineMean: Double?

        public init(metric: String, rows: [Row], baselineMark: BestMark = .none, baselineMean: Double? = nil) {
            self.metric = metric
            self.rows = rows
            self.baselineMark = baselineMark
            self.baselineMean = baselineMean
        }
    }

    static let rowHeight = 26.0

    public static func chart(_ panel: Panel, baseline: String, source: ChartSource) -> Chart {
        let metric = panel.metric, label = MetricLabels.label(metric)
        let higher = MetricLabels.higherIsBetter(metric)
        let title = "How each scenario changes \(label) against \(baseline)"
        let all = [Row(scenario: baseline, diff: 0, low: 0, high: 0, mark: panel.baselineMark)] + panel.rows
        let suffix = baseline == "baseline" ? "" : " (baseline)"
        let names = all.map { "★ " + $0.scenario + suffix }
        let labelColumn = max(120, (names.map { SVG.textWidth($0, size: 12) }.max() ?? 0) + 24)
        let s = MetricLabels.scale(metric)
        func valueText(_ row: Row) -> String {
            "\(MetricLabels.difference(row.diff, metric)) " + FigureFormat.interval(FigureFormat.signed(row.low * s), FigureFormat.signed(row.high * s))
        }
        let valueColumn = max(90, (panel.rows.map { SVG.textWidth(valueText($0), size: 11) }.max() ?? 0) * 0.9 + 16)
        let relative = panel.baselineMean.flatMap { $0 != 0 && $0.isFinite ? $0 : nil }
        let height = 64 + (relative == nil ? 0 : 30) + Double(all.count) * rowHeight + 16 + 84
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: valueColumn, bottomMargin: 84,
                               topExtra: relative == nil ? 0 : 30)
        frame.legend([(.dot(Palette.blue), "mean paired difference"), (.line(Palette.blue, nil), "95% interval"),
                      (.dot(Palette.vermillion), "★ best (MCB)"), (.dot(Palette.orange), "☆ contender, no clear best")])
        let values: [Double] = all.flatMap { [$0.low * s, $0.high * s, $0.diff * s] } + [0]
        let ticks = NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 6)
        let x = frame.xAxis(ticks, label: "difference to \(baseline) (\(MetricLabels.differenceUnit(metric)))")
        if let base = relative {
            // The same axis read as % of the baseline's mean, on top.
            let pct = [ticks.lower, ticks.upper].map { $0 / s / abs(base) * 100 }
            let pTicks = NiceTicks(min: pct.min()!, max: pct.max()!, count: 5)
            for v in pTicks.values {
                let px = x(v / 100 * abs(base) * s)
                guard px >= frame.left - 0.5 && px <= frame.right + 0.5 else { continue }
                frame.svg.line(x1: px, y1: frame.top - 4, x2: px, y2: frame.top, stroke: Palette.axis)
                frame.svg.text(pTicks.label(v) + "%", x: px, y: frame.top - 8, size: 11, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.line(x1: frame.left, y1: frame.top, x2: frame.right, y2: frame.top, stroke: Palette.axis)
            frame.svg.text("% of \(baseline)'s mean (\(MetricLabels.value(base, metric)))", x: (frame.left + frame.right) / 2,
                           y: frame.top - 24, size: 11, anchor: .middle, fill: Palette.muted)
        }
        frame.svg.line(x1: x(0), y1: frame.top, x2: x(0), y2: frame.bottom, stroke: Palette.black, width: 1.5, dash: "4 3")
        var y = frame.top + 8
        for (i, row) in all.enumerated() {
            let cy = y + rowHeight / 2
            let color = row.mark == .best ? Palette.vermillion : row.mark == .contender ? Palette.orange : Palette.blue
            let name = (row.mark.symbol.isEmpty ? "" : row.mark.symbol + " ") + row.scenario + (i == 0 ? suffix : "")
            frame.svg.text(name, x: frame.left - 10, y: cy + 4, size: 12, anchor: .end, bold: row.mark == .best)
            if i == 0 {
                frame.svg.circle(x: x(0), y: cy, r: 4.5, fill: "#ffffff", stroke: color)
                frame.svg.text("reference", x: frame.right + 8, y: cy + 4, size: 11, fill: Palette.muted)
            } else {
                frame.svg.line(x1: x(row.low * s), y1: cy, x2: x(row.high * s), y2: cy, stroke: color, width: 2.5)
                frame.svg.circle(x: x(row.diff * s), y: cy, r: 4.5, fill: color)
                frame.svg.text(valueText(row), x: frame.right + 8, y: cy + 4, size: 11, fill: Palette.text)
            }
            y += rowHeight
        }
        // Under the axis label, at the better end.
        frame.svg.text(higher ? "better →" : "← better", x: higher ? frame.right : frame.left, y: frame.bottom + 56,
                       size: 12, anchor: higher ? .end : .start, fill: Palette.green, bold: true)
        let clear = all.contains { $0.mark == .best }
        let verdict = clear ? "★ \(all.first { $0.mark == .best }!.scenario) is the best at 95%."
            : all.contains { $0.mark == .contender } ? "No clear best: the ☆ scenarios cannot be told apart at 95%." : ""
        let note = """
            \(verdict) Each row is a scenario's mean paired difference to \(baseline) on \(label) (same \
            seeds, so the same use cases: common random numbers) with its 95% confidence interval, \
            Bonferroni-adjusted over the \(panel.rows.count) comparison(s); an interval clear of the \
            dashed zero line is a difference the replications can tell from noise. \(BestMark.legend)
            """
        return Chart(name: "forest-" + metric, title: title, svg: frame.render(), note: note)
    }
}
