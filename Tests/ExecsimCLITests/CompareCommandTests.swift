import Foundation
import Testing
@testable import ExecsimCLI
import Experiments
import ProgramModel

/// The repository's `scenarios/` folder, found from this file so tests run from any directory.
let scenariosFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios").path

func shippedScenario(_ name: String) -> String { "\(scenariosFolder)/\(name).json" }

func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "execsim-compare-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct CompareCommandTests {
    @Test func writesTheFilesAndPrintsTheTable() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let captured = CapturedIO()
        let code = ExecsimCLI.run(["compare", shippedScenario("baseline"), shippedScenario("co-development"),
                                   shippedScenario("more-squads"), "--replications", "60", "--seed", "3",
                                   "--delta", "pilot_to_scale_rate=0.05", "--metrics", "pilot_to_scale_rate,roi",
                                   "--threads", "2", "--out", out], io: captured.io)
        #expect(code == 0, "\(captured.stderr)")
        let comparison = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8)
            .split(separator: "\n")
        #expect(comparison.first == "metric,scenario,baseline,mean,baseline_mean,diff_mean,diff_ci95_low,diff_ci95_high,sd_diff,share_better,share_tied,share_worse,n")
        #expect(comparison.count == 1 + 2 * 2)  // two metrics, two scenarios against the baseline
        #expect(comparison[1].hasPrefix("pilot_to_scale_rate,co-development,baseline,"))
        #expect(comparison[1].hasSuffix(",60"))
        let best = try String(contentsOfFile: out + "/best.csv", encoding: .utf8).split(separator: "\n")
        #expect(best.first == "metric,better,scenario,mean,mcb_low,mcb_high,mcb_verdict,n,delta,selected,selection_replications")
        #expect(best.count == 1 + 2 * 3)
        #expect(best.filter { $0.hasPrefix("pilot_to_scale_rate,higher,") && $0.contains(",0.05,true,") }.count == 1)
        #expect(best.filter { $0.hasPrefix("roi,") }.allSatisfy { $0.hasSuffix(",,") })
        for name in ["baseline", "co-development", "more-squads"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/runs/\(name)/summary.csv"))
        }
        #expect(captured.stdout.contains("pilot-to-scale rate, higher is better"))
        #expect(captured.stdout.contains("selected (KN, δ = 0.05)"))
        #expect(captured.stdout.contains("co-development"))
    }

    @Test func usageErrors() {
        let a = shippedScenario("baseline"), b = shippedScenario("federated")
        let cases: [([String], String)] = [
            (["compare", a, b, "--metrics", "roi,speed"],
             "Error: invalid value 'speed' for option '--metrics': expected a metric name, one of use_cases,"),
            (["compare", a, b, "--delta", "roi"], "Error: invalid value 'roi' for option '--delta': expected metric=value"),
            (["compare", a, b, "--delta", "roi=-1"], "Error: invalid value '-1' for option '--delta': expected a positive number"),
            (["compare", a, b, "--baseline", "nope"],
             "Error: invalid value 'nope' for option '--baseline': expected the name of one of the scenarios: baseline, federated"),
            (["compare", a], "Error: missing argument <scenario.json>"),
        ]
        for (arguments, message) in cases {
            let captured = CapturedIO()
            #expect(ExecsimCLI.run(arguments, io: captured.io) == 64)
            #expect(captured.stderr.hasPrefix(message), "\(captured.stderr)")
        }
    }

    /// `compare --precision` through the command: it stops at the first block end, says so
    /// even with --quiet naming the difference that decided, and refuses what cannot go with it.
    @Test func precisionStopsTheComparisonAndSaysWhichDifferenceDecided() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let small = #"{"name": "NAME", "horizonMonths": 12, "portfolio": {"initialUseCases": 4, "arrivalsPerMonth": 0}, "teams": {"delivery": SQUADS}}"#
        for (name, squads) in [("a", 1), ("b", 2)] {
            FileManager.default.createFile(atPath: "\(dir)/\(name).json", contents: Data(
                small.replacingOccurrences(of: "NAME", with: name).replacingOccurrences(of: "SQUADS", with: String(squads)).utf8))
        }
        let files = [dir + "/a.json", dir + "/b.json"]
        let run = { (arguments: [String]) -> (code: Int32, stdout: String, stderr: String) in
            let captured = CapturedIO()
            return (ExecsimCLI.run(arguments, io: captured.io), captured.stdout, captured.stderr)
        }
        let result = run(["compare"] + files + ["--precision", "npv=1000%", "--max-replications", "9000", "--metrics", "roi",
                                                "--out", dir + "/out", "--quiet", "--threads", "2"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("stopped after 4096 replications: every precision target met; npv of b − a decided (95% half-width "), "\(result.stdout)")
        let rows = try String(contentsOfFile: dir + "/out/comparison.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.map { $0.prefix(8) } == ["roi,b,a,", "npv,b,a,"], "npv is compared because a target names it")
        #expect(rows.allSatisfy { $0.hasSuffix(",4096") })
        let manifest = try String(contentsOfFile: dir + "/out/runs/b/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"replications\": 4096") && manifest.contains("\"decided_by_scenario\": \"b\""))

        for (arguments, message) in [
            (["--precision", "npv=1%", "--replications", "10"], "no fixed count with --precision"),
            (["--max-replications", "10"], "to be given with --precision"),
            (["--precision", "npv=-1%"], "a positive half-width"),
            (["--precision", "npv=1%", "--max-replications", "1"], "expected an integer from 2 to"),
            (["--precision", "npv=1%", "--max-replications", "20000000"], "expected at most 15,625,000 for 2 scenarios and 8 metrics"),
            (["--precision", "npv=1%", "--max-replications", "200000000"], "execsim's stated limit for one run"),
        ] {
            let bad = run(["compare"] + files + ["--out", dir + "/bad", "--quiet"] + arguments)
            #expect(bad.code == 64, "\(arguments)")
            #expect(bad.stderr.contains(message), "\(arguments): \(bad.stderr)")
        }
        let help = run(["compare", "--help"]).stdout
        #expect(help.contains("With neither this nor --precision: the files' \"replications\", when they agree, else 1000."))
        #expect(help.contains("relative to |baseline mean| with %"))
    }

    @Test func everyShippedScenarioValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: scenariosFolder)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 7)
        #expect(files.first == "baseline.json")  // so `scenarios/*.json` puts the baseline first
        for file in files {
            let scenario = try Scenario.load(contentsOf: "\(scenariosFolder)/\(file)")
            #expect(scenario.name + ".json" == file)
            #expect(!(scenario.description ?? "").isEmpty, "\(file) needs a description")
        }
    }

    /// Common random numbers pay: with the same seed the paired interval for the difference is
    /// narrower than the one from independent seeds (Welch, as one would have to use then).
    @Test(arguments: [ReplicationMetric.pilotToScaleRate, .valueRealized, .meanUseCaseTTVMonths])
    func commonRandomNumbersNarrowTheInterval(metric: ReplicationMetric) throws {
        let base = try Scenario.load(contentsOf: shippedScenario("baseline"))
        let codev = try Scenario.load(contentsOf: shippedScenario("co-development"))
        let n = 300
        let a = ScenarioRunner.run(base, seed: 1, replications: n, threads: 2).map { $0.value(of: metric) }
        let same = ScenarioRunner.run(codev, seed: 1, replications: n, threads: 2).map { $0.value(of: metric) }
        let other = ScenarioRunner.run(codev, seed: 2, replications: n, threads: 2).map { $0.value(of: metric) }
        let paired = try #require(PairedComparison(scenario: same, baseline: a, higherIsBetter: true).halfWidth)
        let sa = Summary(values: a), so = Summary(values: other)
        let sa2 = try #require(sa.std) * sa.std! / Double(sa.n), so2 = try #require(so.std) * so.std! / Double(so.n)
        let welchDF = (sa2 + so2) * (sa2 + so2)
            / (sa2 * sa2 / Double(sa.n - 1) + so2 * so2 / Double(so.n - 1))
        let independent = StudentT.quantile(0.975, degreesOfFreedom: Int(welchDF)) * (sa2 + so2).squareRoot()
        #expect(paired < 0.8 * independent, "\(metric.name): paired ±\(paired), independent ±\(independent)")
    }
}

@Suite struct ReportCommandTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    @Test func runWithReportWritesTheHTMLAndEveryRunChart() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = run(["run", "--replications", "30", "--out", out, "--report", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == "report: \(out)/baseline/report.html\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/baseline")
        #expect(files.contains("report.html"))
        #expect(files.filter { $0.hasSuffix(".svg") }.count >= 4)
        let html = try String(contentsOfFile: out + "/baseline/report.html", encoding: .utf8)
        #expect(html.contains("<svg") && !html.contains("<script"))
        // `execsim report DIR` rebuilds the same report from the files alone.
        let again = run(["report", out + "/baseline", "--out", out + "/again.html"])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: out + "/again.html", encoding: .utf8) == html)
    }

    @Test func compareWithReportMarksTheMCBBest() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = run(["compare", shippedScenario("baseline"), shippedScenario("co-development"),
                     "--replications", "200", "--metrics", "pilot_to_scale_rate", "--out", out,
                     "--report", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("report: \(out)/report.html\n"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("co-development"))
        // The best marked in the report is the MCB verdict of best.csv, not the last row.
        let best = try String(contentsOfFile: out + "/best.csv", encoding: .utf8)
        let bestRow = best.split(separator: "\n").first { $0.contains(",best,") }
        #expect(bestRow?.contains(",co-development,") == true)
        #expect(html.contains("★ co-development"))
        #expect(html.contains("seed 1"), "the caption takes the seed from runs/baseline/manifest.json")
        #expect(!html.contains("★ baseline"))
    }

    @Test func reportOfAFolderWithoutResultsIsInvalidInput() {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = run(["report", out])
        #expect(r.code == 65)
        #expect(r.stderr.hasPrefix("Error: "))
    }
}

@Suite struct SweepReportTests {
    @Test func sweepWithReportDrawsTheTornado() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"name": "tiny", "horizonMonths": 24, "portfolio": {"initialUseCases": 8, "arrivalsUntilMonth": 6}}"#
            .write(toFile: dir + "/tiny.json", atomically: true, encoding: .utf8)
        try #"""
            {"name": "tiny-oat", "base": "tiny.json", "design": "oat", "replications": 20, "seed": 3,
             "parameters": [{"path": "teams.delivery", "low": 4, "high": 12},
                            {"path": "stages.pilot.baseSuccess", "low": 0.6, "high": 0.95}],
             "metrics": ["pilot_to_scale_rate"]}
            """#.write(toFile: dir + "/oat.json", atomically: true, encoding: .utf8)
        let captured = CapturedIO()
        let code = ExecsimCLI.run(["sweep", dir + "/oat.json", "--out", dir + "/out", "--report", "--quiet"],
                                  io: captured.io)
        #expect(code == 0, "\(captured.stderr)")
        #expect(captured.stdout == "report: \(dir)/out/report.html\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out")
        #expect(files.contains("tornado.csv") && files.contains("report.html"))
        #expect(files.contains { $0.hasPrefix("tornado") && $0.hasSuffix(".svg") })
    }

    @Test func reportWithAShardIsAUsageError() {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(["sweep", "whatever.json", "--shard", "0/2", "--report"], io: captured.io)
        #expect(code == 64)
        #expect(captured.stderr.hasPrefix("Error: invalid value 'with --shard' for option '--report'"))
    }
}
