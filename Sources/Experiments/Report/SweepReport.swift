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
        let metrics = MetricLabels.ordered(points.header.filter { $0.hasSuffix("_mean") }.map { String($0.dropLast(5)) })
        let name = manifest?["scenario"]?.string ?? manifest?["name"]?.string ?? (directory as NSString).lastPathComponent
        let source = ChartSource(scenario: name, replications: Int(manifest?["replications"]?.number ?? 0),
                                 seed: manifest?["seed"]?.number.map { UInt64($0) })
        func shown(_ all: [String]) -> [String] {
            let ordered = MetricLabels.ordered(all)
            let headline = Set(MetricLabels.headline)
            return ordered.contains(where: headline.contains) ? ordered.filter(headline.contains) : Array(ordered.prefix(4))
        }
        let pointIndex = points.doubles("point").map { $0.map { Int($0) } }
        func row(_ point: Int) -> Int? { pointIndex.firstIndex(of: point) }
        func interval(_ metric: String, _ r: Int?) -> ClosedRange<Double>? {
            guard let r, let lo = points.doubles(metric + "_ci95_low")[r], let hi = points.doubles(metric + "_ci95_high")[r], lo <= hi
            else { return nil }
            return lo...hi
        }

        var charts: [Chart] = []
        var table: HTMLReport.Table
        if let t = tornado {
            let ms = t.strings("metric"), ps = t.strings("parameter"), lv = t.strings("low_value"), hv = t.strings("high_value")
            let al = t.doubles("metric_at_low"), ah = t.doubles("metric_at_high"), sw = t.doubles("swing")
            let atBase = t.index(of: "metric_at_base") != nil ? t.doubles("metric_at_base") : ms.map { _ in nil }
            let baseRow = row(OneAtATimeDesign.basePoint(parameters: parameters.count))
            var rows: [[String]] = []
            for metric in shown(unique(ms)) {
                var bars: [TornadoChart.Bar] = []
                var base: Double?
                for i in ms.indices where ms[i] == metric {
                    guard let p = ps[i], let a = al[i], let b = ah[i] else { continue }
                    base = base ?? atBase[i]
                    let k = parameters.firstIndex(of: p)
                    bars.append(.init(parameter: p, lowValue: lv[i] ?? "", highValue: hv[i] ?? "", atLow: a, atHigh: b,
                                      lowInterval: k.flatMap { interval(metric, row(2 * $0)) },
                                      highInterval: k.flatMap { interval(metric, row(2 * $0 + 1)) }))
                    rows.append([p, MetricLabels.label(metric), lv[i] ?? "", hv[i] ?? "", MetricLabels.value(a, metric),
                                 MetricLabels.value(b, metric), atBase[i].map { MetricLabels.value($0, metric) } ?? "—",
                                 sw[i].map { MetricLabels.difference($0, metric).replacingOccurrences(of: "+", with: "") } ?? "—"])
                }
                charts.append(TornadoChart.chart(metric: metric, bars: bars, base: base,
                                                 baseInterval: base == nil ? nil : interval(metric, baseRow), source: source))
            }
            table = .init(caption: "One parameter at a time around \(name)", header: ["parameter", "figure", "low", "high",
                          "figure at low", "figure at high", "at base", "swing"], rows: rows)
        } else if let t = sensitivity {
            let ms = t.strings("metric"), ps = t.strings("parameter"), mu = t.doubles("mu"), ms_ = t.doubles("mu_star")
            let sg = t.doubles("sigma"), lo = t.doubles("mu_star_ci95_low"), hi = t.doubles("mu_star_ci95_high")
            let sweep = manifest?["sweep"]
            let trajectories = sweep?["trajectories"]?.number.map { Int($0) } ?? (sweep == nil ? nil : 10)
            var ranges: [String: String] = [:]
            if case .array(let list)? = sweep?["parameters"] {
                for p in list {
                    guard let path = p["path"]?.string, let a = p["min"]?.number, let b = p["max"]?.number else { continue }
                    ranges[path] = "\(FigureFormat.plain(a))–\(FigureFormat.plain(b))"
                }
            }
            var rows: [[String]] = []
            for metric in shown(unique(ms)) {
                var pts: [MorrisChart.Point] = []
                for i in ms.indices where ms[i] == metric {
                    guard let p = ps[i], let m = ms_[i], let s = sg[i] else { continue }
                    pts.append(.init(parameter: p, mu: mu[i], muStar: m, sigma: s, low: lo[i], high: hi[i], range: ranges[p]))
                    let d = { (v: Double?) in v.map { MetricLabels.difference($0, metric) } ?? "—" }
                    rows.append([p, ranges[p] ?? "—", MetricLabels.label(metric), d(mu[i]), d(m),
                                 FigureFormat.interval(d(lo[i]), d(hi[i])), d(s)])
                }
                charts.append(MorrisChart.signedChart(metric: metric, points: pts, trajectories: trajectories, source: source))
                charts.append(MorrisChart.chart(metric: metric, points: pts, source: source))
            }
            table = .init(caption: "Morris screening of \(name)", header: ["parameter", "range", "figure", "μ", "μ*", "μ* 95% CI", "σ"],
                          rows: rows)
        } else {
            let design = manifest?["design"]?.string
            let numeric = parameters.filter { p in points.strings(p).allSatisfy { $0.flatMap(Double.init) != nil } }
            if design == "lhs" || (design == nil && parameters.count > 3 && numeric.count == parameters.count) {
                charts = shown(metrics).map { metric in
                    ScatterMatrix.chart(metric: metric, parameters: numeric.map { ($0, points.doubles($0)) },
                                        outcome: points.doubles(metric + "_mean"), source: source)
                }
            } else if parameters.count >= 2 {
                charts = shown(metrics).map { heatmap(points, parameters: parameters, metric: $0, source: source) }
            } else {
                charts = gridCharts(points, parameters: parameters, metrics: shown(metrics), source: source)
            }
            let rows = points.rows.indices.map { i -> [String] in
                [points.strings("point")[i] ?? "\(i)"] + parameters.map { points.strings($0)[i] ?? "" } + metrics.map { m in
                    guard let mean = points.doubles(m + "_mean")[i] else { return "—" }
                    let ci = interval(m, i).map { " " + FigureFormat.interval(MetricLabels.value($0.lowerBound, m), MetricLabels.value($0.upperBound, m)) } ?? ""
                    return MetricLabels.value(mean, m) + ci
                }
            }
            table = .init(caption: "Every point of the \(design ?? "grid") sweep of \(name): mean [95% CI]",
                          header: ["point"] + parameters + metrics.map(MetricLabels.axisLabel), rows: rows)
        }
        let html = HTMLReport.page(title: "What moves the \(name) program: sensitivity over \(points.rows.count) design points",
                                   subtitle: source.caption, tables: [table], charts: charts,
                                   notes: [MetricLabels.footnote(metrics), parameterFootnote(parameters)])
        return (html, charts)
    }

    /// Every point of a grid over two or more parameters: the first two as columns and rows of a
    /// heatmap, one facet per combination of the rest (in the order the points come).
    static func heatmap(_ points: CSVTable, parameters: [String], metric: String, source: ChartSource) -> Chart {
        let xCells = points.strings(parameters[0]), yCells = points.strings(parameters[1])
        let xs = unique(xCells), ys = unique(yCells)
        let rest = Array(parameters.dropFirst(2))
        let restCells = rest.map(points.strings)
        func key(_ i: Int) -> String { zip(rest, restCells).map { "\($0) = \($1[i] ?? "")" }.joined(separator: ", ") }
        let keys = unique(points.rows.indices.map { Optional(key($0)) })
        let means = points.doubles(metric + "_mean")
        let facets = keys.map { k -> GridHeatmap.Facet in
            var values = [[Double?]](repeating: [Double?](repeating: nil, count: xs.count), count: ys.count)
            for i in points.rows.indices where key(i) == k {
                guard let c = xs.firstIndex(of: xCells[i] ?? ""), let r = ys.firstIndex(of: yCells[i] ?? "") else { continue }
                values[r][c] = means[i]
            }
            return GridHeatmap.Facet(label: k, values: values)
        }
        return GridHeatmap.chart(metric: metric, xParameter: parameters[0], xValues: xs, yParameter: parameters[1], yValues: ys,
                                 facets: facets, facetParameters: rest, source: source)
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

    /// What each parameter path means, from the scenario schema, so a chart labelled with a path
    /// still says what it varies: "teams.delivery: Delivery squads …".
    static func parameterFootnote(_ parameters: [String]) -> String {
        let fields = ScenarioSchema.descriptions
        let meanings = parameters.map { path -> String in
            // "dataDomains[*].readiness" and "dataDomains[2].readiness" are the schema's "dataDomains[].readiness".
            let key = path.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "[]", options: .regularExpression)
            return fields.first { $0.path == key }.map { "\(path): \($0.meaning)" } ?? path
        }
        return "Parameters: " + meanings.joined(separator: " ")
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
