import Foundation
import Experiments
import ProgramModel

struct CompareCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "compare",
        summary: "Compare scenarios against a baseline with common random numbers.",
        usage: "compare <a.json> <b.json> [<c.json> ...] [--baseline <name>] [--replications <n> | --precision <metric=half-width,...> [--max-replications <n>]] [--seed <s>] [--metrics <m1,m2,...>] [--delta <metric=value>] [--threads <t>] [--out <dir>] [--set <path=value> ...] [--name <name>] [--report] [--quiet]",
        options: [
            OptionSpec(name: "--baseline", valueName: "name",
                       help: "The scenario the others are compared with (default: the first file's)."),
            OptionSpec(name: "--replications", valueName: "n",
                       help: "Replications per scenario. With neither this nor --precision: the files' \"replications\", when they agree, else 1000."),
        ] + PrecisionOption.options(
            halfWidth: "the 95% half-width of each named metric's difference with the baseline (as comparison.csv reports it, Bonferroni-adjusted; the widest over the scenarios)",
            relativeTo: "|baseline mean|") + [
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed shared by every scenario (default: the files', when they agree, else 1)."),
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
            With --precision the number of replications is chosen by the comparison: every
            scenario advances block by block, in step, and it stops at the first block end where
            each target is met by every scenario's difference with the baseline (or at
            --max-replications); it says how many replications it took and which metric and
            scenario decided, and records both in each scenario's manifest.json. Metrics named
            in --precision are compared too. Blocks end at fixed counts, so the result is the
            same for any --threads, and equals a comparison with --replications set to the count
            it stopped at; --delta's selection starts from those replications.
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
        let stopping = try PrecisionOption.rule(args)
        let replications = try stopping?.maxReplications
            ?? args.int("--replications", default: args.string("--replications") != nil ? 1000
                            : try Self.shared(\.replications, "replications", scenarios) ?? 1000,
                        minimum: 2, maximum: Limits.runReplications, limit: "execsim's stated limit for one run")
        let seed = try args.seed("--seed", default: args.string("--seed") != nil ? 1
                                 : try Self.shared(\.seed, "seed", scenarios) ?? 1)
        let threads = try args.threads()
        let deltas = try Self.deltas(args.string("--delta"))
        let metrics = try args.string("--metrics").map { try Self.metrics($0) } ?? MetricCatalogue.headline
        // Each compared metric's value of every replication of every scenario is kept for the
        // paired differences.
        let added = (stopping?.targets.map(\.metric) ?? []) + deltas.map(\.0)
        let compared = metrics.count + Set(added.filter { !metrics.contains($0) }).count
        let planned = Double(scenarios.count) * Double(replications) * Double(Limits.comparedValueBytes * compared)
        if planned > Double(Limits.memoryBytes) {
            throw UsageError.invalidValue(option: stopping == nil ? "--replications" : "--max-replications",
                                          value: String(replications),
                expected: "at most \(ParsedArguments.grouped(Limits.memoryBytes / (scenarios.count * compared * Limits.comparedValueBytes))) for \(scenarios.count) scenarios and \(compared) metrics: compare keeps each compared value of every replication in memory, \(Limits.describe(bytes: planned)) here, and the limit is \(Limits.describe(bytes: Double(Limits.memoryBytes)))")
        }
        let out = try args.path("--out", default: "results")!
        let quiet = args.flag("--quiet")
        do {
            try OutputFolder.refuseForeign(out, writer: "execsim compare") {
                ["comparison.csv", "best.csv", "runs"].contains($0) || OutputFolder.isReportFile($0)
            }
            let runs = (out as NSString).appendingPathComponent("runs")
            for scenario in scenarios { try RunFiles.refuseForeign(scenario, in: runs) }
        } catch {
            throw CommandFailure(.cannotWriteOutput, error.description)
        }

        let start = Date()
        let outcome = try ComparisonRun.run(
            scenarios, baseline: baseline, seed: seed, replications: replications, metrics: metrics,
            deltas: deltas, stopping: stopping, threads: threads, commandLine: args.commandLine, overrides: args.strings("--set"),
            progress: ProgressBar.handler(enabled: !quiet), to: out)
        if !quiet {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            try io.printLine("\(scenarios.count) scenarios, \(outcome.replications) replications each, seed \(seed) (\(seconds) s) → \(out)/comparison.csv, \(out)/best.csv")
            try io.writeOutput(ComparisonTable.render(outcome.comparison))
        }
        if let stop = outcome.stopping {
            // Said even with --quiet: it is what the comparison decided.
            try io.printLine(stop.description)
        }
        if !quiet {
            for note in outcome.notes { try io.printLine(note) }
        }
        if args.flag("--report") {
            try io.printLine("report: \(try ReportCommand.write(out, to: nil))")
        }
        return ExitCode.success.rawValue
    }

    /// The `seed` or `replications` the files state, when they agree: common random numbers
    /// need one value for every scenario, so files that disagree need the option.
    static func shared<T: Equatable & CustomStringConvertible>(_ field: KeyPath<Scenario, T?>, _ key: String,
                                                               _ scenarios: [Scenario]) throws(UsageError) -> T? {
        let stated = scenarios.compactMap { s in s[keyPath: field].map { (s.name, $0) } }
        guard let first = stated.first else { return nil }
        if let other = stated.first(where: { $0.1 != first.1 }) {
            throw .needsOption("--\(key)", because: "the files state different \(key)s (\(first.0): \(first.1), \(other.0): \(other.1)) but a comparison runs every scenario with one")
        }
        return first.1
    }

    /// `--metrics`: comma-separated column names of replications.csv.
    static func metrics(_ text: String) throws(UsageError) -> [ReplicationMetric] {
        var metrics: [ReplicationMetric] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let metric = ReplicationMetric(name: name) else {
                throw .invalidValue(option: "--metrics", value: name, expected: validNames)
            }
            if metrics.contains(metric) {
                throw .invalidValue(option: "--metrics", value: text, expected: "each metric once; '\(name)' is listed twice")
            }
            metrics.append(metric)
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
            if deltas.contains(where: { $0.0 == metric }) {
                throw .invalidValue(option: "--delta", value: text,
                                    expected: "one indifference zone per metric; '\(parts[0])' is given twice")
            }
            deltas.append((metric, delta))
        }
        return deltas
    }

    static var validNames: String {
        "a metric name, one of " + ReplicationMetric.allCases.map(\.name).joined(separator: ", ")
    }
}
