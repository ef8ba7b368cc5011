import Foundation
import Experiments
import ProgramModel

struct RunCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "run",
        summary: "Simulate scenarios and write their results.",
        usage: "run [<scenario.json> ...] [--set <path=value> ...] [--name <name>] [--replications <n> | --precision <metric=half-width,...> [--max-replications <n>]] [--seed <s>] [--threads <t>] [--out <dir>] [--report] [--quiet]",
        options: [
            OptionSpec(name: "--replications", valueName: "n",
                       help: "Replications per scenario. With neither this nor --precision: the file's \"replications\", else 1000."),
        ] + PrecisionOption.options + [
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed (default: the file's, else 1)."),
            OptionSpec(name: "--threads", valueName: "t",
                       help: "Worker threads (default: all processors); results do not depend on it."),
            OptionSpec(name: "--out", valueName: "dir", help: "Output folder (default results)."),
            OptionSpec(name: "--report", valueName: nil,
                       help: "Also write report.html and the charts as .svg into each scenario's folder."),
            OptionSpec(name: "--quiet", valueName: nil, help: "No progress bar and no table."),
        ] + WhatIfOptions.specs,
        positionals: [
            PositionalSpec(name: "scenario.json", help: "Scenario files; none runs the built-in baseline.",
                           minCount: 0, maxCount: nil),
        ],
        discussion: """
            Writes <dir>/<scenario name>/replications.csv, summary.csv, timeseries.csv,
            scenario.json (every default filled in, to repeat the run) and manifest.json,
            then prints the headline figures as mean [95% CI] and p5 – p95. With --report, also
            report.html and one .svg per chart (see `execsim help report`).
            With --precision the number of replications is chosen by the run: it stops at the
            first block end where every target is met (or at --max-replications), says how
            many replications it took and which metric decided, and records both in
            manifest.json. Blocks end at fixed counts, so the result for a seed and a
            precision is the same for any --threads, and equals a run with --replications
            set to the count it stopped at.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let scenarios = try WhatIfOptions.scenarios(args)
        let threads = try args.threads()
        let out = try args.path("--out", default: "results")!
        let quiet = args.flag("--quiet")
        let report = args.flag("--report")
        let stopping = try PrecisionOption.rule(args)
        do {
            for scenario in scenarios { try RunFiles.refuseForeign(scenario, in: out) }
        } catch {
            throw CommandFailure(.cannotWriteOutput, error.description)
        }
        for scenario in scenarios {
            let replications = try stopping?.maxReplications
                ?? args.int("--replications", default: scenario.replications ?? 1000, minimum: 1,
                            maximum: Limits.runReplications, limit: "execsim's stated limit for one run")
            let seed = try args.seed("--seed", default: scenario.seed ?? 1)
            let start = Date()
            let manifest = RunManifest(seed: seed, replications: replications,
                                       commandLine: args.commandLine, startTime: start,
                                       overrides: args.strings("--set"))
            let outcome = try RunFiles.run(scenario, manifest: manifest, threads: threads,
                                           progress: ProgressBar.handler(enabled: !quiet), to: out,
                                           stopping: stopping)
            let folder = outcome.folder
            let summaries = outcome.summaries
            if !quiet {
                let seconds = Date().timeIntervalSince(start)
                let title = "\(scenario.name): \(outcome.replications) replications, seed \(seed) (\(String(format: "%.2f", seconds)) s) → \(folder)/"
                try io.writeOutput(HeadlineTable.render(title: title, summaries: summaries))
                if outcome.percentileRankErrorBound > 0 {
                    try io.printLine("Percentiles estimated by a quantile sketch (rank error at most \(String(format: "%.3f", 100 * outcome.percentileRankErrorBound))% of n); means and intervals are exact.")
                }
            }
            if let stop = outcome.stopping {
                // Said even with --quiet: it is what the run decided.
                try io.printLine("\(scenario.name): \(stop.description)")
            }
            if report {
                // The report reads the files just written, so it shows exactly what they hold.
                let path = try ReportCommand.write(folder, to: nil)
                try io.writeOutput("report: \(path)\n")
            }
        }
        return ExitCode.success.rawValue
    }
}
