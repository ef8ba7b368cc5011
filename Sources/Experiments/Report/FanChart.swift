import Foundation

/// Cumulative value over months as a fan of percentile bands, against cumulative cost, with
/// where the value overtakes the cost.
public enum FanChart {
    /// The quantile curves in pixels, month 0 first; each point is (x, y) for p5, p25, p50,
    /// p75, p95 in that order (y grows downwards, so p5 has the largest y).
    public struct Geometry: Sendable {
        public var months: [Double]
        public var quantiles: [[Double]]  // [month][p5, p25, p50, p75, p95], data units
        public var costLine: [Double]
    }

    /// Month 0 (nothing yet) followed by the month-end rows; percentiles are sorted per month
    /// so the bands never cross even if a file was edited by hand.
    public static func geometry(_ rows: [RunFolder.MonthRow], costPerMonth: Double) -> Geometry {
        var months = [0.0], quantiles = [[0.0, 0, 0, 0, 0]], cost = [0.0]
        for r in rows {
            months.append(r.month)
            quantiles.append([r.p5, r.p25, r.p50, r.p75, r.p95].sorted())
            cost.append(costPerMonth * r.month)
        }
        return Geometry(months: months, quantiles: quantiles, costLine: cost)
    }

    /// The first month at which `values` reaches `cost`, linearly interpolated; nil if never.
    static func crossing(_ months: [Double], _ values: [Double], _ cost: [Double]) -> Double? {
        for i in 1..<months.count where values[i] >= cost[i] && values[i] > 0 {
            let d0 = values[i - 1] - cost[i - 1], d1 = values[i] - cost[i]
            let f = d1 == d0 ? 1 : max(0, min(1, -d0 / (d1 - d0)))
            return months[i - 1] + f * (months[i] - months[i - 1])
        }
        return nil
    }

    public static func chart(_ run: RunFolder) -> Chart {
        let rows = run.series["cumulative_value"] ?? []
        let breakEven = run.summaries["break_even_month"]
        return chart(geometry(rows, costPerMonth: run.costPerMonth), breakEven: breakEven, source: run.source)
    }

    public static func chart(_ g: Geometry, breakEven: RunFolder.SummaryRow?, source: ChartSource) -> Chart {
        let title = "Cumulative value against cumulative cost, month by month"
        var frame = ChartFrame(title: title, caption: source.caption, height: 460, legendRows: 2)
        let top = max(g.quantiles.map { $0[4] }.max() ?? 0, g.costLine.max() ?? 0)
        // k$ becomes M$ when numbers would need five or more digits.
        let divisor = top >= 10_000 ? 1000.0 : 1
        let unit = divisor == 1 ? "k$" : "M$"
        let q = g.quantiles.map { $0.map { $0 / divisor } }
        let cost = g.costLine.map { $0 / divisor }
        let x = frame.xAxis(NiceTicks(min: 0, max: g.months.last ?? 1, count: 6), label: "month")
        let y = frame.yAxis(NiceTicks(min: 0, max: top / divisor, count: 6), label: "cumulative (\(unit), undiscounted)")

        // The break-even region: from where the optimistic edge (p95) first reaches the cost to
        // where the pessimistic edge (p5) does, or the horizon if it never does.
        let p95Cross = crossing(g.months, q.map { $0[4] }, cost)
        let p50Cross = crossing(g.months, q.map { $0[2] }, cost)
        let p5Cross = crossing(g.months, q.map { $0[0] }, cost)
        if let start = p95Cross, let end = p5Cross ?? g.months.last {
            frame.svg.rect(x: x(start), y: frame.top, width: x(end) - x(start), height: frame.plotHeight,
                           fill: Palette.green, opacity: 0.10)
        }
        func band(_ lo: Int, _ hi: Int, _ opacity: Double) {
            let upper = g.months.indices.map { (x(g.months[$0]), y(q[$0][hi])) }
            let lower = g.months.indices.reversed().map { (x(g.months[$0]), y(q[$0][lo])) }
            frame.svg.polygon(upper + lower, fill: Palette.blue, opacity: opacity)
        }
        band(0, 4, 0.18)
        band(1, 3, 0.30)
        frame.svg.polyline(g.months.indices.map { (x(g.months[$0]), y(q[$0][2])) }, stroke: Palette.blue, width: 2.5)
        frame.svg.polyline(g.months.indices.map { (x(g.months[$0]), y(cost[$0])) }, stroke: Palette.vermillion,
                           width: 2.5, dash: "7 4")
        if let m = p50Cross {
            frame.svg.line(x1: x(m), y1: frame.top + 18, x2: x(m), y2: frame.bottom, stroke: Palette.black, dash: "3 3")
            frame.svg.circle(x: x(m), y: y(cost[0] + (cost.last ?? 0) * m / (g.months.last ?? 1)), r: 4, fill: Palette.black)
        }
        // One line of text at the top of the plot: what the green band and the dashed line mean.
        var marks: [String] = []
        if let s = p95Cross { marks.append("p95 reaches cost at month \(MetricFormat.figure(s))") }
        if let m = p50Cross { marks.append("median at \(MetricFormat.figure(m))") } else { marks.append("median never within the horizon") }
        if let e = p5Cross { marks.append("p5 at \(MetricFormat.figure(e))") } else if p95Cross != nil { marks.append("p5 never") }
        frame.svg.text("break-even: " + marks.joined(separator: " · "), x: frame.left + 8, y: frame.top + 14,
                       size: 12, fill: Palette.text)
        frame.legend([(.swatch(Palette.blue, 0.18), "value p5–p95"), (.swatch(Palette.blue, 0.48), "value p25–p75"),
                      (.line(Palette.blue, nil), "value median"), (.line(Palette.vermillion, "7 4"), "cumulative cost"),
                      (.swatch(Palette.green, 0.25), "break-even region (band crosses cost)")])

        var note = """
            Bands are percentiles over replications of the value realized up to each month end \
            (undiscounted k$); the cost line is (delivery + foundation squads) × cost per squad-month × \
            month, the same in every replication. The green region runs from where the p95 curve \
            reaches the cost to where the p5 curve does (or the horizon): inside it, some \
            replications have paid back and some have not.
            """
        if let b = breakEven {
            let share = Double(b.n) / Double(max(1, source.replications)) * 100
            note += " Per replication, \(b.n) of \(source.replications) (\(String(format: "%.0f", share))%) broke even within the horizon"
            if let p50 = b.p50 { note += ", at a median month of \(MetricFormat.figure(p50)) among those" }
            note += "."
        }
        return Chart(name: "fan", title: title, svg: frame.render(), note: note)
    }
}
