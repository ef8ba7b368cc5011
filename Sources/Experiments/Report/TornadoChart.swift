/// One-at-a-time sensitivity: for one metric, how far it moves when each parameter goes from
/// its low to its high value, largest swing on top.
public enum TornadoChart {
    public struct Bar: Sendable, Equatable {
        public var parameter: String
        public var lowValue: String
        public var highValue: String
        public var atLow: Double
        public var atHigh: Double
    }

    static let rowHeight = 30.0

    public static func chart(metric: String, bars unsorted: [Bar], source: ChartSource) -> Chart {
        let bars = unsorted.sorted { abs($0.atHigh - $0.atLow) > abs($1.atHigh - $1.atLow) }
        let label = MetricCatalogue.label(metric)
        let title = "What moves \(label) most: one parameter at a time"
        let labelColumn = max(120, (bars.map { SVG.textWidth($0.parameter, size: 12) }.max() ?? 0) + 28)
        // Room either side of the bars for the parameter values printed at their ends.
        let endRoom = (bars.flatMap { [$0.lowValue, $0.highValue] }.map { SVG.textWidth("= " + $0, size: 11) }.max() ?? 0) + 10
        let height = 64 + Double(bars.count) * rowHeight + 90
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn + endRoom, rightMargin: 16 + endRoom)
        frame.legend([(.swatch(Palette.orange, 0.85), "parameter at its low value"),
                      (.swatch(Palette.blue, 0.85), "parameter at its high value")])
        let values = bars.flatMap { [$0.atLow, $0.atHigh] }
        let ticks = NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 6)
        let x = frame.xAxis(ticks, label: MetricCatalogue.axisLabel(metric))
        var y = frame.top + 6
        for bar in bars {
            let mid = (bar.atLow + bar.atHigh) / 2
            // Each half runs from the midpoint of the swing to the metric at that end, so the
            // colour says which end of the parameter range gives which result.
            // Each end's label goes outward from the bar; with no swing at all the low value's
            // label goes left and the high value's right, so the two never overprint.
            for (end, color, text, right) in [(bar.atLow, Palette.orange, bar.lowValue, bar.atLow > bar.atHigh),
                                              (bar.atHigh, Palette.blue, bar.highValue, bar.atHigh >= bar.atLow)] {
                frame.svg.rect(x: min(x(mid), x(end)), y: y, width: abs(x(end) - x(mid)), height: rowHeight - 10,
                               fill: color, opacity: 0.85)
                frame.svg.text("= " + text, x: x(end) + (right ? 5 : -5), y: y + 15, size: 11,
                               anchor: right ? .start : .end, fill: Palette.muted)
            }
            frame.svg.text(bar.parameter, x: 16, y: y + 15, size: 12)
            y += rowHeight
        }
        let note = """
            Each bar spans \(label) with one parameter at its low and at its high value, all others \
            at the scenario's values; bars are sorted by swing, and the number at each end is the \
            parameter's value there. The split point is the middle of the swing, not the baseline.
            """
        return Chart(name: "tornado-" + metric, title: title, svg: frame.render(), note: note)
    }
}
