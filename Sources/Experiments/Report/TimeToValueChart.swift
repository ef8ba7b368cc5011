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
                : "How long a use case takes to reach value, on average"
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

        public init(name: String, values: [Double], undefined: Int) {
            self.name = name
            self.values = values
            self.undefined = undefined
        }
    }

    public static func charts(_ run: RunFolder) -> [Chart] {
        [Origin.program, .useCase].map { origin in
            let v = run.values(origin.column)
            return chart(origin, [Series(name: run.source.scenario, values: v.values, undefined: v.undefined)], source: run.source)
        }
    }

    public static func chart(_ origin: Origin, _ series: [Series], source: ChartSource) -> Chart {
        let single = series.count == 1
        let colors = series.indices.map(ChartFrame.color), dashes = series.indices.map(ChartFrame.dash)
        let legend: [(ChartFrame.Key, String)] = single
            ? [(.line(colors[0], nil), "share of replications at or below"), (.dot(Palette.black), "median and p90")]
            : series.indices.map { (.line(colors[$0], dashes[$0]), series[$0].name) }
        var frame = ChartFrame(title: origin.title, caption: source.caption, height: 420,
                               legendRows: ChartFrame.legendRows(legend))
        frame.legend(legend)
        let all = series.flatMap(\.values)
        let xTicks = NiceTicks(min: 0, max: all.max() ?? 1, count: 8)
        let x = frame.xAxis(xTicks, label: origin.axis)
        let y = frame.yAxis(NiceTicks(min: 0, max: 100, count: 5), label: "replications at or below (%)")
        for (i, s) in series.enumerated() where !s.values.isEmpty {
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
        let medians = series.map { s in "\(s.name) \(s.values.isEmpty ? "—" : FigureFormat.number(Percentile.linear(s.values.sorted(), 0.5)))" }
        let note = """
            Each curve is the share of replications whose figure is at most x months. \(what) \
            Median\(single ? "" : "s"): \(medians.joined(separator: ", ")) months. Replications where it is \
            undefined (no use case reached value) count in the share but never reach value: \(undefined).
            """
        return Chart(name: origin.name, title: origin.title, svg: frame.render(), note: note)
    }
}
