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
        for metric in MetricCatalogue.headline { #expect(html.contains(SVG.escape(MetricLabels.axisLabel(metric.name))), "\(metric)") }
        for name in ["funnel", "time-to-first-value", "use-case-time-to-value", "fan", "break-even", "capacity", "convergence"] {
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
    }

    @Test func timeToValueHasOneChartPerOriginAndCountsUndefinedReplications() throws {
        let chart = TimeToValueChart.chart(.program, [.init(name: "s", values: [3, 4, 5], undefined: 2)], source: Self.source)
        #expect(xmlError(chart.svg) == nil)
        #expect(chart.note.contains("s 2"))
        #expect(chart.svg.contains("median 4.00 months"))
        let run = try RunFolder(path: Self.runFolder)
        let charts = TimeToValueChart.charts(run)
        #expect(charts.map(\.name) == ["time-to-first-value", "use-case-time-to-value"])
        #expect(charts[0].svg.contains("from the start of the program") && !charts[0].svg.contains("arrival"))
        #expect(charts[1].svg.contains("arrival") && !charts[1].svg.contains("from the start of the program"))
        // Use cases pooled over replications, not the spread of each replication's mean.
        #expect(charts[1].note.contains("pooled over all replications") && charts[1].svg.contains("use cases valued by then"))
        let s = TimeToValueChart.Series(name: "s", values: [], undefined: 0, pooled: [(1, 0), (2, 0.4), (3, 0.6), (4, 1)])
        #expect(s.pooledQuantile(0.5) == 2.5 && s.pooledQuantile(1) == 4)
    }

    /// A compare folder's files, as `compare` writes them (header of today's comparison.csv).
    static let comparisonCSV = """
        metric,scenario,baseline,mean,baseline_mean,diff_mean,diff_ci95_low,diff_ci95_high,sd_diff,share_better,share_tied,share_worse,n
        pilot_to_scale_rate,federated,baseline,0.35,0.29,0.06,0.05,0.07,0.08,0.51,0.3,0.19,300
        pilot_to_scale_rate,"R&D, <fast>",baseline,0.31,0.29,0.02,-0.005,0.045,0.1,0.37,0.45,0.18,300
        time_to_first_value_months,federated,baseline,18.5,18.5006,-0.0006,-0.01,0.009,0.1,0.2,0.6,0.2,300
        time_to_first_value_months,"R&D, <fast>",baseline,19.5,18.5006,0.9994,0.8,1.2,0.5,0.1,0.1,0.8,300
        npv,federated,baseline,-5000,-3000,-2000,-2500,-1500,800,0.2,0,0.8,300
        npv,"R&D, <fast>",baseline,-6000,-3000,-3000,-3500,-2500,800,0.1,0,0.9,300
        drift_events,federated,baseline,20,23,-3,-4,-2,1,0.9,0,0.1,300

        """

    /// Verdicts: pilot-to-scale has a separated best (federated); time to first value ties
    /// (contenders only); NPV names the baseline best.
    static let bestCSV = """
        metric,better,scenario,mean,mcb_low,mcb_high,mcb_verdict,n,delta,selected,selection_replications
        pilot_to_scale_rate,higher,baseline,0.29,-0.07,0,not best,300,0.01,false,40
        pilot_to_scale_rate,higher,federated,0.35,0,0.05,best,300,0.01,true,300
        pilot_to_scale_rate,higher,"R&D, <fast>",0.31,-0.06,0,not best,300,0.01,false,55
        time_to_first_value_months,lower,baseline,18.5006,-0.01,0.01,contender,300,,,
        time_to_first_value_months,lower,federated,18.5,-0.01,0.01,contender,300,,,
        time_to_first_value_months,lower,"R&D, <fast>",19.5,0,1.2,not best,300,,,
        npv,higher,baseline,-3000,0,1500,best,300,,,
        npv,higher,federated,-5000,-2500,0,not best,300,,,
        npv,higher,"R&D, <fast>",-6000,-3500,0,not best,300,,,

        """

    @Test func compareFolderMarksOnlyWhatMCBSays() throws {
        let dir = temporaryFolder("report-compare")
        write(Self.comparisonCSV, to: dir, "comparison.csv")
        write(Self.bestCSV, to: dir, "best.csv")
        #expect(ReportBuilder.kind(of: dir) == .comparison)
        let path = try ReportBuilder.writeReport(forDirectory: dir)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xmlError(html) == nil)
        func svg(_ name: String) throws -> String {
            try String(contentsOfFile: (dir as NSString).appendingPathComponent(name + ".svg"), encoding: .utf8)
        }
        // One slide-sized forest plot per headline metric, none for the rest.
        let scale = try svg("forest-pilot_to_scale_rate"), ttfv = try svg("forest-time_to_first_value_months"), npv = try svg("forest-npv")
        #expect(!FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("forest-drift_events.svg")))
        for chart in [scale, ttfv, npv] {
            #expect(xmlError(chart) == nil)
            #expect(chart.contains("← better") || chart.contains("better →"))
        }
        // ★ only for MCB best; a tie separated by 0.0006 months is ☆ for each contender, no ★.
        #expect(scale.contains(">★ federated<") && !scale.contains("★ R&amp;D"))
        #expect(!ttfv.contains(">★ federated") && !ttfv.contains(">★ baseline"))
        #expect(ttfv.contains(">☆ federated<") && ttfv.contains(">☆ baseline<") && !ttfv.contains("☆ R&amp;D"))
        // The baseline is eligible.
        #expect(npv.contains(">★ baseline<"))
        #expect(html.contains("no clear best: ☆ baseline, federated"))
        #expect(html.contains("★ baseline"))
        // Better, tied and worse, not "better" against everything else.
        #expect(html.contains("37% / 45% / 18%"))
        // Rates in % and differences in percentage points; k$ with separators and a true minus.
        #expect(html.contains("35.0%") && html.contains("+6.00 pp"))
        #expect(html.contains("\u{2212}5,000") && !html.contains("-5000") && !html.contains("\u{2212}0.000"))
        // The scorecard and Kim–Nelson's selection are on the page, and what MCB is.
        #expect(html.contains("<figure id=\"scorecard\"") && html.contains("Kim–Nelson"))
        #expect(html.contains("multiple comparisons with the best") && html.contains("Bonferroni"))
    }

    @Test func markdownScorecardForAReadme() throws {
        let dir = temporaryFolder("report-markdown")
        write(Self.comparisonCSV, to: dir, "comparison.csv")
        write(Self.bestCSV, to: dir, "best.csv")
        let md = try ReportBuilder.markdown(forDirectory: dir)
        let lines = md.split(separator: "\n")
        #expect(lines[0].hasPrefix("| scenario | pilot-to-scale rate (%), higher is better |"))
        #expect(lines[1].hasPrefix("| --- | ---: |"))
        // A significant difference is bold, a tie is not; marks follow MCB.
        #expect(md.contains("| federated | 35.0% ★ (**+6.00 pp**) | 18.5 ☆ (\u{2212}0.001) |"))
        #expect(md.contains("| time to first value | no clear best: ☆ baseline, federated |"))
        #expect(md.contains("Kim–Nelson selected"))
        #expect(throws: OutputError.self) { try ReportBuilder.markdown(forDirectory: temporaryFolder("report-markdown-empty")) }
    }

    @Test func everyChartIsSlideSized() throws {
        let dir = temporaryFolder("report-compare-sizes")
        write(Self.comparisonCSV, to: dir, "comparison.csv")
        write(Self.bestCSV, to: dir, "best.csv")
        let run = try RunFolder(path: Self.runFolder)
        let charts = try ReportBuilder.report(forDirectory: dir).charts + ReportBuilder.runReport(run).charts
        for chart in charts {
            let height = try #require(chart.svg.firstMatch(of: /height="([0-9.]+)"/).map { Double($0.1)! })
            // At most 3:2 (16:9 is 0.56): a slide or half a printed page, never one tall strip.
            #expect(height <= ChartFrame.width * 2 / 3 + 1, "\(chart.name) is \(height) px tall")
        }
    }

    @Test func figuresUseOneMinusSignAndNeverMinusZero() {
        #expect(FigureFormat.number(-0.0001) == "0.000")
        #expect(FigureFormat.number(-12_345.4) == "\u{2212}12,345")
        #expect(FigureFormat.signed(0.0004) == "0.000" && FigureFormat.signed(2.5) == "+2.50")
        #expect(MetricLabels.value(0.2851, "pilot_to_scale_rate") == "28.5%")
        #expect(MetricLabels.difference(-0.0288, "roi") == "\u{2212}2.88 pp")
        #expect(MetricLabels.axisLabel("npv") == "NPV (k$)")
        #expect(FigureFormat.plain(0.2) == "0.2" && FigureFormat.plain(16) == "16")
    }

    @Test func funnelShowsWorkInProgressApartFromLosses() throws {
        let run = try RunFolder(path: Self.runFolder)
        let steps = FunnelChart.steps(run)
        let progress = steps.flatMap { $0.inProgress.map(\.0) }
        #expect(progress.contains("in pilot") && progress.contains("in scale-up") && progress.contains("rolling out"))
        var long = steps
        for i in long.indices { long[i].inProgress = long[i].inProgress.map { ($0.0, 3) } }
        let chart = FunnelChart.chart(long, source: Self.source)
        for line in chart.svg.split(separator: "\n") where line.contains("↓ lost:") {
            #expect(!line.contains("rolling out") && !line.contains("in scale-up") && !line.contains("in pilot"), "\(line)")
        }
        #expect(chart.svg.contains("in progress at the horizon: in pilot 3"))
    }

    @Test func breakEvenIsTheShareOfReplicationsByMonth() {
        let s = BreakEvenChart.Series(name: "s", months: [10, 20, 30], replications: 6)
        #expect(s.share(by: 9) == 0 && s.share(by: 20) == 2.0 / 6 && s.share(by: 60) == 0.5)
        let chart = BreakEvenChart.chart([s], horizon: 60, source: Self.source)
        #expect(xmlError(chart.svg) == nil && chart.note.contains("s 50%"))
        // The fan chart no longer shades a "break-even region" from where the best 5% break even.
        let fan = FanChart.chart(FanChart.geometry([.init(month: 1, mean: 1, p5: 0, p25: 1, p50: 1, p75: 2, p95: 3)],
                                                   costPerMonth: 1), breakEven: nil, source: Self.source)
        #expect(!fan.svg.contains("break-even region") && !fan.svg.contains(Palette.green))
    }

    @Test func capacityDrawsBusySquadsOverTheAvailableLineAndTheBacklog() throws {
        let run = try RunFolder(path: Self.runFolder)
        #expect(run.series["squad_backlog"] != nil)
        let svg = CapacityChart.chart(run).svg
        let available = try #require(svg.range(of: "stroke-dasharray=\"6 3\""))
        let busy = try #require(svg.range(of: "stroke=\"\(Palette.blue)\" stroke-width=\"3\""))
        #expect(available.lowerBound < busy.lowerBound, "the busy line is painted after, so on top of, the available line")
        #expect(svg.contains("requests waiting for a squad"))
        // Legend keys are bands of each series' own colour, as drawn.
        #expect(svg.components(separatedBy: "fill-opacity=\"0.3\"").count - 1 >= 4)
    }

    @Test func sweepFolders() throws {
        let points = """
            point,teams.delivery,teams.placement,npv_mean,npv_ci95_low,npv_ci95_high,npv_p50
            0,4,pooled,-9000,-11000,-7000,-9500
            1,8,pooled,-4000,-6000,-2000,-4200
            2,4,perBusinessUnit,-7000,-9000,-5000,-7200
            3,8,perBusinessUnit,-1000,-3000,1000,-1100
            4,6,pooled,-6000,-7000,-5000,-6000

            """
        let manifest = "{\"scenario\": \"baseline\", \"seed\": 7, \"replications\": 200}\n"
        let cases: [(String, String, String, String)] = [
            ("tornado.csv", "parameter,metric,low_value,high_value,metric_at_low,metric_at_high,swing,metric_at_base\nteams.delivery,npv,4,8,-9000,-4000,5000,-6000\nteams.placement,npv,pooled,perBusinessUnit,-7000,-1000,6000,-6000\n", "tornado-npv", "teams.placement"),
            ("sensitivity.csv", "parameter,metric,mu,mu_star,sigma,mu_star_ci95_low,mu_star_ci95_high\nteams.delivery,npv,-4000,5000,2000,4000,6000\nfit.pooled,npv,9000,11000,7000,9000,13000\n", "morris-npv", "fit.pooled"),
            ("sensitivity.csv", "parameter,metric,mu,mu_star,sigma,mu_star_ci95_low,mu_star_ci95_high\nteams.delivery,npv,-4000,5000,2000,4000,6000\nfit.pooled,npv,9000,11000,7000,9000,13000\n", "morris-mu-npv", "lowers it"),
            ("", "", "grid-npv", "perBusinessUnit"),
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

    @Test func gridReportShowsEveryPointAndEveryMetric() throws {
        // Three parameters, 2 × 2 × 2 = 8 points, two metrics.
        var lines = ["point,teams.delivery,governance.style,dataDomains[*].readiness,npv_mean,npv_ci95_low,npv_ci95_high,npv_p50,roi_mean,roi_ci95_low,roi_ci95_high,roi_p50"]
        var k = 0
        for r in ["0.2", "0.8"] { for g in ["centralized", "federated"] { for d in ["6", "12"] {
            lines.append("\(k),\(d),\(g),\(r),\(-1000 * (k + 1)),\(-1000 * (k + 1) - 100),\(-1000 * (k + 1) + 100),0,0.0\(k),0.0,0.1,0")
            k += 1
        } } }
        let dir = temporaryFolder("report-grid")
        write(lines.joined(separator: "\n") + "\n", to: dir, "points.csv")
        write("{\"name\": \"g\", \"design\": \"grid\", \"seed\": 1, \"replications\": 10}\n", to: dir, "manifest.json")
        let html = try String(contentsOfFile: try ReportBuilder.writeReport(forDirectory: dir), encoding: .utf8)
        let svg = try String(contentsOfFile: (dir as NSString).appendingPathComponent("grid-npv.svg"), encoding: .utf8)
        for point in 1...8 { #expect(svg.contains(">\u{2212}\(point),000<"), "point \(point) drawn") }
        #expect(svg.contains("dataDomains[*].readiness = 0.2") && svg.contains("dataDomains[*].readiness = 0.8"))
        // Paths on the axes are explained once in words, from the scenario schema.
        #expect(html.contains("teams.delivery: ") && html.contains("dataDomains[*].readiness: How clean"))
        // The table has every metric, not only the first.
        #expect(html.contains("NPV (k$)") && html.contains("ROI (%)") && html.contains("7.00%"))
    }

    @Test func unknownFolderIsAReadError() {
        let dir = temporaryFolder("report-empty")
        #expect(ReportBuilder.kind(of: dir) == nil)
        #expect(throws: OutputError.self) { try ReportBuilder.writeReport(forDirectory: dir) }
        do { _ = try ReportBuilder.writeReport(forDirectory: dir) } catch { #expect(error.action == "read") }
    }
}

@Suite struct TornadoLabelTests {
    @Test func barsStartAtTheBaseAndALeverAtOneEndDrawsOneSide() {
        // The base is the low end of teams.delivery: its low half has no width.
        let bars = [TornadoChart.Bar(parameter: "teams.delivery", lowValue: "8", highValue: "12", atLow: 0.30, atHigh: 0.34,
                                     lowInterval: 0.29...0.31, highInterval: 0.33...0.35),
                    TornadoChart.Bar(parameter: "operations.monitoring", lowValue: "false", highValue: "true", atLow: 0.299,
                                     atHigh: 0.301, lowInterval: 0.28...0.32, highInterval: 0.28...0.32)]
        let chart = TornadoChart.chart(metric: "pilot_to_scale_rate", bars: bars, base: 0.30, baseInterval: 0.29...0.31,
                                       source: ChartSource(scenario: "s", replications: 1, seed: 1))
        let orange = chart.svg.split(separator: "\n").filter { $0.hasPrefix("<rect") && $0.contains(Palette.orange) && !$0.contains("width=\"16\"") }
        #expect(orange.first?.contains("width=\"0\"") == true, "\(orange)")
        #expect(chart.svg.contains("operations.monitoring (within noise)") && !chart.svg.contains("teams.delivery (within noise)"))
        #expect(chart.note.contains("Bars start at the base scenario's 30.0%"))
    }

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

@Suite struct LabelPlacerTests {
    @Test func clusteredLabelsDoNotOverlapEachOtherOrThePoints() {
        // Eight points almost on top of each other, as Morris points near the origin are.
        let points: [(Double, Double)] = (0..<8).map { i -> (Double, Double) in (200 + 3 * Double(i), 300 - 2 * Double(i)) }
        let bounds = FunnelChart.Box(x: 70, y: 60, width: 660, height: 380)
        var placer = LabelPlacer(points: points, bounds: bounds)
        var boxes: [FunnelChart.Box] = []
        var leaders = 0
        for (i, p) in points.enumerated() {
            let (box, leader) = placer.place(width: SVG.textWidth("stages.parameter\(i)", size: 11), at: p.0, p.1)
            boxes.append(box)
            if leader { leaders += 1 }
        }
        for (i, a) in boxes.enumerated() {
            #expect(a.x >= bounds.x && a.x + a.width <= bounds.x + bounds.width + 1e-9)
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b)) }
            for p in points { #expect(!a.intersects(.init(x: p.0 - 6, y: p.1 - 6, width: 12, height: 12))) }
        }
        #expect(leaders > 0, "labels moved away from their point get a leader line")
    }

    @Test func morrisLabelsNameTheRangeAndDoNotOverlap() {
        let points = (0..<6).map { MorrisChart.Point(parameter: "p\($0)", mu: Double($0) - 3, muStar: 10 + Double($0),
                                                     sigma: 5 + Double($0) * 0.2, low: 9, high: 17, range: "0–1") }
        let svg = MorrisChart.chart(metric: "npv", points: points, source: ChartSource(scenario: "s", replications: 1, seed: 1)).svg
        #expect(svg.contains(">p0 (0–1)<"))
        let signed = MorrisChart.signedChart(metric: "npv", points: points, trajectories: 10,
                                             source: ChartSource(scenario: "s", replications: 1, seed: 1)).svg
        // μ = −3 for p0: a bar of the "lowers it" colour, left of zero.
        #expect(signed.contains(Palette.vermillion) && signed.contains(Palette.blue) && signed.contains("lowers it"))
    }
}

@Suite struct ECDFTests {
    @Test func longRunsAreThinnedButEndAtTheirShare() {
        let x = LinearScale(domain: (0, 100), range: (0, 100)), y = LinearScale(domain: (0, 100), range: (100, 0))
        let values = (0..<10_000).map { Double($0) / 100 }
        let points = ChartFrame.ecdf(values, total: 12_500, end: 100, x: x, y: y)
        #expect(points.count <= 403)
        // 10,000 of 12,500 defined: the curve ends at 80%, never 100%.
        #expect(abs(points.last!.1 - y(80)) < 1e-9 && points.last!.0 == 100)
        // Thinned points stay on the exact curve: at value v the share is (index + 1) / total.
        for p in points.dropFirst(2).dropLast() {
            let share = (100 - p.1) / 100, index = Int((p.0 * 100).rounded())
            #expect(abs(share - Double(index + 1) / 12_500) < 1e-9)
        }
        let small = ChartFrame.ecdf([1, 2], total: 2, end: 5, x: x, y: y)
        #expect(small.map(\.1) == [y(0), y(0), y(50), y(50), y(100), y(100)])
    }
}
