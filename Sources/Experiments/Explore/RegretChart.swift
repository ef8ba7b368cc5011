/// Regret per policy and metric: how much worse than the best policy of the same world each
/// policy is, on average, at the 90th percentile of worlds and at worst; with how often it is
/// best alone and best or tied.
enum RegretChart {
    struct Row {
        var policy: String
        var mean: Double
        var p90: Double
        var max: Double
        var shareBest: Double
        var shareBestOrTied: Double
    }

    struct Panel {
        var metric: String
        var rows: [Row]
    }

    static let rowHeight = 24.0

    static func chart(_ panels: [Panel], source: ChartSource) -> Chart {
        let title = "Regret: distance to the best policy of each world"
        let labelColumn = max(120, (panels.flatMap { $0.rows.map { SVG.textWidth($0.policy, size: 12) } }.max() ?? 0) + 24)
        let valueColumn = 190.0
        var height = 64.0
        for p in panels { height += 24 + Double(p.rows.count) * rowHeight + 42 }
        var frame = ChartFrame(title: title, caption: source.caption, height: height + 28, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: valueColumn, bottomMargin: 28)
        frame.legend([(.swatch(Palette.blue, 0.8), "mean regret"), (.dot(Palette.orange), "p90 of worlds"),
                      (.dot(Palette.vermillion), "worst world")])
        var y = 64.0
        for panel in panels {
            frame.svg.text(MetricCatalogue.label(panel.metric) + " — regret in \(MetricCatalogue.unit(panel.metric).rawValue), 0 is best",
                           x: 16, y: y + 14, size: 13, bold: true)
            let ticks = NiceTicks(min: 0, max: panel.rows.map(\.max).max() ?? 1, count: 5)
            let x = LinearScale(domain: (ticks.lower, ticks.upper), range: (frame.left, frame.right))
            y += 24
            let bottom = y + Double(panel.rows.count) * rowHeight
            for v in ticks.values {
                frame.svg.line(x1: x(v), y1: y, x2: x(v), y2: bottom, stroke: Palette.grid)
                frame.svg.text(ticks.label(v), x: x(v), y: bottom + 15, size: 11, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.line(x1: frame.left, y1: bottom, x2: frame.right, y2: bottom, stroke: Palette.axis)
            for row in panel.rows {
                let cy = y + rowHeight / 2
                frame.svg.text(row.policy, x: frame.left - 10, y: cy + 4, size: 12, anchor: .end)
                frame.svg.rect(x: x(0), y: cy - 7, width: max(1, x(row.mean) - x(0)), height: 14, fill: Palette.blue, opacity: 0.8)
                frame.svg.circle(x: x(row.p90), y: cy, r: 4, fill: Palette.orange)
                frame.svg.circle(x: x(row.max), y: cy, r: 4, fill: Palette.vermillion)
                let share = "best \(percent(row.shareBest)), best or tied \(percent(row.shareBestOrTied))"
                frame.svg.text(share, x: frame.right + 8, y: cy + 4, size: 11)
                y += rowHeight
            }
            y = bottom + 42
        }
        let note = """
            In each world the regret of a policy is the best policy's mean minus its own, in the metric's \
            better direction (0 for the best). A robust policy has small regret everywhere, not only on \
            average. "Best" counts worlds where the policy is best and its paired 95% interval separates \
            it from every other policy; "best or tied" adds the worlds where the difference to the best \
            is within the interval: a tie is a tie.
            """
        return Chart(name: "explore-regret", title: title, svg: frame.render(), note: note)
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
