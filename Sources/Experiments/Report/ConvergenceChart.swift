/// Whether the run was long enough: for the headline figures, the running mean over the first
/// n replications with its 95% interval, against n.
public enum ConvergenceChart {
    static let metrics = ["pilot_to_scale_rate", "time_to_first_value_months", "mean_use_case_ttv_months", "npv"]

    /// (n, mean, low, high) at up to `samples` values of n, for the defined values in
    /// replication order.
    public static func runningMean(_ values: [Double], samples: Int = 120) -> [(Double, Double, Double, Double)] {
        guard values.count >= 2 else { return [] }
        var out: [(Double, Double, Double, Double)] = []
        var mean = 0.0, m2 = 0.0
        let step = max(1, values.count / samples)
        for (i, v) in values.enumerated() {
            // Welford's update: stable for long runs.
            let n = Double(i + 1), d = v - mean
            mean += d / n
            m2 += d * (v - mean)
            guard i >= 1, (i + 1) % step == 0 || i == values.count - 1 else { continue }
            let half = StudentT.quantile(0.975, degreesOfFreedom: i) * (m2 / (n - 1)).squareRoot() / n.squareRoot()
            out.append((n, mean, mean - half, mean + half))
        }
        return out
    }

    public static func chart(_ run: RunFolder) -> Chart {
        let title = "Did the run converge? Running mean of the headline figures"
        let panelHeight = 170.0
        var frame = ChartFrame(title: title, caption: run.source.caption, height: 64 + 2 * panelHeight + 56, legendRows: 1,
                               leftMargin: 16, rightMargin: 16, bottomMargin: 56)
        frame.legend([(.band(Palette.blue, 0.25, nil), "mean of the first n replications, with its 95% interval")])
        let panelWidth = frame.plotWidth / 2
        for (i, metric) in metrics.enumerated() {
            let px = frame.left + Double(i % 2) * panelWidth, py = frame.top + Double(i / 2) * panelHeight
            let s = MetricLabels.scale(metric)
            let points = runningMean(run.values(metric).values.map { $0 * s })
            frame.svg.text(MetricLabels.axisLabel(metric), x: px + 56, y: py + 12, size: 12, bold: true)
            guard let last = points.last else { continue }
            // The y range is set by the interval after a tenth of the run, so the wild first
            // few replications do not flatten the rest.
            let settled = points.filter { $0.0 >= last.0 / 10 }
            let yTicks = NiceTicks(min: settled.map(\.2).min() ?? 0, max: settled.map(\.3).max() ?? 1, count: 4)
            let xTicks = NiceTicks(min: 0, max: last.0, count: 4)
            let x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (px + 56, px + panelWidth - 12))
            let y = LinearScale(domain: (yTicks.lower, yTicks.upper), range: (py + panelHeight - 30, py + 22))
            for v in yTicks.values {
                frame.svg.line(x1: x(xTicks.lower), y1: y(v), x2: x(xTicks.upper), y2: y(v), stroke: Palette.grid)
                frame.svg.text(yTicks.label(v), x: px + 50, y: y(v) + 4, size: 10, anchor: .end, fill: Palette.muted)
            }
            for v in xTicks.values {
                frame.svg.text(xTicks.label(v), x: x(v), y: py + panelHeight - 16, size: 10, anchor: .middle, fill: Palette.muted)
            }
            let clamp = { (v: Double) in min(max(v, yTicks.lower), yTicks.upper) }
            let upper = points.map { (x($0.0), y(clamp($0.3))) }, lower = points.reversed().map { (x($0.0), y(clamp($0.2))) }
            frame.svg.polygon(upper + lower, fill: Palette.blue, opacity: 0.25)
            frame.svg.polyline(points.map { (x($0.0), y(clamp($0.1))) }, stroke: Palette.blue, width: 2)
        }
        frame.svg.text("replications (n, in replication order)", x: (frame.left + frame.right) / 2, y: frame.bottom + 24,
                       size: 12, anchor: .middle)
        let note = """
            Each panel follows the mean of one headline figure over the first n replications (those where \
            it is defined), with its 95% Student-t interval. When the line has flattened and the band is \
            narrower than the differences you care about, more replications will not change the decision. \
            The y axis starts after the first tenth of the run; earlier values are clipped to it.
            """
        return Chart(name: "convergence", title: title, svg: frame.render(), note: note)
    }
}
