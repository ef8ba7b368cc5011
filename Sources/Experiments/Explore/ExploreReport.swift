import Foundation
import ProgramModel

/// The report of an exploration folder: the robustness table, each policy's outcome across
/// worlds, regret, and for the cases in discovery.json their peeling trajectories, a scatter of
/// the worlds with the box drawn, and the box's limits against each uncertainty's range.
enum ExploreReport {
    /// Cases drawn with their own scatter and limits chart, in discovery.json order.
    static let drawnCases = 4

    static func report(_ directory: String) throws(OutputError) -> (html: String, charts: [Chart]) {
        let recorded: ExploreFile?
        do throws(ScenarioError) {
            recorded = try ExploreManifest.file(directory: directory)
        } catch {
            throw OutputError(action: "read", path: directory + "/manifest.json", reason: error.description)
        }
        guard let file = recorded else {
            throw OutputError(action: "read", path: directory + "/manifest.json", reason: "not an exploration's manifest")
        }
        let contents = try ExperimentsTable.read(directory + "/" + ExperimentsTable.fileName, file: file)
        let discoveryPath = directory + "/discovery.json"
        guard let data = FileManager.default.contents(atPath: discoveryPath), let discovery = try? JSONParser.parse([UInt8](data)),
              case .array(let cases)? = discovery["cases"] else {
            throw OutputError(action: "read", path: discoveryPath, reason: "missing or not the discovery file of execsim explore")
        }
        return build(file, contents, cases: cases)
    }

    static func build(_ file: ExploreFile, _ contents: ExperimentsTable.Contents, cases: [JSONValue]) -> (html: String, charts: [Chart]) {
        let source = ChartSource(scenario: file.name + " (\(file.worlds) worlds × \(contents.policies.count) policies)",
                                 replications: file.replications, seed: file.seed)
        let policies = contents.policies
        var charts: [Chart] = []
        var rows: [[String]] = []
        var strips: [OutcomeStripChart.Panel] = [], regrets: [RegretChart.Panel] = []
        for (m, metric) in file.metrics.enumerated() {
            let summaries = Robustness.summaries(values: contents.means[m], halfWidths: contents.halfWidths[m],
                                                 higherIsBetter: metric.higherIsBetter, threshold: file.thresholds[m])
            strips.append(.init(metric: metric.name, values: policies.indices.map { p in contents.means[m].compactMap { $0[p] } }))
            regrets.append(.init(metric: metric.name, rows: summaries.enumerated().compactMap { p, s in
                guard let mean = s.regretMean, let p90 = s.regretP90, let max = s.regretMax else { return nil }
                return .init(policy: policies[p], mean: mean, p90: p90, max: max,
                             shareBest: s.shareBest ?? 0, shareBestOrTied: s.shareBestOrTied ?? 0)
            }))
            for (p, s) in summaries.enumerated() {
                func f(_ x: Double?) -> String { x.map(MetricFormat.figure) ?? "—" }
                func pct(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
                // Non-breaking hyphens: a policy name is one word in the table.
                rows.append([policies[p].replacingOccurrences(of: "-", with: "\u{2011}"), MetricCatalogue.label(metric.name), "\(f(s.mean)) [\(f(s.p10)) – \(f(s.p90))]",
                             "\(f(s.regretMean)) / \(f(s.regretMax))", "\(pct(s.shareBest)) / \(pct(s.shareBestOrTied))",
                             file.thresholds[m] == nil ? "—" : pct(s.shareMeetingThreshold)])
            }
        }
        let table = HTMLReport.Table(
            caption: "Robustness over \(file.worlds) worlds (\(file.replications) replications per world and policy, common random numbers within a world); meets: share of worlds meeting the threshold of robustness.csv",
            header: ["policy", "figure", "mean [p10 – p90]", "regret mean/max", "best / best or tied", "meets"],
            rows: rows)
        charts.append(OutcomeStripChart.chart(strips, policies: policies, source: source))
        charts.append(RegretChart.chart(regrets, source: source))

        let shown = cases.filter { ($0["worlds_with_case"]?.number ?? 0) > 0 }
        let lines = shown.prefix(Palette.series.count).compactMap { c -> PeelingTrajectoryChart.Line? in
            guard case .array(let steps)? = c["trajectory"], let text = c["case"]?.string else { return nil }
            let points = steps.map { (coverage: $0["coverage"]?.number ?? 0, density: $0["density"]?.number ?? 0) }
            return .init(caseText: text, points: points, chosen: min(points.count - 1, Int(c["chosen_step"]?.number ?? 0)))
        }
        if !lines.isEmpty { charts.append(PeelingTrajectoryChart.chart(Array(lines), source: source)) }
        for (i, c) in shown.prefix(drawnCases).enumerated() {
            if let scatter = scatter(file, contents, c, index: i, source: source) { charts.append(scatter) }
            if let limits = limitsChart(file, c, index: i, source: source) { charts.append(limits) }
        }
        let html = HTMLReport.page(title: "Exploration \(file.name): which policy holds up across uncertain worlds",
                                   subtitle: source.caption, tables: [table], charts: charts)
        return (html, charts)
    }

    static func limitsChart(_ file: ExploreFile, _ c: JSONValue, index: Int, source: ChartSource) -> Chart? {
        guard let text = c["case"]?.string, case .array(let limits)? = c["limits"] else { return nil }
        let rows = limits.compactMap { l -> BoxLimitsChart.Row? in
            guard let name = l["uncertainty"]?.string, let lo = l["range_min"]?.number, let hi = l["range_max"]?.number else { return nil }
            return .init(uncertainty: name, rangeMin: lo, rangeMax: hi, lower: l["lower"]?.number, upper: l["upper"]?.number,
                         quasiP: l["quasi_p"]?.number)
        }
        guard !rows.isEmpty else { return nil }
        return BoxLimitsChart.chart(caseText: text, rows: rows, index: index, coverage: c["coverage"]?.number ?? 0,
                                    density: c["density"]?.number ?? 0, source: source)
    }

    /// The scatter of one case: its two most telling numeric uncertainties, the restricted
    /// ones with the smallest quasi-p first, then by |PRCC| of the case's metric difference.
    static func scatter(_ file: ExploreFile, _ contents: ExperimentsTable.Contents, _ c: JSONValue, index: Int,
                        source: ChartSource) -> Chart? {
        guard let text = c["case"]?.string, case .array(let limits)? = c["limits"],
              let parsed = try? DiscoveryCase(parsing: text, policies: contents.policies, metrics: file.metrics) else { return nil }
        let numeric = ExploreAnalysis.numericUncertainties(file)
        guard numeric.count >= 2 else { return nil }
        let metric = file.metrics[parsed.metric]
        let means = contents.means[parsed.metric]
        let restricted = numeric.filter { u in limits.indices.contains(u) && limits[u]["restricted"] == .bool(true) }
            .sorted { (limits[$0]["quasi_p"]?.number ?? 1) < (limits[$1]["quasi_p"]?.number ?? 1) }
        var chosen = Array(restricted.prefix(2))
        if chosen.count < 2 {
            let inputs = numeric.map { u in contents.uncertainty[u].map { $0.flatMap(Double.init) ?? 0 } }
            let policy: Int = switch parsed.kind { case .best(let p), .beats(let p, _), .clearlyBeats(let p, _), .compare(let p, _, _): p }
            let outcome = means.map { ($0[policy] ?? 0) - (policy == 0 ? 0 : ($0[0] ?? 0)) }
            let prcc = PartialRankCorrelation.coefficients(inputs: inputs, output: outcome)
            let ranked = numeric.indices.sorted { abs(prcc[$0].value ?? 0) > abs(prcc[$1].value ?? 0) }.map { numeric[$0] }
            for u in ranked where !chosen.contains(u) && chosen.count < 2 { chosen.append(u) }
        }
        let (ux, uy) = (chosen[0], chosen[1])
        func values(_ u: Int) -> [Double] { contents.uncertainty[u].map { $0.flatMap(Double.init) ?? .nan } }
        func range(_ u: Int) -> (Double, Double) {
            let r = ExploreAnalysis.fullRange(file.uncertainties[u])
            let v = values(u)
            return (r.min ?? v.min() ?? 0, r.max ?? v.max() ?? 1)
        }
        let best = means.map { world -> Int? in
            var b: Int?
            for (p, v) in world.enumerated() { if let v, b == nil || metric.isBetter(v, than: world[b!]!) { b = p } }
            return b
        }
        let others = limits.indices.filter { $0 != ux && $0 != uy && limits[$0]["restricted"] == .bool(true) }
            .compactMap { limits[$0]["uncertainty"]?.string }
        let input = DiscoveryScatterChart.Input(
            caseText: text, metric: metric.name,
            xName: file.uncertainties[ux].path.description, yName: file.uncertainties[uy].path.description,
            x: values(ux), y: values(uy), best: best,
            holds: (0..<contents.worlds).map { parsed.holds(means: means[$0], halfWidths: contents.ciHalfWidths[parsed.metric][$0], metric: metric) },
            xRange: range(ux), yRange: range(uy),
            xLimits: (limits[ux]["lower"]?.number, limits[ux]["upper"]?.number),
            yLimits: (limits[uy]["lower"]?.number, limits[uy]["upper"]?.number),
            otherRestrictions: others)
        return DiscoveryScatterChart.chart(input, policies: contents.policies, index: index, source: source)
    }
}
