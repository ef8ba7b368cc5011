import Foundation

/// The report of a `compare` folder: the comparison table and the forest plot.
enum ComparisonReport {
    static func report(_ directory: String) throws(OutputError) -> (html: String, charts: [Chart]) {
        let table = try CSVTable.read((directory as NSString).appendingPathComponent("comparison.csv"))
        let bestPath = (directory as NSString).appendingPathComponent("best.csv")
        let bestTable = FileManager.default.fileExists(atPath: bestPath) ? try CSVTable.read(bestPath) : nil
        return build(table, best: bestTable, directory: directory)
    }

    static func build(_ t: CSVTable, best bestTable: CSVTable?, directory: String) -> (html: String, charts: [Chart]) {
        let metrics = t.strings("metric"), scenarios = t.strings("scenario"), baselines = t.strings("baseline")
        let diff = t.doubles("diff_mean"), low = t.doubles("diff_ci95_low"), high = t.doubles("diff_ci95_high")
        let mean = t.doubles("mean"), baseMean = t.doubles("baseline_mean"), share = t.doubles("share_better")
        let n = t.doubles("n")
        let baseline = baselines.compactMap { $0 }.first ?? "baseline"

        var order: [String] = []
        for m in metrics.compactMap({ $0 }) where !order.contains(m) { order.append(m) }
        order = MetricCatalogue.ordered(order)
        // The forest plot shows the headline figures when the file has them, not all 30.
        let headline = Set(MetricCatalogue.headline.map(\.name))
        let shown = order.contains(where: headline.contains) ? order.filter(headline.contains) : order

        let best = bestScenarios(bestTable)
        var panels: [ForestPlot.Panel] = []
        var rows: [[String]] = [], emphasized: Set<Int> = []
        for metric in shown {
            var panel = ForestPlot.Panel(metric: metric, rows: [], best: nil)
            for i in metrics.indices where metrics[i] == metric {
                guard let s = scenarios[i], let d = diff[i] else { continue }
                panel.rows.append(.init(scenario: s, diff: d, low: low[i] ?? d, high: high[i] ?? d))
            }
            let higher = MetricCatalogue.higherIsBetter(metric)
            panel.best = best[metric] ?? best[""] ??
                panel.rows.max { higher ? $0.diff < $1.diff : $0.diff > $1.diff }?.scenario
            panels.append(panel)
            for i in metrics.indices where metrics[i] == metric {
                if scenarios[i] == panel.best { emphasized.insert(rows.count) }
                let interval = [diff[i], low[i], high[i]].map { $0.map(ForestPlot.signed) ?? "—" }
                rows.append([MetricCatalogue.label(metric), scenarios[i] ?? "", mean[i].map(MetricFormat.figure) ?? "—",
                             baseMean[i].map(MetricFormat.figure) ?? "—", "\(interval[0]) [\(interval[1]), \(interval[2])]",
                             share[i].map(MetricFormat.percent.text) ?? "—"])
            }
        }
        let replications = n.compactMap { $0 }.max().map { Int($0) } ?? 0
        let seed = seedOf(directory, baseline)
        let names = Array(Set(scenarios.compactMap { $0 })).sorted()
        let source = ChartSource(scenario: "\(baseline) vs \(names.joined(separator: ", "))",
                                 replications: replications, seed: seed)
        let chart = ForestPlot.chart(panels, baseline: baseline, source: source)
        let table = HTMLReport.Table(caption: "Scenarios against \(baseline): mean paired difference [95% CI]",
                                     header: ["figure", "scenario", "mean", baseline, "difference [95% CI]", "share better"],
                                     rows: rows, emphasized: emphasized)
        let html = HTMLReport.page(title: "Operating models compared with \(baseline)", subtitle: source.caption,
                                   tables: [table], charts: [chart])
        return (html, [chart])
    }

    /// best.csv as metric → scenario. `execsim compare` writes one row per metric and scenario
    /// with Hsu's MCB verdict; the scenario whose verdict is "best" is the one marked. A file
    /// without a verdict column names one best per metric, and one without a metric column one
    /// overall best, kept under "".
    static func bestScenarios(_ t: CSVTable?) -> [String: String] {
        guard let t, t.index(of: "scenario") != nil else { return [:] }
        let scenarios = t.strings("scenario")
        guard t.index(of: "metric") != nil else { return scenarios.first.flatMap { $0 }.map { ["": $0] } ?? [:] }
        let verdicts = t.index(of: "mcb_verdict") != nil ? t.strings("mcb_verdict") : nil
        var best: [String: String] = [:]
        for (i, (m, s)) in zip(t.strings("metric"), scenarios).enumerated() {
            guard let m, let s else { continue }
            if let verdicts, verdicts[i] != "best" { continue }
            best[m] = s
        }
        return best
    }

    /// The seed from the baseline's run folder, when compare wrote one.
    static func seedOf(_ directory: String, _ baseline: String) -> UInt64? {
        let path = [directory, "runs", baseline, "manifest.json"].reduce("") { ($0 as NSString).appendingPathComponent($1) }
        return (try? RunFolder.json(path))?["seed"]?.number.map { UInt64($0) }
    }
}
