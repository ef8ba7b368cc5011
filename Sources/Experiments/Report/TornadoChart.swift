/// One-at-a-time sensitivity: for one metric, how far it moves from the base scenario when each
/// parameter goes to its low and to its high value, largest swing on top. Bars start at the
/// base's value, so a lever whose base is one end of its range draws one side only.
public enum TornadoChart {
    public struct Bar: Sendable, Equatable {
        public var parameter: String
        public var lowValue: String
        public var highValue: String
        public var atLow: Double
        public var atHigh: Double
        /// 95% intervals of the metric at each end, from `points.csv`.
        public var lowInterval: ClosedRange<Double>?
        public var highInterval: ClosedRange<Double>?

        public init(parameter: String, lowValue: String, highValue: String, atLow: Double, atHigh: Double,
                    lowInterval: ClosedRange<Double>? = nil, highInterval: ClosedRange<Double>? = nil) {
            self.parameter = parameter
            self.lowValue = lowValue
            self.highValue = highValue
            self.atLow = atLow
            self.atHigh = atHigh
            self.lowInterval = lowInterval
            self.highInterval = highInterval
        }

        /// True when both ends' intervals contain the base value: the replications cannot tell
        /// this lever's effect from noise.
        public func withinNoise(base: Double) -> Bool {
            guard let l = lowInterval, let h = highInterval else { return false }
            return l.contains(base) && h.contains(base)
        }
    }

    static let rowHeight = 30.0

    /// - Parameters:
    ///   - base: the metric at the base scenario; nil for files written before the base point
    ///     existed, when bars are anchored at the middle of their swing (and the note says so).
    ///   - baseInterval: its 95% interval, drawn as a band behind the base line.
    public static func chart(metric: String, bars unsorted: [Bar], base: Double? = nil,
                             baseInterval: ClosedRange<Double>? = nil, source: ChartSource) -> Chart {
        let bars = unsorted.sorted { abs($0.atHigh - $0.atLow) > abs($1.atHigh - $1.atLow) }
        let label = MetricLabels.label(metric), s = MetricLabels.scale(metric)
        let title = "What moves \(label) most: one parameter at a time"
        let noise = base.map { b in bars.map { $0.withinNoise(base: b) } } ?? bars.map { _ in false }
        let names = zip(bars, noise).map { $0.parameter + ($1 ? " (within noise)" : "") }
        let labelColumn = max(120, (names.map { SVG.textWidth($0, size: 12) }.max() ?? 0) + 28)
        // Room either side of the bars for the parameter values printed at their ends.
        let endRoom = (bars.flatMap { [$0.lowValue, $0.highValue] }.map { SVG.textWidth("= " + $0, size: 11) }.max() ?? 0) + 14
        let legend: [(ChartFrame.Key, String)] = [(.swatch(Palette.orange, 0.85), "parameter at its low value"),
                                                  (.swatch(Palette.blue, 0.85), "at its high value"),
                                                  (.line(Palette.black, nil), "95% interval at each end")]
            + (base == nil ? [] : [(.line(Palette.black, "4 3"), "base scenario")])
        let rows = ChartFrame.legendRows(legend)
        let height = 64 + Double(rows - 1) * 20 + Double(bars.count) * rowHeight + 90
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: rows,
                               leftMargin: labelColumn + endRoom, rightMargin: 16 + endRoom)
        frame.legend(legend)
        let intervals = bars.flatMap { [$0.lowInterval, $0.highInterval].compactMap { $0 }.flatMap { [$0.lowerBound, $0.upperBound] } }
        let values = (bars.flatMap { [$0.atLow, $0.atHigh] } + intervals + [base].compactMap { $0 }).map { $0 * s }
        let ticks = NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 6)
        let x = frame.xAxis(ticks, label: MetricLabels.axisLabel(metric))
        if let b = baseInterval {
            frame.svg.rect(x: x(b.lowerBound * s), y: frame.top, width: x(b.upperBound * s) - x(b.lowerBound * s),
                           height: frame.plotHeight, fill: Palette.axis, opacity: 0.15)
        }
        var y = frame.top + 6
        for (bar, quiet) in zip(bars, noise) {
            let anchor = base ?? (bar.atLow + bar.atHigh) / 2
            // Each end's label goes outward from the bar; with no swing at all the low value's
            // label goes left and the high value's right, so the two never overprint.
            for (end, interval, color, text, right) in [(bar.atLow, bar.lowInterval, Palette.orange, bar.lowValue, bar.atLow > bar.atHigh),
                                                        (bar.atHigh, bar.highInterval, Palette.blue, bar.highValue, bar.atHigh >= bar.atLow)] {
                frame.svg.rect(x: min(x(anchor * s), x(end * s)), y: y, width: abs(x(end * s) - x(anchor * s)), height: rowHeight - 10,
                               fill: color, opacity: quiet ? 0.35 : 0.85)
                var outer = x(end * s)
                if let i = interval {
                    let cy = y + (rowHeight - 10) / 2 + (color == Palette.orange ? -3 : 3)
                    frame.svg.line(x1: x(i.lowerBound * s), y1: cy, x2: x(i.upperBound * s), y2: cy, stroke: Palette.black, width: 1.2)
                    outer = right ? max(outer, x(i.upperBound * s)) : min(outer, x(i.lowerBound * s))
                }
                frame.svg.text("= " + text, x: outer + (right ? 5 : -5), y: y + 15, size: 11,
                               anchor: right ? .start : .end, fill: Palette.muted)
            }
            frame.svg.text(bar.parameter + (quiet ? " (within noise)" : ""), x: 16, y: y + 15, size: 12,
                           fill: quiet ? Palette.muted : Palette.text)
            y += rowHeight
        }
        if let b = base {
            frame.svg.line(x1: x(b * s), y1: frame.top, x2: x(b * s), y2: frame.bottom, stroke: Palette.black, width: 1.5, dash: "4 3")
        }
        let anchorText = base.map { "Bars start at the base scenario's \(MetricLabels.value($0, metric)) (dashed line, its 95% interval shaded)" }
            ?? "This file has no base point, so each bar is split at the middle of its swing, not at the base"
        let note = """
            Each bar spans \(label) with one parameter at its low and at its high value, all others at the \
            scenario's values; bars are sorted by swing, and the text at each end is the parameter's value \
            there. \(anchorText). Black lines are each end's 95% interval; "within noise" marks a lever \
            whose both intervals contain the base value.
            """
        return Chart(name: "tornado-" + metric, title: title, svg: frame.render(), note: note)
    }
}
