import Foundation

/// The pictures of a calibration: the observed funnel against the calibrated scenario's
/// simulated band, and the observed distribution of each stage duration and wait (ECDF) against
/// the simulated 5%–95% band, so a reader sees where the calibrated model reproduces the
/// history and where it does not.
public enum CalibrationReport {
    /// Writes `report.html` and each chart as `.svg` into `folder`; returns the report's path.
    public static func write(_ c: Calibration, to folder: String) throws(OutputError) -> String {
        let charts = charts(c)
        try AtomicFile.createDirectory(folder)
        for chart in charts {
            try AtomicFile.write(Array(chart.svg.utf8), to: folder + "/" + chart.name + ".svg")
        }
        let fitted = c.rows.filter(\.inScenario).map { r -> [String] in
            [r.parameter, r.estimate.map(MetricFormat.figure) ?? "", r.lower.map(MetricFormat.figure) ?? "", r.upper.map(MetricFormat.figure) ?? "",
             "\(Int((r.level * 100).rounded()))%", String(r.method.split(separator: ";").first ?? "")]
        }
        let checks = c.check.rows.map { r -> [String] in
            [r.statistic, r.observed.map(MetricFormat.figure) ?? "", r.p5.map(MetricFormat.figure) ?? "", r.p50.map(MetricFormat.figure) ?? "", r.p95.map(MetricFormat.figure) ?? "",
             r.inside.map { $0 ? "inside" : "outside" } ?? ""]
        }
        let outside = Set(c.check.rows.indices.filter { c.check.rows[$0].inside == false })
        let page = HTMLReport.page(
            title: "Calibration: \(c.scenario.name)",
            subtitle: "\(c.observations.cases) use cases over \(MetricFormat.figure(c.observations.asOfMonth)) months; \(c.posterior?.simulations ?? 0) ABC simulations; check over \(c.check.replications) replications",
            tables: [
                HTMLReport.Table(caption: "Fitted fields of calibrated.json (calibration.csv has every row)",
                                 header: ["field", "estimate", "lower", "upper", "level", "method"], rows: fitted),
                HTMLReport.Table(caption: "Posterior predictive check (check.csv); outside the 90% band emphasized",
                                 header: ["statistic", "observed", "p5", "p50", "p95", "verdict"], rows: checks, emphasized: outside),
            ],
            charts: charts)
        let path = folder + "/report.html"
        try AtomicFile.write(Array(page.utf8), to: path)
        return path
    }

    public static func charts(_ c: Calibration) -> [Chart] {
        let caption = "Observed: \(c.observations.cases) use cases · simulated: \(c.check.replications) replications of \(c.scenario.name) · execsim \(ExecsimVersion.current)"
        var charts = [funnel(c, caption: caption)]
        let stages: [(String, String, (LogObservations) -> [LogObservations.Timed])] = [
            ("calibration-data-prep", "Data preparation", { $0.dataPrep }),
            ("calibration-pilot", "Pilot", { $0.pilot }),
            ("calibration-scale-up", "Scale-up", { $0.scaleUp }),
            ("calibration-prep-squad-wait", "Wait for a squad (data preparation)", { $0.prepSquadWait }),
            ("calibration-g0-decision", "Intake to G0 decision", { $0.g0Decision }),
        ]
        for (name, title, pick) in stages {
            if let chart = ecdf(name: name, title: title, observed: pick(c.observations),
                                simulated: c.check.simulated.map(pick), caption: caption) {
                charts.append(chart)
            }
        }
        return charts
    }

    /// Funnel steps as counts per log: intakes, approved at G0, pilots started, pilots
    /// succeeded, in production, scaled.
    static func funnelCounts(_ o: LogObservations) -> [Double] {
        [o.cases, o.g0Approved, o.pilotsStarted, o.pilotSuccesses, o.production, o.scaled].map(Double.init)
    }

    static func funnel(_ c: Calibration, caption: String) -> Chart {
        let labels = ["use cases", "approved at G0", "pilots started", "pilots succeeded", "in production", "scaled"]
        let observed = funnelCounts(c.observations)
        let simulated = c.check.simulated.map(funnelCounts)
        let rowHeight = 40.0
        var frame = ChartFrame(title: "Funnel: observed against the calibrated scenario", caption: caption,
                               height: 76 + rowHeight * Double(labels.count) + 64, leftMargin: 150)
        frame.legend([(.swatch(Palette.skyBlue, 0.5), "simulated 5%–95%"), (.line(Palette.blue, nil), "simulated median"),
                      (.dot(Palette.vermillion), "observed")])
        let maxValue = max(observed.max() ?? 1, simulated.map { $0.max() ?? 0 }.max() ?? 1)
        let ticks = NiceTicks(min: 0, max: maxValue)
        let x = frame.xAxis(ticks, label: "use cases (count in the log's window)")
        for (i, label) in labels.enumerated() {
            let y = frame.top + rowHeight * (Double(i) + 0.5)
            let xs = simulated.map { $0[i] }.sorted()
            frame.svg.text(label, x: frame.left - 8, y: y + 4, size: 12, anchor: .end)
            if !xs.isEmpty {
                let lo = Percentile.linear(xs, 0.05), mid = Percentile.linear(xs, 0.5), hi = Percentile.linear(xs, 0.95)
                frame.svg.rect(x: x(lo), y: y - 10, width: max(1, x(hi) - x(lo)), height: 20, fill: Palette.skyBlue, opacity: 0.5)
                frame.svg.line(x1: x(mid), y1: y - 12, x2: x(mid), y2: y + 12, stroke: Palette.blue, width: 2.5)
            }
            frame.svg.circle(x: x(observed[i]), y: y, r: 5, fill: Palette.vermillion)
        }
        return Chart(name: "calibration-funnel", title: "Funnel: observed against simulated", svg: frame.render(),
                     note: "Each step counts the use cases of the log that reached it by the log's end (observed, dot) and the same count in each simulated history of the calibrated scenario over the same window (band: 5%–95% of the simulated histories; line: their median). A dot outside its band is a step the calibrated model does not reproduce.")
    }

    /// The empirical CDF of ended durations at `x`.
    static func ecdf(_ sorted: [Double], at x: Double) -> Double {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return sorted.isEmpty ? 0 : Double(lo) / Double(sorted.count)
    }

    static func ecdf(name: String, title: String, observed: [LogObservations.Timed], simulated: [[LogObservations.Timed]],
                     caption: String) -> Chart? {
        let obs = observed.filter { !$0.time.censored }.map(\.time.time).sorted()
        let sims = simulated.map { $0.filter { !$0.time.censored }.map(\.time.time).sorted() }.filter { !$0.isEmpty }
        guard obs.count >= 2, !sims.isEmpty else { return nil }
        let pooled = sims.flatMap { $0 }.sorted()
        let top = max(obs.last!, Percentile.linear(pooled, 0.99))
        let ticks = NiceTicks(min: 0, max: top)
        var frame = ChartFrame(title: "\(title): observed against simulated (months)", caption: caption, height: 380)
        frame.legend([(.swatch(Palette.skyBlue, 0.5), "simulated 5%–95%"), (.line(Palette.blue, nil), "simulated median"),
                      (.line(Palette.vermillion, nil), "observed (\(obs.count) ended)")])
        let x = frame.xAxis(ticks, label: "months")
        let y = frame.yAxis(NiceTicks(min: 0, max: 1), label: "share ended within")
        let grid = (0...80).map { ticks.lower + (ticks.upper - ticks.lower) * Double($0) / 80 }
        var low: [(Double, Double)] = [], high: [(Double, Double)] = [], mid: [(Double, Double)] = []
        for g in grid {
            let values = sims.map { ecdf($0, at: g) }.sorted()
            low.append((x(g), y(Percentile.linear(values, 0.05))))
            mid.append((x(g), y(Percentile.linear(values, 0.5))))
            high.append((x(g), y(Percentile.linear(values, 0.95))))
        }
        frame.svg.polygon(low + high.reversed(), fill: Palette.skyBlue, opacity: 0.5)
        frame.svg.polyline(mid, stroke: Palette.blue, width: 2)
        var steps: [(Double, Double)] = [(x(0), y(0))]
        for (i, v) in obs.enumerated() {
            steps.append((x(v), y(Double(i) / Double(obs.count))))
            steps.append((x(v), y(Double(i + 1) / Double(obs.count))))
        }
        steps.append((x(ticks.upper), y(1)))
        frame.svg.polyline(steps, stroke: Palette.vermillion, width: 2)
        return Chart(name: name, title: title, svg: frame.render(),
                     note: "Empirical distribution of the durations that ended within the log's window (still-running ones are left out on both sides, so the comparison is like with like): the observed step line against the 5%–95% band of the same curve over the simulated histories of the calibrated scenario.")
    }
}
