import Foundation
import Experiments
import ProgramModel

struct CalibrateCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "calibrate",
        summary: "Fit a scenario to an organization's event log, with intervals and a check.",
        usage: "calibrate <events.csv|events.xes> [--mapping <file>] [--as-of <time>] [--lenient] [--base <scenario.json>] [--out <dir>] [--draws <n>] [--replications-per-draw <k>] [--check-replications <m>] [--seed <s>] [--threads <t>] [--report] [--quiet]",
        options: [
            OptionSpec(name: "--mapping", valueName: "file",
                       help: "JSON file renaming your activity names (and CSV columns) to the log's."),
            OptionSpec(name: "--as-of", valueName: "time",
                       help: "The log's end, in its own time form (date or months); later events are cut, open stages censored (default: the last timestamp)."),
            OptionSpec(name: "--lenient", valueName: nil,
                       help: "Drop the cases with problems (listed as warnings) instead of failing."),
            OptionSpec(name: "--base", valueName: "scenario.json",
                       help: "What a log cannot show comes from this scenario (default: the built-in baseline)."),
            OptionSpec(name: "--out", valueName: "dir", help: "Output folder (default results/calibrated)."),
            OptionSpec(name: "--draws", valueName: "n", help: "ABC prior draws (default 2000)."),
            OptionSpec(name: "--replications-per-draw", valueName: "k",
                       help: "Simulated histories per draw, common random numbers across draws (default 4)."),
            OptionSpec(name: "--check-replications", valueName: "m",
                       help: "Simulated histories for the posterior predictive check (default 500)."),
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed (default 1)."),
            OptionSpec(name: "--threads", valueName: "t",
                       help: "Worker threads (default: all processors); results do not depend on it."),
            OptionSpec(name: "--report", valueName: nil,
                       help: "Also write report.html and the charts as .svg (observed against simulated)."),
            OptionSpec(name: "--quiet", valueName: nil, help: "No progress bars and no table."),
        ],
        positionals: [
            PositionalSpec(name: "events", help: "The event log: CSV (case_id,activity,timestamp,...) or XES (.xes).",
                           minCount: 1, maxCount: 1),
        ],
        discussion: """
            Writes <dir>/calibrated.json (a valid scenario, its description naming every fitted
            field and its source), calibration.csv (parameter, estimate, interval, method,
            observations) and check.csv (each observed statistic against the simulated 5%–95%
            band of the calibrated scenario). docs/calibrate.md describes the log format, the
            methods and what a log cannot identify.
            """)

    static let maxSimulations = 1_000_000

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        guard let path = args.positionals(named: "events").first else {
            throw CommandFailure(.usage, "calibrate needs an event log")
        }
        var settings = Calibration.Settings()
        settings.draws = try args.int("--draws", default: 2000, minimum: 10)
        settings.replicationsPerDraw = try args.int("--replications-per-draw", default: 4, minimum: 1)
        settings.checkReplications = try args.int("--check-replications", default: 500, minimum: 20)
        // Each simulated history keeps its statistics in memory until the tolerance is known.
        guard settings.draws * settings.replicationsPerDraw <= Self.maxSimulations else {
            throw UsageError.invalidValue(option: "--draws", value: String(settings.draws),
                                          expected: "at most \(Self.maxSimulations) simulated histories in all (--draws × --replications-per-draw)")
        }
        settings.seed = try args.uint64("--seed", default: 1)
        settings.threads = try args.int("--threads", default: 0, minimum: 0)
        let quiet = args.flag("--quiet")
        settings.progress = ProgressBar.handler(enabled: !quiet)
        settings.source = path
        if let base = args.string("--base") {
            settings.base = try ScenarioFiles.load([base])[0]
        }
        let out = args.string("--out") ?? "results/calibrated"

        let log: EventLog
        do {
            let mapping = try args.string("--mapping").map { try ActivityMapping.load(contentsOf: $0) } ?? ActivityMapping()
            let records = path.lowercased().hasSuffix(".xes") ? try XESReader.read(path)
                : try EventLogCSVReader.read(path, mapping: mapping)
            let (built, report) = try EventLogBuilder.build(records, file: path, mapping: mapping,
                                                            asOf: args.string("--as-of"), lenient: args.flag("--lenient"))
            for line in report.warnings { io.printErrorLine(line) }
            log = built
        } catch let error as EventLogBuilder.Failure {
            throw CommandFailure(.invalidInput, error.description)
        } catch let error as EventLogError {
            throw CommandFailure(.invalidInput, error.description)
        }

        let calibration: Calibration
        do { calibration = try Calibration(log, settings) } catch let error as EventLogError {
            throw CommandFailure(.invalidInput, error.description)
        } catch let error as ScenarioError {
            throw CommandFailure(.internalError, "the calibrated scenario is not valid: \(error.description)")
        }

        do {
            try AtomicFile.createDirectory(out)
            try AtomicFile.write(Array(calibration.scenario.jsonText().utf8), to: out + "/calibrated.json")
            try AtomicFile.write(CalibrationRow.csv(calibration.rows), to: out + "/calibration.csv")
            try AtomicFile.write(calibration.check.csv(), to: out + "/check.csv")
        } catch {
            throw CommandFailure(.cannotWriteOutput, error.description)
        }
        if !quiet { io.writeOutput(CalibrationSummary.render(calibration, folder: out)) }
        if args.flag("--report") {
            do {
                let report = try CalibrationReport.write(calibration, to: out)
                io.printLine("report: \(report)")
            } catch {
                throw CommandFailure(.cannotWriteOutput, error.description)
            }
        }
        return ExitCode.success.rawValue
    }
}
