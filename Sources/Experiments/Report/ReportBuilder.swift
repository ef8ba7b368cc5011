import Foundation
import ProgramModel

/// Reads what `run`, `compare` or `sweep` wrote into a folder and writes `report.html` plus
/// each chart as `<name>.svg` beside it.
public enum ReportBuilder {
    public enum FolderKind: String, Sendable { case run, comparison, sweep, exploration }

    /// What a folder holds, by the file only that command writes.
    public static func kind(of directory: String) -> FolderKind? {
        func has(_ name: String) -> Bool {
            FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name))
        }
        if has("comparison.csv") { return .comparison }
        if has("experiments.csv") { return .exploration }
        if has("points.csv") { return .sweep }
        if has("summary.csv") { return .run }
        return nil
    }

    /// The report of `directory` written to `file` (default `directory/report.html`), each chart
    /// as an `.svg` in the same folder as the report, all atomically. `compare` and `sweep` call
    /// this with their output folder for `--report`.
    ///
    /// - Returns: the path of the report written.
    /// - Throws: ``OutputError`` with action "read" when the folder's files are missing or
    ///   malformed, any other action when the report cannot be written.
    @discardableResult
    public static func writeReport(forDirectory directory: String, to file: String? = nil) throws(OutputError) -> String {
        let page = try report(forDirectory: directory)
        let target = file ?? (directory as NSString).appendingPathComponent("report.html")
        let folder = POSIXFile.parent(of: target)
        try AtomicFile.createDirectory(folder)
        for chart in page.charts {
            try AtomicFile.write(Array(chart.svg.utf8), to: (folder as NSString).appendingPathComponent(chart.name + ".svg"))
        }
        try AtomicFile.write(Array(page.html.utf8), to: target)
        return target
    }

    /// A compare folder's scorecard and verdicts as Markdown tables (`execsim report --markdown`).
    public static func markdown(forDirectory directory: String) throws(OutputError) -> String {
        guard kind(of: directory) == .comparison else {
            throw OutputError(action: OutputError.read, path: directory, reason: "--markdown needs a compare folder (with comparison.csv)")
        }
        return try ComparisonReport.markdown(directory)
    }

    /// The report's HTML and charts, without writing anything.
    public static func report(forDirectory directory: String) throws(OutputError) -> (html: String, charts: [Chart]) {
        switch kind(of: directory) {
        case .run:
            return runReport(try RunFolder(path: directory))
        case .comparison:
            return try ComparisonReport.report(directory)
        case .sweep:
            return try SweepReport.report(directory)
        case .exploration:
            return try ExploreReport.report(directory)
        case nil:
            throw OutputError(action: OutputError.read, path: directory,
                              reason: "not a run, compare or sweep folder (no summary.csv, comparison.csv or points.csv)")
        }
    }

    public static func runReport(_ run: RunFolder) -> (html: String, charts: [Chart]) {
        let charts = [FunnelChart.chart(run)] + TimeToValueChart.charts(run)
            + [FanChart.chart(run), BreakEvenChart.chart([BreakEvenChart.series(run)], horizon: run.horizonMonths, source: run.source),
               CapacityChart.chart(run)]
            + [WhereTheTimeGoes.chart([(run.source.scenario, run)], source: run.source)].compactMap { $0 }
            + [ConvergenceChart.chart(run)]
        let html = HTMLReport.page(title: "What the \(run.source.scenario) program delivers: \(run.source.replications) simulated runs",
                                   subtitle: run.source.caption, lead: [headlineTable(run)], charts: charts,
                                   notes: [MetricLabels.footnote(MetricLabels.headline)])
        return (html, charts)
    }

    /// The same figures `execsim run` prints, as a table.
    static func headlineTable(_ run: RunFolder) -> HTMLReport.Table {
        let rows = MetricLabels.headline.map { name -> [String] in
            let label = MetricLabels.axisLabel(name)
            guard let s = run.summaries[name], let mean = s.mean else { return [label, "—", "—", "0"] }
            var interval = MetricLabels.value(mean, name)
            if let lo = s.ci95Low, let hi = s.ci95High {
                interval += " " + FigureFormat.interval(MetricLabels.value(lo, name), MetricLabels.value(hi, name))
            }
            let range = s.p5.flatMap { p5 in s.p95.map { "\(MetricLabels.value(p5, name)) – \(MetricLabels.value($0, name))" } } ?? "—"
            return [label, interval, range, "\(s.n)"]
        }
        return HTMLReport.Table(caption: "Headline figures over \(run.source.replications) replications",
                                header: ["figure", "mean [95% CI]", "p5 – p95", "n defined"], rows: rows)
    }
}
