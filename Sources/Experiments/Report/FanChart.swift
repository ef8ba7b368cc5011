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
    /// so the bands never cross even if a file was edited by hand. The cost line is the mean of
    /// the `cumulative_cost` series where the folder has it (pilot, scale-up and run costs make
    /// it vary), else the squads' constant rate × month.
    public static func geometry(_ rows: [RunFolder.MonthRow], costPerMonth: Double,
                                costSeries: [RunFolder.MonthRow]? = nil) -> Geometry {
        var months = [0.0], quantiles = [[0.0, 0, 0, 0, 0]], cost = [0.0]
        let costByMonth = costSeries.map { Dictionary($0.map { ($0.month, $0.mean) }, uniquingKeysWith: { a, _ in a }) }
        for r in rows {
            months.append(r.month)
            quantiles.append([r.p5, r.p25, r.p50, r.p75, r.p95].sorted())
            cost.append(costByMonth?[r.month] ?? costPerMonth * r.month)
        }
        return Geometry(months: months, quantiles: quantiles, costLine: cost)
    }

    /// The geometry of a run folder's value and cost.
    public static func geometry(_ run: RunFolder) -> Geometry {
        geometry(run.series["cumulative_value"] ?? [], costPerMonth: run.costPerMonth, costSeries: run.series["cumulative_cost"])
    }

    public static func chart(_ run: RunFolder) -> Chart {
        chart(geometry(run), breakEven: run.summaries["break_even_month"], source: run.source)
    }

    public static func chart(_ g: Geometry, breakEven: RunFolder.SummaryRow?, source: ChartSource) -> Chart {
        let title = "Cumulative value against cumulative cost, month by month"
        var frame = ChartFrame(title: title, caption: source.caption, height: 440, legendRows: 1)
        let top = max(g.quantiles.map { $0[4] }.max() ?? 0, g.costLine.max() ?? 0)
        // k$ becomes M$ when numbers would need five or more digits.
        let divisor = top >= 10_000 ? 1000.0 : 1
        let unit = divisor == 1 ? "k$" : "M$"
        let q = g.quantiles.map { $0.map { $0 / divisor } }
        let cost = g.costLine.map { $0 / divisor }
        let x = frame.xAxis(NiceTicks(min: 0, max: g.months.last ?? 1, count: 6), label: "month")
        let y = frame.yAxis(NiceTicks(min: 0, max: top / divisor, count: 6), label: "cumulative (\(unit), undiscounted)")

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
        frame.legend([(.swatch(Palette.blue, 0.18), "value p5–p95"), (.swatch(Palette.blue, 0.48), "value p25–p75"),
                      (.line(Palette.blue, nil), "value median"), (.line(Palette.vermillion, "7 4"), "cumulative cost")])

        var note = """
            Bands are percentiles over replications of the value realized up to each month end \
            (undiscounted k$); the cost line is the mean cumulative cost (squads, and pilots, scale-ups and \
            running systems where they are priced). The median curve is not any one replication's path, \
            so where it crosses the cost line is not the median break-even month: the next chart shows \
            the share of replications broken even by each month.
            """
        if let b = breakEven {
            note += " \(b.n) of \(source.replications) replications (\(FigureFormat.percent(Double(b.n) / Double(max(1, source.replications))))) broke even within the horizon"
            if let p50 = b.p50 { note += ", at a median month of \(FigureFormat.number(p50)) among those" }
            note += "."
        }
        return Chart(name: "fan", title: title, svg: frame.render(), note: note)
    }
}
