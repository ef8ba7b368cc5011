import Foundation
import Testing
import ProgramModel
@testable import Experiments

@Suite struct ReportTests {
    static let source = ChartSource(scenario: "R&D <pilot> \"x\"", replications: 20, seed: 3)

    /// One small real run, shared: 20 replications of the baseline written as `run` does.
    static let runFolder: String = {
        let out = temporaryFolder("report-run")
        let scenario = Scenario()
        let manifest = RunManifest(seed: 3, replications: 20, commandLine: ["test"], startTime: Date())
        return try! RunFiles.run(scenario, manifest: manifest, threads: 2, to: out).folder
    }()

    @Test func svgEscapesTextAndAttributes() {
        var svg = SVG(width: 100, height: 50)
        svg.text("a < b & \"c\" 'd' > e", x: 1, y: 2)
        svg.element("g", [("data-x", "<&\">")])
        let text = svg.render(title: "R&D <pilot>")
        #expect(xmlError(text) == nil)
        #expect(text.contains("a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e"))
    }

    @Test func runReportHasEveryChartAndIsWellFormed() throws {
        let report = try ReportBuilder.writeReport(forDirectory: Self.runFolder)
        #expect(report.hasSuffix("/report.html"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xmlError(html) == nil)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(html.contains("Headline figures"))
        for metric in MetricCatalogue.headline { #expect(html.contains(SVG.escape(MetricCatalogue[metric].label)), "\(metric)") }
        for name in ["funnel", "time-to-value", "fan", "capacity"] {
            #expect(html.contains("<figure id=\"\(name)\""), "\(name) in report")
            let svg = try String(contentsOfFile: (Self.runFolder as NSString).appendingPathComponent(name + ".svg"), encoding: .utf8)
            #expect(xmlError(svg) == nil, "\(name).svg")
            #expect(svg.contains("Scenario baseline · 20 replications · seed 3"), "\(name) caption")
        }
        #expect(ReportBuilder.kind(of: Self.runFolder) == .run)
    }

    @Test func funnelBarsAreProportionalAndLabelsDoNotOverlap() throws {
        let run = try RunFolder(path: Self.runFolder)
        let steps = FunnelChart.steps(run)
        #expect(steps.map(\.label).first == "use cases" && steps.map(\.label).last == "scaled")
        let layout = FunnelChart.layout(steps)
        for (step, bar) in zip(steps, layout.bars) {
            #expect(abs(bar.width - (step.summary.mean ?? 0) * layout.pixelsPerUnit) < 1e-9)
        }
        let ratio = layout.bars[0].width / (steps[0].summary.mean ?? 1)
        #expect(layout.bars.allSatisfy { _ in ratio > 0 })
        // The whiskers' ends stay inside the chart, and no two labels overlap.
        let boxes = layout.labels.map(\.box)
        for (i, a) in boxes.enumerated() {
            #expect(a.x >= 0 && a.x + a.width <= ChartFrame.width, "\(layout.labels[i].text) inside")
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "\(layout.labels[i].text)") }
        }
        // Long loss lists wrap rather than run off the edge.
        var long = steps
        long[0].lost = (1...12).map { ("a rather long reason number \($0)", Double($0)) }
        let wrapped = FunnelChart.layout(long)
        for (i, a) in wrapped.labels.enumerated() {
            #expect(a.box.x + a.box.width <= ChartFrame.width - 16 + 1e-9)
            for b in wrapped.labels[(i + 1)...] { #expect(!a.box.intersects(b.box)) }
        }
    }

    @Test func fanBandsAreOrdered() throws {
        let run = try RunFolder(path: Self.runFolder)
        let g = FanChart.geometry(run.series["cumulative_value"]!, costPerMonth: run.costPerMonth)
        #expect(g.months.first == 0 && g.months.count == 61)
        for q in g.quantiles { #expect(zip(q, q.dropFirst()).allSatisfy { $0 <= $1 }, "\(q)") }
        // Hand-edited disorder is put right, not drawn as crossing bands.
        let row = RunFolder.MonthRow(month: 1, mean: 5, p5: 9, p25: 1, p50: 5, p75: 3, p95: 7)
        #expect(FanChart.geometry([row], costPerMonth: 1).quantiles[1] == [1, 3, 5, 7, 9])
        #expect(g.costLine.last == run.costPerMonth * 60)
        #expect(abs(FanChart.crossing([0, 1, 2], [0, 0, 4], [0, 1, 2])! - 4.0 / 3) < 1e-12)
        #expect(FanChart.crossing([0, 1, 2], [0, 0, 1], [0, 1, 2]) == nil)
    }

    @Test func timeToValueCountsUndefinedReplications() {
        let chart = TimeToValueChart.chart(firstValue: [3, 4, 5], firstUndefined: 2, useCase: [10, 12], useCaseUndefined: 3,
                                           source: Self.source)
        #expect(xmlError(chart.svg) == nil)
        #expect(chart.note.contains("2 replication(s) for time to first value, 3 for use-case"))
        #expect(chart.svg.contains("median 4.00 mo"))
    }

    @Test func compareFolder() throws {
        let dir = temporaryFolder("report-compare")
        write("""
            metric,scenario,baseline,mean,baseline_mean,diff_mean,diff_ci95_low,diff_ci95_high,sd_diff,share_better,n
            pilot_to_scale_rate,federated,baseline,0.35,0.29,0.06,0.05,0.07,0.08,0.71,300
            pilot_to_scale_rate,"R&D, <fast>",baseline,0.31,0.29,0.02,-0.005,0.045,0.1,0.55,300
            mean_use_case_ttv_months,federated,baseline,25.1,28.3,-3.2,-3.6,-2.8,2,0.8,300
            mean_use_case_ttv_months,"R&D, <fast>",baseline,29.0,28.3,0.7,0.2,1.2,2,0.4,300
            drift_events,federated,baseline,20,23,-3,-4,-2,1,0.9,300

            """, to: dir, "comparison.csv")
        write("metric,scenario\npilot_to_scale_rate,\"R&D, <fast>\"\n", to: dir, "best.csv")
        #expect(ReportBuilder.kind(of: dir) == .comparison)
        let path = try ReportBuilder.writeReport(forDirectory: dir)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xmlError(html) == nil)
        let forest = try String(contentsOfFile: (dir as NSString).appendingPathComponent("forest.svg"), encoding: .utf8)
        #expect(xmlError(forest) == nil)
        #expect(forest.contains("★ R&amp;D, &lt;fast&gt;"))  // best from best.csv
        #expect(forest.contains("★ federated"))               // best computed where best.csv is silent
        #expect(forest.contains("← better") && forest.contains("better →"))
        #expect(!forest.contains("drift events"))              // headline metrics only, when present
    }

    @Test func sweepFolders() throws {
        let points = """
            point,teams.delivery,teams.placement,npv_mean,npv_ci95_low,npv_ci95_high,npv_p50
            0,4,pooled,-9000,-11000,-7000,-9500
            1,8,pooled,-4000,-6000,-2000,-4200
            2,4,perBusinessUnit,-7000,-9000,-5000,-7200
            3,8,perBusinessUnit,-1000,-3000,1000,-1100

            """
        let manifest = "{\"scenario\": \"baseline\", \"seed\": 7, \"replications\": 200}\n"
        let cases: [(String, String, String, String)] = [
            ("tornado.csv", "parameter,metric,low_value,high_value,metric_at_low,metric_at_high,swing\nteams.delivery,npv,4,8,-9000,-4000,5000\nfit.pooled,npv,0.3,0.6,-12000,-1000,11000\n", "tornado-npv", "fit.pooled"),
            ("sensitivity.csv", "parameter,metric,mu,mu_star,sigma,mu_star_ci95_low,mu_star_ci95_high\nteams.delivery,npv,4000,5000,2000,4000,6000\nfit.pooled,npv,9000,11000,7000,9000,13000\n", "morris-npv", "fit.pooled"),
            ("", "", "grid-npv", "teams.placement = perBusinessUnit"),
        ]
        for (file, text, chart, expected) in cases {
            let dir = temporaryFolder("report-sweep")
            write(points, to: dir, "points.csv")
            write(manifest, to: dir, "manifest.json")
            if !file.isEmpty { write(text, to: dir, file) }
            #expect(ReportBuilder.kind(of: dir) == .sweep)
            let html = try String(contentsOfFile: try ReportBuilder.writeReport(forDirectory: dir), encoding: .utf8)
            #expect(xmlError(html) == nil, "\(chart) html")
            let svg = try String(contentsOfFile: (dir as NSString).appendingPathComponent(chart + ".svg"), encoding: .utf8)
            #expect(xmlError(svg) == nil, "\(chart)")
            #expect(svg.contains(expected), "\(chart)")
            #expect(svg.contains("200 replications · seed 7"), "\(chart)")
        }
    }

    @Test func unknownFolderIsAReadError() {
        let dir = temporaryFolder("report-empty")
        #expect(ReportBuilder.kind(of: dir) == nil)
        #expect(throws: OutputError.self) { try ReportBuilder.writeReport(forDirectory: dir) }
        do { _ = try ReportBuilder.writeReport(forDirectory: dir) } catch { #expect(error.action == "read") }
    }
}

@Suite struct TornadoLabelTests {
    @Test func aParameterWithNoSwingGetsItsTwoLabelsOnOppositeSides() {
        let bars = [TornadoChart.Bar(parameter: "operations.monitoring", lowValue: "false", highValue: "true",
                                     atLow: 19, atHigh: 19),
                    TornadoChart.Bar(parameter: "teams.delivery", lowValue: "6", highValue: "12", atLow: 20, atHigh: 18)]
        let svg = TornadoChart.chart(metric: "time_to_first_value_months", bars: bars,
                                     source: ChartSource(scenario: "s", replications: 1, seed: 1)).svg
        func anchor(of label: String) -> String? {
            guard let r = svg.range(of: ">\(label)</text>") else { return nil }
            let tag = svg[svg[..<r.lowerBound].range(of: "<text", options: .backwards)!.lowerBound..<r.lowerBound]
            return tag.contains("text-anchor=\"end\"") ? "end" : "start"
        }
        #expect(anchor(of: "= false") == "end")
        #expect(anchor(of: "= true") == "start")
        // Where the high value gives the lower figure, its label sits on the left.
        #expect(anchor(of: "= 12") == "end")
        #expect(anchor(of: "= 6") == "start")
    }
}

@Suite struct GridLineChartTests {
    @Test func categoryLabelsAreWrittenInPositionOrderAndHeldParametersAreNamed() {
        let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
        let labels = Dictionary(uniqueKeysWithValues: names.enumerated().map { (Double($0.offset), $0.element) })
        let line = GridLineChart.Line(label: "a", points: names.indices.map { (Double($0), 1.0, 0.9, 1.1) })
        let chart = GridLineChart.chart(metric: "pilot_to_scale_rate", xParameter: "governance.style",
                                        xLabels: labels, lines: [line], lineParameter: nil,
                                        held: [("teams.delivery", "8")],
                                        source: ChartSource(scenario: "s", replications: 1, seed: 1))
        // A Dictionary's iteration order differs between processes; the file must not.
        let positions = names.map { chart.svg.range(of: ">\($0)</text>")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(chart.title.hasSuffix("(teams.delivery = 8)"))
        #expect(chart.note.contains("only the grid points with teams.delivery = 8 are shown"))
    }
}
