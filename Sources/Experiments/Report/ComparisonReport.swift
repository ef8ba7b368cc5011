import Foundation

/// The report of a `compare` folder, the product's main page: the scorecard (every scenario on
/// every headline figure), one forest plot per figure, each scenario's absolute results side by
/// side on shared axes (from `runs/<name>/`), risk against return, and the full table.
enum ComparisonReport {
    /// `comparison.csv` and `best.csv` read into one shape.
    struct Data {
        struct Cell {
            var mean, baselineMean, diff, low, high, better, tied, worse: Double?
        }
        struct Selection {
            var metric: String
            var delta: Double
            var selected: String?
            var replications: [(String, Int)]
        }

        var baseline: String
        /// The baseline first, then the others in file order.
        var scenarios: [String]
        /// Metrics in headline order.
        var metrics: [String]
        /// Lookups only: nothing iterates these, so their order never reaches a file.
        var cells: [String: [String: Cell]] = [:]
        var marks: [String: [String: BestMark]] = [:]
        var bestMeans: [String: [String: Double]] = [:]
        var selections: [Selection] = []
        var replications: Int

        func mark(_ metric: String, _ scenario: String) -> BestMark { marks[metric]?[scenario] ?? .none }

        /// The baseline's mean on a metric, from any row comparing with it.
        func baselineMean(_ metric: String) -> Double? {
            bestMeans[metric]?[baseline] ?? scenarios.lazy.compactMap { cells[metric]?[$0]?.baselineMean }.first
        }

        /// A scenario's mean on a metric (the baseline's from best.csv or the paired rows).
        func mean(_ metric: String, _ scenario: String) -> Double? {
            scenario == baseline ? baselineMean(metric) : cells[metric]?[scenario]?.mean ?? bestMeans[metric]?[scenario]
        }
    }

    static func report(_ directory: String) throws(OutputError) -> (html: String, charts: [Chart]) {
        let table = try CSVTable.read((directory as NSString).appendingPathComponent("comparison.csv"))
        let bestPath = (directory as NSString).appendingPathComponent("best.csv")
        let bestTable = FileManager.default.fileExists(atPath: bestPath) ? try CSVTable.read(bestPath) : nil
        return build(table, best: bestTable, runs: runFolders(directory), directory: directory)
    }

    /// The run folders `compare` wrote under `runs/`, by scenario name; folders that do not read
    /// as a run are skipped (the side-by-side charts then leave that scenario out, and say so).
    static func runFolders(_ directory: String) -> [String: RunFolder] {
        let runs = (directory as NSString).appendingPathComponent("runs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).sorted()
        var folders: [String: RunFolder] = [:]
        for name in names {
            if let run = try? RunFolder(path: (runs as NSString).appendingPathComponent(name)) {
                folders[run.source.scenario] = run
            }
        }
        return folders
    }

    static func read(_ t: CSVTable, best bestTable: CSVTable?) -> Data {
        let metrics = t.strings("metric"), scenarios = t.strings("scenario"), baselines = t.strings("baseline")
        let columns = ["mean", "baseline_mean", "diff_mean", "diff_ci95_low", "diff_ci95_high",
                       "share_better", "share_tied", "share_worse"].map { t.index(of: $0) == nil ? nil : t.doubles($0) }
        let baseline = baselines.compactMap { $0 }.first ?? "baseline"
        var names = [baseline], order: [String] = []
        var data = Data(baseline: baseline, scenarios: [], metrics: [], replications: 0)
        for i in metrics.indices {
            guard let m = metrics[i], let s = scenarios[i] else { continue }
            if !order.contains(m) { order.append(m) }
            if !names.contains(s) { names.append(s) }
            let c = columns.map { $0?[i] ?? nil }
            data.cells[m, default: [:]][s] = Data.Cell(mean: c[0], baselineMean: c[1], diff: c[2], low: c[3], high: c[4],
                                                       better: c[5], tied: c[6], worse: c[7])
        }
        data.replications = t.doubles("n").compactMap { $0 }.max().map { Int($0) } ?? 0
        if let b = bestTable, b.index(of: "metric") != nil, b.index(of: "scenario") != nil {
            let bm = b.strings("metric"), bs = b.strings("scenario"), means = b.doubles("mean")
            let verdicts = b.index(of: "mcb_verdict") != nil ? b.strings("mcb_verdict") : bm.map { _ in nil }
            let deltas = b.doubles("delta"), selected = b.strings("selected"), used = b.doubles("selection_replications")
            var byMetric: [String] = []
            for i in bm.indices { if let m = bm[i], !byMetric.contains(m) { byMetric.append(m) } }
            for m in byMetric {
                let rows = bm.indices.filter { bm[$0] == m }
                let marks = BestMark.marks(verdictTexts: rows.map { verdicts[$0] })
                for (r, mark) in zip(rows, marks) {
                    guard let s = bs[r] else { continue }
                    if !names.contains(s) { names.append(s) }
                    data.marks[m, default: [:]][s] = mark
                    if let v = means[r] { data.bestMeans[m, default: [:]][s] = v }
                }
                if let r = rows.first, let delta = deltas[r] {
                    data.selections.append(.init(metric: m, delta: delta,
                                                 selected: rows.first { selected[$0] == "true" }.flatMap { bs[$0] },
                                                 replications: rows.compactMap { i in bs[i].map { ($0, Int(used[i] ?? 0)) } }))
                }
            }
        }
        data.scenarios = names
        data.metrics = MetricLabels.ordered(order)
        return data
    }

    static func build(_ t: CSVTable, best bestTable: CSVTable?, runs: [String: RunFolder] = [:],
                      directory: String) -> (html: String, charts: [Chart]) {
        let data = read(t, best: bestTable)
        // The pictures show the headline figures when the file has them, not all 30.
        let headline = Set(MetricLabels.headline)
        let shown = data.metrics.contains(where: headline.contains) ? data.metrics.filter(headline.contains) : data.metrics
        let seed = seedOf(directory, data.baseline)
        let others = data.scenarios.filter { $0 != data.baseline }
        let source = ChartSource(scenario: data.scenarios.count > 4 ? "\(data.baseline) and \(others.count) others"
                                     : "\(data.baseline) vs \(others.joined(separator: ", "))",
                                 replications: data.replications, seed: seed)

        var charts: [Chart] = [ScorecardChart.chart(data, metrics: shown, source: source)]
        for metric in shown {
            let rows = others.compactMap { s -> ForestPlot.Row? in
                guard let c = data.cells[metric]?[s], let d = c.diff else { return nil }
                return .init(scenario: s, diff: d, low: c.low ?? d, high: c.high ?? d, mark: data.mark(metric, s))
            }
            charts.append(ForestPlot.chart(.init(metric: metric, rows: rows, baselineMark: data.mark(metric, data.baseline),
                                                 baselineMean: data.baselineMean(metric)),
                                           baseline: data.baseline, source: source))
        }
        let folders = data.scenarios.compactMap { s in runs[s].map { (s, $0) } }
        if folders.count >= 2 {
            charts += SideBySide.charts(folders, source: source)
        }

        var tables: [HTMLReport.Table] = []
        tables.append(verdictTable(data, metrics: data.metrics))
        if !data.selections.isEmpty { tables.append(selectionTable(data)) }
        tables.append(differenceTable(data))
        let missing = data.scenarios.filter { runs[$0] == nil }
        var notes = [BestMark.legend, MetricLabels.footnote(data.metrics)]
        if !missing.isEmpty && !runs.isEmpty {
            notes.append("No run folder under runs/ for \(missing.joined(separator: ", ")): left out of the side-by-side charts.")
        }
        let title = "\(data.scenarios.count) operating models compared with \(data.baseline)"
        let html = HTMLReport.page(title: title, subtitle: source.caption, lead: tables.prefix(1).map { $0 },
                                   tables: Array(tables.dropFirst()), charts: charts, notes: notes)
        return (html, charts)
    }

    /// The scorecard and the verdicts as Markdown tables, for a README: scenarios as rows, the
    /// headline figures as columns, each cell the mean with its mark and the paired difference
    /// to the baseline, bold where its 95% interval excludes 0.
    static func markdown(_ directory: String) throws(OutputError) -> String {
        let table = try CSVTable.read((directory as NSString).appendingPathComponent("comparison.csv"))
        let bestPath = (directory as NSString).appendingPathComponent("best.csv")
        let bestTable = FileManager.default.fileExists(atPath: bestPath) ? try CSVTable.read(bestPath) : nil
        let data = read(table, best: bestTable)
        let headline = Set(MetricLabels.headline)
        let metrics = data.metrics.contains(where: headline.contains) ? data.metrics.filter(headline.contains) : data.metrics
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        var s = row(["scenario"] + metrics.map { "\(MetricLabels.axisLabel($0)), \(MetricLabels.higherIsBetter($0) ? "higher" : "lower") is better" })
        s += row(["---"] + metrics.map { _ in "---:" })
        for scenario in data.scenarios {
            s += row([scenario == data.baseline && scenario != "baseline" ? "\(scenario) (baseline)" : scenario] + metrics.map { m in
                let mark = data.mark(m, scenario).symbol
                var text = (data.mean(m, scenario).map { MetricLabels.value($0, m) } ?? "—") + (mark.isEmpty ? "" : " " + mark)
                if scenario != data.baseline, let c = data.cells[m]?[scenario], let d = c.diff {
                    let significant = ScorecardChart.effect(c, higherIsBetter: MetricLabels.higherIsBetter(m)) != 0
                    let diff = MetricLabels.difference(d, m)
                    text += " (" + (significant ? "**\(diff)**" : diff) + ")"
                }
                return text
            })
        }
        s += "\n" + row(["figure", "verdict (Hsu's MCB at 95%)"]) + row(["---", "---"])
        for r in verdictTable(data, metrics: metrics).rows { s += row([r[0], r[2]]) }
        if !data.selections.isEmpty {
            s += "\n" + row(["figure", "δ", "Kim–Nelson selected", "replications used"]) + row(["---", "---:", "---", "---"])
            for r in selectionTable(data).rows { s += row(r) }
        }
        return s
    }

    /// Per metric, in words: which scenario is best, or that none is clearly best.
    static func verdictTable(_ data: Data, metrics: [String]) -> HTMLReport.Table {
        var rows: [[String]] = [], emphasized: Set<Int> = []
        for m in metrics {
            let best = data.scenarios.filter { data.mark(m, $0) == .best }
            let contenders = data.scenarios.filter { data.mark(m, $0) == .contender }
            let verdict = !best.isEmpty ? "★ \(best.joined(separator: ", "))"
                : !contenders.isEmpty ? "no clear best: ☆ \(contenders.joined(separator: ", "))" : "—"
            let mean = (best.first ?? contenders.first).flatMap { data.mean(m, $0) }
            if !best.isEmpty { emphasized.insert(rows.count) }
            rows.append([MetricLabels.label(m), MetricLabels.higherIsBetter(m) ? "higher" : "lower", verdict,
                         mean.map { MetricLabels.value($0, m) } ?? "—",
                         data.baselineMean(m).map { MetricLabels.value($0, m) } ?? "—"])
        }
        return .init(caption: "Which scenario is best, figure by figure (Hsu's MCB at 95%)",
                     header: ["figure", "better", "verdict", "mean of ★/first ☆", data.baseline], rows: rows, emphasized: emphasized)
    }

    /// Kim–Nelson's selection for each metric given `--delta`.
    static func selectionTable(_ data: Data) -> HTMLReport.Table {
        let rows = data.selections.map { s -> [String] in
            [MetricLabels.label(s.metric), MetricLabels.difference(s.delta, s.metric).replacingOccurrences(of: "+", with: ""),
             s.selected ?? "none (first stage incomplete)",
             s.replications.map { "\($0.0) \($0.1)" }.joined(separator: " · ")]
        }
        return .init(caption: "Selected by Kim–Nelson: best within the indifference zone δ with 95% probability",
                     header: ["figure", "δ", "selected", "replications used until eliminated or selected"], rows: rows)
    }

    static func differenceTable(_ data: Data) -> HTMLReport.Table {
        var rows: [[String]] = [], emphasized: Set<Int> = []
        for m in data.metrics {
            for s in data.scenarios where s != data.baseline {
                guard let c = data.cells[m]?[s] else { continue }
                let mark = data.mark(m, s).symbol
                if data.mark(m, s) == .best { emphasized.insert(rows.count) }
                let interval = c.diff.map { d in
                    "\(MetricLabels.difference(d, m)) " + FigureFormat.interval(c.low.map { MetricLabels.difference($0, m) } ?? "—", c.high.map { MetricLabels.difference($0, m) } ?? "—")
                } ?? "—"
                let shares = [c.better, c.tied, c.worse].map { $0.map(FigureFormat.percent) ?? "—" }.joined(separator: " / ")
                rows.append([MetricLabels.label(m), s, (c.mean.map { MetricLabels.value($0, m) } ?? "—") + (mark.isEmpty ? "" : " " + mark),
                             c.baselineMean.map { MetricLabels.value($0, m) } ?? "—", interval, shares])
            }
        }
        return .init(caption: "Every figure against \(data.baseline): mean paired difference [95% CI, Bonferroni-adjusted]",
                     header: ["figure", "scenario", "mean", data.baseline, "difference [95% CI]", "better / tied / worse"],
                     rows: rows, emphasized: emphasized)
    }

    /// The seed from the baseline's run folder, when compare wrote one.
    static func seedOf(_ directory: String, _ baseline: String) -> UInt64? {
        let path = [directory, "runs", baseline, "manifest.json"].reduce("") { ($0 as NSString).appendingPathComponent($1) }
        return (try? RunFolder.json(path))?["seed"]?.number.map { UInt64($0) }
    }
}
