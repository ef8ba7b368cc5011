import Foundation
import Experiments
import ProgramModel

struct CompareCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "compare",
        summary: "Compare scenarios against a baseline with common random numbers.",
        usage: "compare <a.json> <b.json> [<c.json> ...] [--baseline <name>] [--replications <n>] [--seed <s>] [--metrics <m1,m2,...>] [--delta <metric=value>] [--threads <t>] [--out <dir>] [--set <path=value> ...] [--name <name>] [--report] [--quiet]",
        options: [
            OptionSpec(name: "--baseline", valueName: "name",
                       help: "The scenario the others are compared with (default: the first file's)."),
            OptionSpec(name: "--replications", valueName: "n", help: "Replications per scenario (default 1000)."),
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed shared by every scenario (default 1)."),
            OptionSpec(name: "--metrics", valueName: "m1,m2,...",
                       help: "Metrics to compare (default: the headline figures)."),
            OptionSpec(name: "--delta", valueName: "metric=value",
                       help: "Indifference zone: select the best on this metric with 95% probability of correct selection (Kim–Nelson); several may be given, comma-separated."),
            OptionSpec(name: "--threads", valueName: "t",
                       help: "Worker threads (default: all processors); results do not depend on it."),
            OptionSpec(name: "--out", valueName: "dir", help: "Output folder (default results)."),
            OptionSpec(name: "--report", valueName: nil,
                       help: "Also write report.html (forest plot and tables) and the charts as .svg into the output folder."),
            OptionSpec(name: "--quiet", valueName: nil, help: "No progress bars and no table."),
        ] + WhatIfOptions.specs,
        positionals: [
            PositionalSpec(name: "scenario.json", help: "Two or more scenario files.", minCount: 2, maxCount: nil),
        ],
        discussion: """
            Every scenario runs with the same seed, so replication r of each faces the same use
            cases (common random numbers), and the comparison is on paired differences.
            Writes <dir>/comparison.csv (each metric, each scenario against the baseline: both
            means, the mean difference with a 95% interval Bonferroni-adjusted over the
            comparisons, the standard deviation of the differences, the shares of replications
            in which the scenario did better, tied and did worse), <dir>/best.csv (Hsu's multiple
            comparisons with the best and, with --delta, the Kim–Nelson selection; ★ only for an
            MCB best, ☆ for every contender when none is separated) and each scenario's run files
            in <dir>/runs/<scenario name>/ (apart from the <dir>/<scenario name>/ that
            `execsim run` writes). Method and directions: docs/compare.md.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let scenarios = try WhatIfOptions.scenarios(args, defaultToBaseline: false)
        let names = scenarios.map(\.name)
        let baseline: Int
        if let name = args.string("--baseline") {
            guard let index = names.firstIndex(of: name) else {
                throw UsageError.invalidValue(option: "--baseline", value: name,
                    expected: "the name of one of the scenarios: " + names.joined(separator: ", "))
            }
            baseline = index
        } else {
            baseline = 0
        }
        let replications = try args.int("--replications", default: 1000, minimum: 2)
        let seed = try args.uint64("--seed", default: 1)
        let threads = try args.int("--threads", default: 0, minimum: 0)
        let deltas = try Self.deltas(args.string("--delta"))
        let metrics = try args.string("--metrics").map { try Self.metrics($0) } ?? MetricCatalogue.headline
        let out = args.string("--out") ?? "results"
        let quiet = args.flag("--quiet")

        let start = Date()
        let outcome = try ComparisonRun.run(
            scenarios, baseline: baseline, seed: seed, replications: replications, metrics: metrics,
            deltas: deltas, threads: threads, commandLine: args.commandLine, overrides: args.strings("--set"),
            progress: ProgressBar.handler(enabled: !quiet), to: out)
        if !quiet {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            io.printLine("\(scenarios.count) scenarios, \(replications) replications each, seed \(seed) (\(seconds) s) → \(out)/comparison.csv, \(out)/best.csv")
            io.writeOutput(ComparisonTable.render(outcome.comparison))
            for note in outcome.notes { io.printLine(note) }
        }
        if args.flag("--report") {
            io.printLine("report: \(try ReportCommand.write(out, to: nil))")
        }
        return ExitCode.success.rawValue
    }

    /// `--metrics`: comma-separated column names of replications.csv.
    static func metrics(_ text: String) throws(UsageError) -> [ReplicationMetric] {
        var metrics: [ReplicationMetric] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let metric = ReplicationMetric(name: name) else {
                throw .invalidValue(option: "--metrics", value: name, expected: validNames)
            }
            if !metrics.contains(metric) { metrics.append(metric) }
        }
        return metrics
    }

    /// `--delta`: `metric=value[,metric=value...]`, each value positive.
    static func deltas(_ text: String?) throws(UsageError) -> [(ReplicationMetric, Double)] {
        guard let text else { return [] }
        var deltas: [(ReplicationMetric, Double)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw .invalidValue(option: "--delta", value: String(item),
                                    expected: "metric=value, for example pilot_to_scale_rate=0.02")
            }
            guard let metric = ReplicationMetric(name: parts[0]) else {
                throw .invalidValue(option: "--delta", value: parts[0], expected: validNames)
            }
            guard let delta = Double(parts[1]), delta.isFinite, delta > 0 else {
                throw .invalidValue(option: "--delta", value: parts[1],
                                    expected: "a positive number (the smallest difference worth detecting)")
            }
            deltas.removeAll { $0.0 == metric }
            deltas.append((metric, delta))
        }
        return deltas
    }

    static var validNames: String {
        "a metric name, one of " + ReplicationMetric.allCases.map(\.name).joined(separator: ", ")
    }
}
