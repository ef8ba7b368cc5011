/// Each policy's outcome across worlds, one panel per metric: a dot per world (its mean over the
/// replications), the p10–p90 band and the median, so a reader sees spread and overlap at once.
enum OutcomeStripChart {
    struct Panel {
        var metric: String
        /// Per policy, the world means (undefined left out).
        var values: [[Double]]
    }

    static let rowHeight = 26.0

    static func chart(_ panels: [Panel], policies: [String], source: ChartSource) -> Chart {
        let title = "Outcome of each policy across worlds"
        let labelColumn = max(120, (policies.map { SVG.textWidth($0, size: 12) }.max() ?? 0) + 24)
        var height = 64.0
        for _ in panels { height += 24 + Double(policies.count) * rowHeight + 42 }
        var frame = ChartFrame(title: title, caption: source.caption, height: height + 28, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: 24, bottomMargin: 28)
        frame.legend([(.dot(Palette.blue), "one world (mean over its replications)"),
                      (.swatch(Palette.blue, 0.25), "p10 – p90 of worlds"), (.line(Palette.black, nil), "median")])
        var y = 64.0
        for panel in panels {
            let higher = MetricCatalogue.higherIsBetter(panel.metric)
            frame.svg.text(MetricCatalogue.label(panel.metric), x: 16, y: y + 14, size: 13, bold: true)
            let all = panel.values.flatMap { $0 }
            let ticks = NiceTicks(min: all.min() ?? 0, max: all.max() ?? 1, count: 6)
            let x = LinearScale(domain: (ticks.lower, ticks.upper), range: (frame.left, frame.right))
            y += 24
            let bottom = y + Double(policies.count) * rowHeight
            for v in ticks.values {
                frame.svg.line(x1: x(v), y1: y, x2: x(v), y2: bottom, stroke: Palette.grid)
                frame.svg.text(ticks.label(v), x: x(v), y: bottom + 15, size: 11, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.line(x1: frame.left, y1: bottom, x2: frame.right, y2: bottom, stroke: Palette.axis)
            for (p, name) in policies.enumerated() {
                let cy = y + rowHeight / 2
                let color = Palette.series[p % Palette.series.count]
                frame.svg.text(name, x: frame.left - 10, y: cy + 4, size: 12, anchor: .end)
                let sorted = panel.values[p].sorted()
                if !sorted.isEmpty {
                    let p10 = Percentile.linear(sorted, 0.1), p90 = Percentile.linear(sorted, 0.9)
                    frame.svg.rect(x: x(p10), y: cy - 8, width: max(1, x(p90) - x(p10)), height: 16, fill: color, opacity: 0.25)
                    // A fixed vertical spread by world order, so the picture is the same every time.
                    for (i, v) in panel.values[p].enumerated() {
                        frame.svg.circle(x: x(v), y: cy - 6 + Double((i * 7) % 13), r: 1.8, fill: color)
                    }
                    let median = Percentile.linear(sorted, 0.5)
                    frame.svg.line(x1: x(median), y1: cy - 11, x2: x(median), y2: cy + 11, stroke: Palette.black, width: 2)
                }
                y += rowHeight
            }
            frame.svg.text(MetricCatalogue.axisLabel(panel.metric), x: (frame.left + frame.right) / 2, y: bottom + 30,
                           size: 11, anchor: .middle, fill: Palette.muted)
            frame.svg.text(higher ? "better →" : "← better", x: higher ? frame.right : frame.left, y: bottom + 30,
                           size: 12, anchor: higher ? .end : .start, fill: Palette.green, bold: true)
            y = bottom + 42
        }
        let note = """
            Each dot is one sampled world: the policy's mean over that world's replications. The band \
            spans the 10th to 90th percentile of worlds and the bar is the median. Policies in one world \
            share its replications (common random numbers), so a policy to the better side in most worlds \
            is robust; overlapping bands alone do not say which policy wins in a given world (see regret).
            """
        return Chart(name: "explore-outcomes", title: title, svg: frame.render(), note: note)
    }
}
