import Foundation
import ProgramModel

/// The report of a `sweep` folder: the tornado (one-at-a-time), the μ*–σ plot (Morris) or
/// line charts (grid), chosen by which files the sweep wrote.
enum SweepReport {
    static let statSuffixes = ["_mean", "_ci95_low", "_ci95_high", "_p50"]

    static func report(_ directory: String) throws(OutputError) -> (html: String, charts: [Chart]) {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func optional(_ name: String) throws(OutputError) -> CSVTable? {
            FileManager.default.fileExists(atPath: path(name)) ? try CSVTable.read(path(name)) : nil
        }
        let points = try CSVTable.read(path("points.csv"))
        let manifest = FileManager.default.fileExists(atPath: path("manifest.json")) ? try RunFolder.json(path("manifest.json")) : nil
        return build(points: points, tornado: try optional("tornado.csv"), sensitivity: try optional("sensitivity.csv"),
                     manifest: manifest, directory: directory)
    }

    static func build(points: CSVTable, tornado: CSVTable?, sensitivity: CSVTable?, manifest: JSONValue?,
                      directory: String) -> (html: String, charts: [Chart]) {
        let parameters = points.header.filter { h in h != "point" && !statSuffixes.contains { h.hasSuffix($0) } }
        let metrics = MetricCatalogue.ordered(points.header.filter { $0.hasSuffix("_mean") }.map { String($0.dropLast(5)) })
        let name = manifest?["scenario"]?.string ?? manifest?["name"]?.string ?? (directory as NSString).lastPathComponent
        let source = ChartSource(scenario: name, replications: Int(manifest?["replications"]?.number ?? 0),
                                 seed: manifest?["seed"]?.number.map { UInt64($0) })
        func shown(_ all: [String]) -> [String] {
            let ordered = MetricCatalogue.ordered(all)
            let headline = Set(MetricCatalogue.headline.map(\.name))
            return ordered.contains(where: headline.contains) ? ordered.filter(headline.contains) : Array(ordered.prefix(4))
        }

        var charts: [Chart] = []
        var table: HTMLReport.Table
        if let t = tornado {
            let ms = t.strings("metric"), ps = t.strings("parameter"), lv = t.strings("low_value"), hv = t.strings("high_value")
            let al = t.doubles("metric_at_low"), ah = t.doubles("metric_at_high"), sw = t.doubles("swing")
            var rows: [[String]] = []
            for metric in shown(unique(ms)) {
                var bars: [TornadoChart.Bar] = []
                for i in ms.indices where ms[i] == metric {
                    guard let p = ps[i], let a = al[i], let b = ah[i] else { continue }
                    bars.append(.init(parameter: p, lowValue: lv[i] ?? "", highValue: hv[i] ?? "", atLow: a, atHigh: b))
                    rows.append([p, MetricCatalogue.label(metric), lv[i] ?? "", hv[i] ?? "", MetricFormat.figure(a),
                                 MetricFormat.figure(b), sw[i].map(MetricFormat.figure) ?? "—"])
                }
                charts.append(TornadoChart.chart(metric: metric, bars: bars, source: source))
            }
            table = .init(caption: "One-at-a-time sweep of \(name)", header: ["parameter", "figure", "low", "high",
                          "figure at low", "figure at high", "swing"], rows: rows)
        } else if let t = sensitivity {
            let ms = t.strings("metric"), ps = t.strings("parameter"), mu = t.doubles("mu"), ms_ = t.doubles("mu_star")
            let sg = t.doubles("sigma"), lo = t.doubles("mu_star_ci95_low"), hi = t.doubles("mu_star_ci95_high")
            var rows: [[String]] = []
            for metric in shown(unique(ms)) {
                var pts: [MorrisChart.Point] = []
                for i in ms.indices where ms[i] == metric {
                    guard let p = ps[i], let m = ms_[i], let s = sg[i] else { continue }
                    pts.append(.init(parameter: p, muStar: m, sigma: s, low: lo[i], high: hi[i]))
                    rows.append([p, MetricCatalogue.label(metric), mu[i].map(MetricFormat.figure) ?? "—", MetricFormat.figure(m),
                                 "[\(lo[i].map(MetricFormat.figure) ?? "—"), \(hi[i].map(MetricFormat.figure) ?? "—")]",
                                 MetricFormat.figure(s)])
                }
                charts.append(MorrisChart.chart(metric: metric, points: pts, source: source))
            }
            table = .init(caption: "Morris screening of \(name)", header: ["parameter", "figure", "μ", "μ*", "μ* 95% CI", "σ"], rows: rows)
        } else {
            charts = gridCharts(points, parameters: parameters, metrics: shown(metrics), source: source)
            let first = shown(metrics).first
            let means = first.map { points.doubles($0 + "_mean") } ?? []
            let lows = first.map { points.doubles($0 + "_ci95_low") } ?? [], highs = first.map { points.doubles($0 + "_ci95_high") } ?? []
            let rows = points.rows.indices.map { i -> [String] in
                var row = [points.strings("point")[i] ?? "\(i)"] + parameters.map { points.strings($0)[i] ?? "" }
                if first != nil {
                    row.append("\(means[i].map(MetricFormat.figure) ?? "—") [\(lows[i].map(MetricFormat.figure) ?? "—"), \(highs[i].map(MetricFormat.figure) ?? "—")]")
                }
                return row
            }
            table = .init(caption: "Grid sweep of \(name)", header: ["point"] + parameters + (first.map { ["\(MetricCatalogue.label($0)) mean [95% CI]"] } ?? []),
                          rows: rows)
        }
        let html = HTMLReport.page(title: "Sensitivity of \(name)", subtitle: source.caption, tables: [table], charts: charts)
        return (html, charts)
    }

    /// One chart per metric: x is the first parameter, one line per value of the second; any
    /// further parameters are held at their first value (said in the note via the line label).
    static func gridCharts(_ points: CSVTable, parameters: [String], metrics: [String], source: ChartSource) -> [Chart] {
        guard let xParameter = parameters.first else { return [] }
        let xCells = points.strings(xParameter)
        let numeric = xCells.allSatisfy { $0.flatMap(Double.init) != nil }
        let xCategories = unique(xCells)
        func xValue(_ i: Int) -> Double {
            numeric ? Double(xCells[i]!)! : Double(xCategories.firstIndex(of: xCells[i] ?? "") ?? 0)
        }
        let lineParameter = parameters.count > 1 ? parameters[1] : nil
        let lineCells = lineParameter.map(points.strings) ?? points.rows.map { _ in nil }
        // Rows where every further parameter is at its first value.
        let fixed = parameters.dropFirst(2).map { (points.strings($0), points.strings($0).first ?? nil) }
        let kept = points.rows.indices.filter { i in fixed.allSatisfy { $0.0[i] == $0.1 } }
        let xLabels = numeric ? [:] : Dictionary(uniqueKeysWithValues: xCategories.enumerated().map { (Double($0.offset), $0.element) })
        return metrics.map { metric in
            let mean = points.doubles(metric + "_mean"), lo = points.doubles(metric + "_ci95_low"), hi = points.doubles(metric + "_ci95_high")
            let lines = uniqueOptional(kept.map { lineCells[$0] }).map { value -> GridLineChart.Line in
                let pts = kept.filter { lineCells[$0] == value }.compactMap { i -> (Double, Double, Double, Double)? in
                    guard let m = mean[i] else { return nil }
                    return (xValue(i), m, lo[i] ?? m, hi[i] ?? m)
                }.sorted { $0.0 < $1.0 }
                return .init(label: value ?? "all", points: pts)
            }
            let held = zip(parameters.dropFirst(2), fixed).map { ($0, $1.1 ?? "") }
            return GridLineChart.chart(metric: metric, xParameter: xParameter, xLabels: xLabels, lines: lines,
                                       lineParameter: lineParameter, held: held, source: source)
        }
    }

    static func unique(_ values: [String?]) -> [String] {
        var seen: [String] = []
        for v in values.compactMap({ $0 }) where !seen.contains(v) { seen.append(v) }
        return seen
    }

    static func uniqueOptional(_ values: [String?]) -> [String?] {
        var seen: [String?] = []
        for v in values where !seen.contains(v) { seen.append(v) }
        return seen
    }
}
