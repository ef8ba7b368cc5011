import Foundation

/// A compare folder's scenarios side by side on shared axes, from their run folders: funnels,
/// time to value, value against cost, the chance of having broken even, and risk against return.
enum SideBySide {
    static func charts(_ runs: [(String, RunFolder)], source: ChartSource) -> [Chart] {
        var charts = [riskReturn(runs, source: source), npvDistribution(runs, source: source), funnels(runs, source: source)]
        for origin in [TimeToValueChart.Origin.program, .useCase] {
            charts.append(TimeToValueChart.chart(origin, runs.map { TimeToValueChart.series(origin, $0.1, name: $0.0) },
                                                 source: source))
        }
        charts.append(valueAgainstCost(runs, source: source))
        charts.append(BreakEvenChart.chart(runs.map { BreakEvenChart.series($0.1) },
                                           horizon: runs.map(\.1.horizonMonths).max() ?? 60, source: source))
        if let time = WhereTheTimeGoes.chart(runs, source: source) { charts.append(time) }
        return charts
    }

    /// Columns of small multiples for `k` panels: up to three side by side.
    static func columns(_ k: Int) -> Int { k <= 2 ? k : k == 4 ? 2 : 3 }

    /// Each scenario's funnel in its own panel, all on one scale, with each step's conversion
    /// from the step before.
    static func funnels(_ runs: [(String, RunFolder)], source: ChartSource) -> Chart {
        let title = "The funnel of each scenario, on one scale"
        let steps = runs.map { FunnelChart.steps($0.1) }
        let labels = steps.first?.map(\.label) ?? []
        let cols = columns(runs.count), rowsOfPanels = (runs.count + cols - 1) / cols
        let labelColumn = (labels.map { SVG.textWidth($0, size: 11) }.max() ?? 80) + 24
        let barHeight = 15.0, panelHeight = 22 + Double(labels.count) * (barHeight + 4) + 14
        let height = 64 + Double(rowsOfPanels) * panelHeight + 40
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: 12, bottomMargin: 40)
        frame.legend([(.swatch(Palette.blue, 0.85), "mean use cases per replication, with % of the step before")])
        let panelWidth = frame.plotWidth / Double(cols)
        let top = steps.flatMap { $0.compactMap(\.summary.mean) }.max() ?? 1
        let textRoom = 74.0
        for (i, (name, _)) in runs.enumerated() {
            let px = frame.left + Double(i % cols) * panelWidth, py = frame.top + Double(i / cols) * panelHeight
            frame.svg.text(name, x: px + 4, y: py + 14, size: 12, bold: true)
            let scale = (panelWidth - textRoom - 8) / top
            for (j, step) in steps[i].enumerated() {
                let y = py + 22 + Double(j) * (barHeight + 4)
                if i % cols == 0 {
                    frame.svg.text(step.label, x: frame.left - 8, y: y + 11, size: 11, anchor: .end)
                }
                let mean = step.summary.mean ?? 0
                frame.svg.rect(x: px + 4, y: y, width: mean * scale, height: barHeight, fill: Palette.blue, opacity: 0.85)
                var text = FunnelChart.count(mean)
                if j > 0, let before = steps[i][j - 1].summary.mean, before > 0 {
                    text += " (\(FigureFormat.percent(mean / before)))"
                }
                frame.svg.text(text, x: px + 8 + mean * scale, y: y + 11, size: 10.5, fill: Palette.text)
            }
        }
        let note = """
            Each panel is one scenario's funnel (means per replication over \(source.replications) \
            replications); bars share one scale across panels. The percentage is the step's mean over \
            the mean of the step before: the conversion at that step. Losses and work in progress per \
            step are in each scenario's own run report.
            """
        return Chart(name: "funnels", title: title, svg: frame.render(), note: note)
    }

    /// Median cumulative value (p25–p75 band) against each scenario's cumulative cost, one panel
    /// per scenario on shared axes.
    static func valueAgainstCost(_ runs: [(String, RunFolder)], source: ChartSource) -> Chart {
        let title = "Cumulative value against cumulative cost, by scenario"
        let cols = columns(runs.count), rowsOfPanels = (runs.count + cols - 1) / cols
        let panelHeight = rowsOfPanels == 1 ? 300.0 : rowsOfPanels == 2 ? 170 : 120
        let height = 64 + Double(rowsOfPanels) * panelHeight + 60
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: 64, rightMargin: 12, bottomMargin: 60)
        frame.legend([(.band(Palette.blue, 0.3, nil), "value: median, p25–p75"), (.line(Palette.vermillion, "7 4"), "cumulative cost")])
        let geometries = runs.map { FanChart.geometry($0.1) }
        let top = geometries.flatMap { g in g.quantiles.map { $0[3] } + g.costLine }.max() ?? 1
        let divisor = top >= 10_000 ? 1000.0 : 1
        let unit = divisor == 1 ? "k$" : "M$"
        let months = geometries.compactMap { $0.months.last }.max() ?? 1
        let yTicks = NiceTicks(min: 0, max: top / divisor, count: 3), xTicks = NiceTicks(min: 0, max: months, count: 4)
        let panelWidth = frame.plotWidth / Double(cols)
        for (i, (name, _)) in runs.enumerated() {
            let g = geometries[i]
            let px = frame.left + Double(i % cols) * panelWidth, py = frame.top + Double(i / cols) * panelHeight
            let x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (px + 8, px + panelWidth - 8))
            let y = LinearScale(domain: (yTicks.lower, yTicks.upper), range: (py + panelHeight - 22, py + 20))
            for v in yTicks.values {
                frame.svg.line(x1: x(xTicks.lower), y1: y(v), x2: x(xTicks.upper), y2: y(v), stroke: Palette.grid)
                if i % cols == 0 {
                    frame.svg.text(yTicks.label(v), x: px + 2, y: y(v) + 4, size: 10, anchor: .end, fill: Palette.muted)
                }
            }
            for v in xTicks.values {
                frame.svg.text(xTicks.label(v), x: x(v), y: py + panelHeight - 8, size: 10, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.text(name, x: px + 10, y: py + 14, size: 12, bold: true)
            let upper = g.months.indices.map { (x(g.months[$0]), y(g.quantiles[$0][3] / divisor)) }
            let lower = g.months.indices.reversed().map { (x(g.months[$0]), y(g.quantiles[$0][1] / divisor)) }
            frame.svg.polygon(upper + lower, fill: Palette.blue, opacity: 0.3)
            frame.svg.polyline(g.months.indices.map { (x(g.months[$0]), y(g.quantiles[$0][2] / divisor)) }, stroke: Palette.blue, width: 2)
            frame.svg.polyline(g.months.indices.map { (x(g.months[$0]), y(g.costLine[$0] / divisor)) },
                               stroke: Palette.vermillion, width: 2, dash: "7 4")
        }
        frame.svg.text("month", x: (frame.left + frame.right) / 2, y: frame.bottom + 28, size: 12, anchor: .middle)
        frame.svg.text("cumulative (\(unit), undiscounted)", x: 16, y: (frame.top + frame.bottom) / 2, size: 12,
                       anchor: .middle, rotate: -90)
        let note = """
            Each panel: the median and p25–p75 over replications of the value realized by each month \
            end, against that scenario's mean cumulative cost. All \
            panels share both axes.
            """
        return Chart(name: "value-against-cost", title: title, svg: frame.render(), note: note)
    }

    /// Mean NPV against the chance of a negative NPV: up and to the left is better.
    static func riskReturn(_ runs: [(String, RunFolder)], source: ChartSource) -> Chart {
        let title = "Risk against return: mean NPV and the chance of losing money"
        var frame = ChartFrame(title: title, caption: source.caption, height: 440, legendRows: 1, leftMargin: 84)
        frame.legend([(.dot(Palette.blue), "scenario: mean NPV with its 95% interval"),
                      (.line(Palette.black, "4 3"), "NPV 0")])
        let points = runs.map { name, run -> (String, Double, Double?, Double?, Double?) in
            let v = run.values("npv")
            let loss = v.values.isEmpty ? 0 : Double(v.values.filter { $0 < 0 }.count) / Double(v.values.count) * 100
            let s = run.summaries["npv"]
            return (name, loss, s?.mean, s?.ci95Low, s?.ci95High)
        }
        let ys: [Double] = points.flatMap { [$0.2, $0.3, $0.4].compactMap { $0 } } + [0]
        let x = frame.xAxis(NiceTicks(min: 0, max: max(10, points.map(\.1).max() ?? 100), count: 5),
                            label: "replications with NPV below 0 (%) — less is safer")
        let y = frame.yAxis(NiceTicks(min: ys.min() ?? 0, max: ys.max() ?? 1, count: 6), label: "mean NPV (k$)")
        frame.svg.line(x1: frame.left, y1: y(0), x2: frame.right, y2: y(0), stroke: Palette.black, dash: "4 3")
        let placed = points.compactMap { p in p.2.map { (x(p.1), y($0)) } }
        var placer = LabelPlacer(points: placed, bounds: FunnelChart.Box(x: frame.left + 2, y: frame.top + 2,
                                                                         width: frame.plotWidth - 4, height: frame.plotHeight - 4))
        for p in points {
            guard let m = p.2 else { continue }
            if let lo = p.3, let hi = p.4 {
                frame.svg.line(x1: x(p.1), y1: y(lo), x2: x(p.1), y2: y(hi), stroke: Palette.blue, width: 2)
                placer.block(FunnelChart.Box(x: x(p.1) - 2, y: y(hi), width: 4, height: y(lo) - y(hi)))
            }
            frame.svg.circle(x: x(p.1), y: y(m), r: 5, fill: Palette.blue)
        }
        for p in points {
            guard let m = p.2 else { continue }
            let w = SVG.textWidth(p.0, size: 11)
            let (box, leader) = placer.place(width: w, at: x(p.1), y(m))
            if leader {
                frame.svg.line(x1: x(p.1), y1: y(m), x2: box.x + (box.x > x(p.1) ? 0 : w), y2: box.y + 7,
                               stroke: Palette.axis, width: 0.8)
            }
            frame.svg.text(p.0, x: box.x, y: box.y + 11, size: 11)
        }
        let note = """
            One point per scenario: across \(source.replications) replications, the share whose NPV is \
            negative (x) and the mean NPV with its 95% interval (y). Up and to the left is more value \
            for less risk; a scenario above and left of another dominates it.
            """
        return Chart(name: "risk-return", title: title, svg: frame.render(), note: note)
    }

    /// Each scenario's NPV distribution: p5–p95 whiskers, p25–p75 box, median and mean.
    static func npvDistribution(_ runs: [(String, RunFolder)], source: ChartSource) -> Chart {
        let title = "How NPV is spread across replications, by scenario"
        let labelColumn = max(100, (runs.map { SVG.textWidth($0.0, size: 12) }.max() ?? 0) + 24)
        let rowHeight = 28.0
        let height = 64 + Double(runs.count) * rowHeight + 16 + 64
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: 24)
        frame.legend([(.swatch(Palette.blue, 0.35), "p25–p75"), (.line(Palette.blue, nil), "p5–p95"),
                      (.line(Palette.black, nil), "median"), (.dot(Palette.vermillion), "mean")])
        let summaries = runs.map { $0.1.summaries["npv"] }
        let values: [Double] = summaries.flatMap { s -> [Double] in [s?.p5, s?.p95, s?.mean].compactMap { $0 } } + [0]
        let x = frame.xAxis(NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 6), label: "NPV (k$)")
        frame.svg.line(x1: x(0), y1: frame.top, x2: x(0), y2: frame.bottom, stroke: Palette.black, dash: "4 3")
        var y = frame.top + 8
        for ((name, _), s) in zip(runs, summaries) {
            let cy = y + rowHeight / 2
            frame.svg.text(name, x: frame.left - 10, y: cy + 4, size: 12, anchor: .end)
            if let s, let p5 = s.p5, let p25 = s.p25, let p50 = s.p50, let p75 = s.p75, let p95 = s.p95 {
                frame.svg.line(x1: x(p5), y1: cy, x2: x(p95), y2: cy, stroke: Palette.blue, width: 1.5)
                frame.svg.rect(x: x(p25), y: cy - 8, width: x(p75) - x(p25), height: 16, fill: Palette.blue, opacity: 0.35)
                frame.svg.line(x1: x(p50), y1: cy - 8, x2: x(p50), y2: cy + 8, stroke: Palette.black, width: 2)
            }
            if let m = s?.mean { frame.svg.circle(x: x(m), y: cy, r: 4, fill: Palette.vermillion) }
            y += rowHeight
        }
        let note = """
            Percentiles over \(source.replications) replications of each scenario's NPV (k$, discounted); \
            the dashed line is NPV 0. Where the box lies left of it, most replications lose money.
            """
        return Chart(name: "npv-distribution", title: title, svg: frame.render(), note: note)
    }
}
