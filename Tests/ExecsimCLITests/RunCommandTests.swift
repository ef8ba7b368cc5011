import Foundation
import Testing
@testable import ExecsimCLI
import ProgramModel

/// End-to-end tests of `run`, `validate`, `defaults` and `trace` through the real command
/// dispatcher, writing into fresh temporary folders.
@Suite struct RunCommandTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    private func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "execsim-test-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func write(_ text: String, to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    private func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>"
    }

    /// A short program keeps the test fast; it still exercises every stage.
    private let smallScenario = """
        {"name": "small", "horizonMonths": 24, "portfolio": {"initialUseCases": 10, "arrivalsUntilMonth": 12}}
        """

    @Test func precisionStopsTheRunAndSaysWhichMetricDecided() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/small.json")
        let result = run(["run", dir + "/small.json", "--precision", "use_cases=50%,npv=1000%",
                          "--max-replications", "9000", "--out", dir + "/out", "--quiet", "--threads", "2"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("stopped after 4096 replications"), "\(result.stdout)")
        #expect(result.stdout.contains("decided"))
        let manifest = read(dir + "/out/small/manifest.json")
        #expect(manifest.contains("\"replications\": 4096"))
        #expect(manifest.contains("\"all_targets_met\": true"))
        #expect(read(dir + "/out/small/replications.csv").split(separator: "\n").count == 4097)

        for (arguments, message) in [
            (["--precision", "npv"], "metric=half-width"),
            (["--precision", "npv=0"], "a positive half-width"),
            (["--precision", "profit=1"], "a metric name"),
            (["--precision", "npv=1%", "--replications", "10"], "no fixed count with --precision"),
            (["--max-replications", "10"], "to be given with --precision"),
        ] {
            let bad = run(["run", dir + "/small.json", "--out", dir + "/bad", "--quiet"] + arguments)
            #expect(bad.code == 64, "\(arguments)")
            #expect(bad.stderr.contains(message), "\(arguments): \(bad.stderr)")
        }
    }

    @Test func runWritesAllFiveFilesWithTheirHeaders() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/small.json")
        let result = run(["run", dir + "/small.json", "--replications", "20", "--out", dir + "/out", "--quiet"])
        #expect(result.code == 0, "\(result.stderr)")
        let folder = dir + "/out/small/"
        let firstLine = { (name: String) in self.read(folder + name).split(separator: "\n").first.map(String.init) }
        #expect(firstLine("replications.csv") == (["replication"] + ReplicationMetric.allCases.map(\.name)).joined(separator: ","))
        #expect(firstLine("summary.csv") == "metric,n,mean,std,ci95_low,ci95_high,p5,p25,p50,p75,p95,min,max")
        #expect(firstLine("timeseries.csv") == "month,metric,mean,p5,p25,p50,p75,p95")
        // One row per replication; 24 months × every series.
        #expect(read(folder + "replications.csv").split(separator: "\n").count == 21)
        #expect(read(folder + "summary.csv").split(separator: "\n").count == 1 + ReplicationMetric.allCases.count)
        #expect(read(folder + "timeseries.csv").split(separator: "\n").count == 1 + 24 * SeriesMetric.allCases.count)
        // scenario.json repeats the run exactly: every default filled in, seed and count recorded.
        let repeated = try? Scenario.load(contentsOf: folder + "scenario.json")
        var expected = try? Scenario.parse(smallScenario, file: "small.json")
        expected?.seed = 1
        expected?.replications = 20
        #expect(repeated != nil && repeated == expected)
        let manifest = read(folder + "manifest.json")
        for key in ["\"execsim_version\"", "\"seed\": 1", "\"replications\": 20", "\"command_line\"", "\"start_time\""] {
            #expect(manifest.contains(key), "manifest lacks \(key)")
        }
        // The command line as execsim was given it, not the test runner's.
        let recorded = (try? JSONParser.parse(manifest))?["command_line"]
        #expect(recorded == .array(["execsim", "run", dir + "/small.json", "--replications", "20",
                                    "--out", dir + "/out", "--quiet"].map { .string($0) }))
        // No temporary files are left behind.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
        #expect(names == ["manifest.json", "replications.csv", "scenario.json", "summary.csv", "timeseries.csv"])
    }

    @Test func outputIsByteIdenticalForAnyThreadCountAndRepeatable() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/small.json")
        for (out, threads) in [("a", "1"), ("b", "4"), ("c", "4")] {
            let r = run(["run", dir + "/small.json", "--replications", "37", "--seed", "9",
                         "--threads", threads, "--out", dir + "/" + out, "--quiet"])
            #expect(r.code == 0)
        }
        for file in ["replications.csv", "summary.csv", "timeseries.csv", "scenario.json"] {
            let a = read(dir + "/a/small/" + file)
            #expect(a == read(dir + "/b/small/" + file), "\(file) differs between 1 and 4 threads")
            #expect(a == read(dir + "/c/small/" + file), "\(file) differs between two runs")
        }
        // A different seed gives different replications.
        _ = run(["run", dir + "/small.json", "--replications", "37", "--seed", "10", "--out", dir + "/d", "--quiet"])
        #expect(read(dir + "/a/small/replications.csv") != read(dir + "/d/small/replications.csv"))
    }

    @Test func runPrintsTheHeadlineTable() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/small.json")
        let r = run(["run", dir + "/small.json", "--replications", "10", "--out", dir])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("small: 10 replications, seed 1"))
        for label in ["pilot-to-scale rate", "pilot-to-production rate", "time to first value (months)",
                      "use-case time to value (months)", "pilot to production (months)",
                      "value realized (k$)", "ROI", "NPV (k$)"] {
            #expect(r.stdout.contains(label), "table lacks \(label)")
        }
        #expect(r.stdout.contains("mean [95% CI]"))
    }

    @Test func invalidScenariosExit65WithEveryIssueOfEveryFile() {
        let dir = temporaryFolder()
        write(#"{"name": "a", "teams": {"delivery": 0}}"#, to: dir + "/a.json")
        write(#"{"name": "b", "governance": {"committee": {"capacty": 2}}}"#, to: dir + "/b.json")
        let r = run(["run", dir + "/a.json", dir + "/b.json", "--out", dir, "--quiet"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("a.json: $.teams.delivery: must be a whole number at least 1, got 0"))
        #expect(r.stderr.contains("b.json: $.governance.committee.capacty: unknown key 'capacty'; did you mean 'capacity'?"))
        let v = run(["validate", dir + "/a.json"])
        #expect(v.code == 65)
        #expect(v.stderr.contains("$.teams.delivery"))
    }

    @Test func validateSaysOkPerValidFile() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/small.json")
        let r = run(["validate", dir + "/small.json"])
        #expect(r.code == 0)
        #expect(r.stdout == "ok: \(dir)/small.json\n")
    }

    @Test func scenariosWithTheSameNameAreRefused() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/one.json")
        write(smallScenario, to: dir + "/two.json")
        let r = run(["run", dir + "/one.json", dir + "/two.json", "--out", dir, "--quiet"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("'small' is also the name of"))
    }

    @Test func anUnwritableOutputFolderExits73() {
        let dir = temporaryFolder()
        write("not a folder", to: dir + "/file")
        let r = run(["run", "--replications", "2", "--out", dir + "/file", "--quiet"])
        #expect(r.code == 73)
        #expect(r.stderr.hasPrefix("Error: cannot"))
    }

    @Test func defaultsPrintsTheBaselineWithEveryField() {
        let r = run(["defaults"])
        #expect(r.code == 0)
        #expect((try? Scenario.parse(r.stdout, file: "defaults")) == Scenario())
        for key in ["\"horizonMonths\"", "\"archetypes\"", "\"rollout\"", "\"discountRatePerYear\""] {
            #expect(r.stdout.contains(key))
        }
        // The levers of issue 13, each with its default value.
        for field in ["\"prioritization\": \"fifo\"", "\"valueEstimateP90Ratio\": 2", "\"additions\": []",
                      "\"pilotCostPerMonth\": 0", "\"scaleUpCostPerMonth\": 0", "\"runCostPerMonth\": 0"] {
            #expect(r.stdout.contains(field), "defaults lack \(field)")
        }
    }

    @Test func traceWritesTheEventLogOfOneReplication() {
        let dir = temporaryFolder()
        write(smallScenario, to: dir + "/small.json")
        let r = run(["trace", dir + "/small.json", "--replication", "3", "--out", dir + "/trace.csv"])
        #expect(r.code == 0)
        let lines = read(dir + "/trace.csv").split(separator: "\n").map(String.init)
        #expect(lines.first == "time_months,use_case,event,detail")
        #expect(lines.contains { $0.contains(",0,arrive,") })
        #expect(lines.contains { $0.contains(",committee_meeting,") && $0.split(separator: ",", omittingEmptySubsequences: false)[1].isEmpty })
        // Times never go backwards and stay within the horizon.
        let times = lines.dropFirst().compactMap { Double($0.prefix { $0 != "," }) }
        #expect(times.count == lines.count - 1)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(times.last.map { $0 <= 24 } == true)
    }
}

@Suite struct BenchModelTests {
    @Test func benchModelReportsThroughputForOneAndManyThreads() {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(["bench", "model", "--replications", "40", "--threads", "2"], io: captured.io)
        #expect(code == 0, "\(captured.stderr)")
        let keys = captured.stdout.split(separator: "\n").map { String($0.prefix { $0 != "=" }) }
        #expect(keys == ["benchmark", "scenario", "replications", "events_per_replication",
                         "threads_1_seconds", "threads_1_replications_per_second",
                         "threads_1_microseconds_per_replication", "threads_1_events_per_second",
                         "threads_2_seconds", "threads_2_replications_per_second",
                         "threads_2_microseconds_per_replication", "threads_2_events_per_second",
                         "speedup", "peak_memory_mb"])
        #expect(captured.stdout.contains("scenario=baseline\nreplications=40\n"))
    }
}
