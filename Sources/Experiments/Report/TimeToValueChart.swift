import Foundation

/// How long until value arrives: the empirical distribution (ECDF) over replications of the
/// time to first value and of the mean use-case time to value, with medians and p90 marked.
public enum TimeToValueChart {
    public static func chart(_ run: RunFolder) -> Chart {
        let first = run.values("time_to_first_value_months")
        let useCase = run.values("mean_use_case_ttv_months")
        return chart(firstValue: first.values, firstUndefined: first.undefined,
                     useCase: useCase.values, useCaseUndefined: useCase.undefined, source: run.source)
    }

    public static func chart(firstValue: [Double], firstUndefined: Int, useCase: [Double], useCaseUndefined: Int,
                             source: ChartSource) -> Chart {
        let title = "How long until value: time to first value and use-case time to value"
        var frame = ChartFrame(title: title, caption: source.caption, height: 420)
        let series: [(String, [Double], String, String?)] = [
            ("time to first value (program)", firstValue.sorted(), Palette.orange, nil),
            ("mean time to value of a use case", useCase.sorted(), Palette.blue, nil),
        ]
        frame.legend(series.map { (.line($0.2, $0.3), $0.0) } + [(.dot(Palette.black), "median and p90")])
        let all = firstValue + useCase
        let xTicks = NiceTicks(min: 0, max: all.max() ?? 1, count: 8)
        let x = frame.xAxis(xTicks, label: "months from the start of the program (from arrival, for a use case)")
        let y = frame.yAxis(NiceTicks(min: 0, max: 100, count: 5), label: "replications at or below (%)")

        // Labels of the earlier curve go left of its markers, of the later one right, so the
        // two sets do not collide.
        let medians = series.map { $0.1.isEmpty ? 0 : Percentile.linear($0.1, 0.5) }
        for (i, (_, values, color, dash)) in series.enumerated() where !values.isEmpty {
            var points: [(Double, Double)] = [(x(values[0]), y(0))]
            for (k, v) in values.enumerated() {
                points.append((x(v), y(Double(k) / Double(values.count) * 100)))
                points.append((x(v), y(Double(k + 1) / Double(values.count) * 100)))
            }
            points.append((x(xTicks.upper), y(100)))
            frame.svg.polyline(points, stroke: color, width: 2.5, dash: dash)
            let leftLabels = medians[i] <= medians[1 - i]
            for (q, name) in [(0.5, "median"), (0.9, "p90")] {
                let v = Percentile.linear(values, q)
                frame.svg.line(x1: x(v), y1: y(q * 100), x2: x(v), y2: y(0), stroke: color, width: 1, dash: "3 3")
                frame.svg.circle(x: x(v), y: y(q * 100), r: 4.5, fill: Palette.black)
                let text = "\(name) \(MetricFormat.figure(v)) mo"
                frame.svg.text(text, x: x(v) + (leftLabels ? -8 : 8), y: y(q * 100) + (leftLabels ? -6 : 14),
                               size: 12, anchor: leftLabels ? .end : .start, fill: Palette.text, bold: true)
            }
        }
        let n = firstValue.count + firstUndefined
        let note = """
            Each curve is over the \(n) replications: the share of replications whose figure is at \
            most x months. Time to first value is the first moment any use case has value; use-case \
            time to value is, per replication, the mean over use cases that reached value of first \
            value minus arrival. Undefined (no use case reached value, left out): \(firstUndefined) \
            replication(s) for time to first value, \(useCaseUndefined) for use-case time to value.
            """
        return Chart(name: "time-to-value", title: title, svg: frame.render(), note: note)
    }
}
