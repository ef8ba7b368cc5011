import Foundation

/// How long until value arrives, one chart per origin (they are measured from different
/// moments, so they never share an axis): the distribution over replications (ECDF) of the
/// program's time to first value, from the start, and of the mean use-case time to value, from
/// each use case's arrival. One curve per scenario, medians and p90 marked.
public enum TimeToValueChart {
    public enum Origin: Sendable {
        case program, useCase

        var column: String { self == .program ? "time_to_first_value_months" : "mean_use_case_ttv_months" }
        var name: String { self == .program ? "time-to-first-value" : "use-case-time-to-value" }
        var title: String {
            self == .program ? "How long until the program's first value"
                : "How long a use case takes to reach value"
        }
        var axis: String {
            self == .program ? "months from the start of the program to the first value"
                : "mean months from a use case's arrival to its first value (per replication)"
        }
    }

    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        public var undefined: Int
        /// For use cases: (month m, share of the use cases that reached value whose time to
        /// value is at most m), pooled over use cases and replications. When present it is
        /// drawn instead of the replications' means.
        public var pooled: [(Double, Double)]?

        public init(name: String, values: [Double], undefined: Int, pooled: [(Double, Double)]? = nil) {
            self.name = name
            self.values = values
            self.undefined = undefined
            self.pooled = pooled
        }

        /// The month by which a share q of the pooled use cases had value, interpolated.
        func pooledQuantile(_ q: Double) -> Double? {
            guard let curve = pooled else { return nil }
            var previous = (0.0, 0.0)
            for point in curve {
                if point.1 >= q {
                    let f = point.1 == previous.1 ? 1 : (q - previous.1) / (point.1 - previous.1)
                    return previous.0 + f * (point.0 - previous.0)
                }
                previous = point
            }
            return nil
        }
    }

    /// The pooled distribution from `timeseries.csv`'s `use_cases_valued_within`: each month's
    /// mean count over the last month's (every use case valued within the horizon).
    public static func pooled(_ run: RunFolder) -> [(Double, Double)]? {
        guard let rows = run.series["use_cases_valued_within"], let total = rows.last?.mean, total > 0 else { return nil }
        return rows.map { ($0.month, $0.mean / total) }
    }

    public static func series(_ origin: Origin, _ run: RunFolder, name: String) -> Series {
        let v = run.values(origin.column)
        return Series(name: name, values: v.values, undefined: v.undefined, pooled: origin == .useCase ? pooled(run) : nil)
    }

    public static func charts(_ run: RunFolder) -> [Chart] {
        [Origin.program, .useCase].map { chart($0, [series($0, run, name: run.source.scenario)], source: run.source) }
    }

    public static func chart(_ origin: Origin, _ series: [Series], source: ChartSource) -> Chart {
        let single = series.count == 1
        let pooledLegend = origin == .useCase && series.allSatisfy { $0.pooled != nil }
        let colors = series.indices.map(ChartFrame.color), dashes = series.indices.map(ChartFrame.dash)
        let legend: [(ChartFrame.Key, String)] = single
            ? [(.line(colors[0], nil), pooledLegend ? "share of use cases valued by then" : "share of replications at or below"),
               (.dot(Palette.black), "median and p90")]
            : series.indices.map { (.line(colors[$0], dashes[$0]), series[$0].name) }
        var frame = ChartFrame(title: origin.title, caption: source.caption, height: 420,
                               legendRows: ChartFrame.legendRows(legend))
        frame.legend(legend)
        let isPooled = series.allSatisfy { $0.pooled != nil } && origin == .useCase
        let all = isPooled ? series.flatMap { s in s.pooled!.filter { $0.1 < 0.999 }.map(\.0) + [s.pooled!.first { $0.1 >= 0.999 }?.0 ?? 0] }
            : series.flatMap(\.values)
        let xTicks = NiceTicks(min: 0, max: all.max() ?? 1, count: 8)
        let x = frame.xAxis(xTicks, label: isPooled ? "months from a use case's arrival to its first value" : origin.axis)
        let y = frame.yAxis(NiceTicks(min: 0, max: 100, count: 5),
                            label: isPooled ? "use cases valued by then (%)" : "replications at or below (%)")
        if isPooled {
            for (i, s) in series.enumerated() {
                let curve = [(0.0, 0.0)] + s.pooled!.filter { $0.0 <= xTicks.upper }
                frame.svg.polyline(curve.map { (x($0.0), y($0.1 * 100)) }, stroke: colors[i], width: 2.5, dash: dashes[i])
                guard single else { continue }
                for (q, name) in [(0.5, "median"), (0.9, "p90")] {
                    guard let v = s.pooledQuantile(q) else { continue }
                    frame.svg.line(x1: x(v), y1: y(q * 100), x2: x(v), y2: y(0), stroke: colors[i], width: 1, dash: "3 3")
                    frame.svg.circle(x: x(v), y: y(q * 100), r: 4.5, fill: Palette.black)
                    frame.svg.text("\(name) \(FigureFormat.number(v)) months", x: x(v) + 8, y: y(q * 100) + 14,
                                   size: 12, fill: Palette.text, bold: true)
                }
            }
        }
        for (i, s) in series.enumerated() where !s.values.isEmpty && !isPooled {
            let values = s.values.sorted()
            // Steps over the defined values, as a share of all replications: undefined ones
            // never reach value, so the curve ends below 100% when there are any.
            let points = ChartFrame.ecdf(values, total: values.count + s.undefined, end: xTicks.upper, x: x, y: y)
            frame.svg.polyline(points, stroke: colors[i], width: 2.5, dash: dashes[i])
            guard single else { continue }
            for (q, name) in [(0.5, "median"), (0.9, "p90")] {
                let v = Percentile.linear(values, q)
                frame.svg.line(x1: x(v), y1: y(q * 100), x2: x(v), y2: y(0), stroke: colors[i], width: 1, dash: "3 3")
                frame.svg.circle(x: x(v), y: y(q * 100), r: 4.5, fill: Palette.black)
                frame.svg.text("\(name) \(FigureFormat.number(v)) months", x: x(v) + 8, y: y(q * 100) + 14,
                               size: 12, fill: Palette.text, bold: true)
            }
        }
        let undefined = series.map { "\($0.name) \($0.undefined)" }.joined(separator: ", ")
        let what = origin == .program
            ? "Time to first value is the first moment any use case of the program has value."
            : "Use-case time to value is, per replication, the mean over the use cases that reached value of first value minus arrival; the curve is the spread of that mean across replications, not the spread across use cases (which is wider)."
        let medians = series.map { s -> String in
            let m = isPooled ? s.pooledQuantile(0.5) : s.values.isEmpty ? nil : Percentile.linear(s.values.sorted(), 0.5)
            return "\(s.name) \(m.map(FigureFormat.number) ?? "—")"
        }
        if isPooled {
            let note = """
                Each curve is the share of use cases, pooled over all replications, that reached value \
                within x months of their arrival (use_cases_valued_within in timeseries.csv, counted by \
                whole months), among those that reached value within the horizon; late arrivals have \
                less time, so long times are under-represented. Median\(single ? "" : "s"): \
                \(medians.joined(separator: ", ")) months.
                """
            return Chart(name: origin.name, title: origin.title, svg: frame.render(), note: note)
        }
        let note = """
            Each curve is the share of replications whose figure is at most x months. \(what) \
            Median\(single ? "" : "s"): \(medians.joined(separator: ", ")) months. Replications where it is \
            undefined (no use case reached value) count in the share but never reach value: \(undefined).
            """
        return Chart(name: origin.name, title: origin.title, svg: frame.render(), note: note)
    }
}
