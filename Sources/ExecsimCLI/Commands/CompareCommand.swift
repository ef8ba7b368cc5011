import Foundation
import Experiments
import ProgramModel

struct CompareCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "compare",
        summary: "Compare scenarios against a baseline with common random numbers.",
        usage: "compare <a.json> <b.json> [<c.json> ...] [--baseline <name>] [--replications <n>] [--seed <s>] [--metrics <m1,m2,...>] [--delta <metric=value>] [--threads <t>] [--out <dir>] [--report] [--quiet]",
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
        ],
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

    /// Replication indices the selection may draw before it stops without a guarantee.
    static let selectionLimit = 1_000_000

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let scenarios = try ScenarioFiles.load(Array(args.positionals(named: "scenario.json")),
                                               defaultToBaseline: false)
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
        var metrics = try args.string("--metrics").map { try Self.metrics($0) }
            ?? HeadlineTable.metrics.map(\.0)
        for (metric, _) in deltas where !metrics.contains(metric) { metrics.append(metric) }
        let out = args.string("--out") ?? "results"
        let quiet = args.flag("--quiet")

        let start = Date()
        var results: [[ReplicationResult]] = []
        for scenario in scenarios {
            let runStart = Date()
            let bar = ProgressBar(total: replications, label: scenario.name, enabled: !quiet)
            let rs = ScenarioRunner.run(scenario, seed: seed, replications: replications,
                                        threads: threads, progress: bar)
            bar.finish()
            let manifest = RunManifest(seed: seed, replications: replications,
                                       commandLine: ProcessInfo.processInfo.arguments, startTime: runStart)
            do {
                try RunFiles.write(scenario: scenario, results: rs, summaries: MetricSummaries(rs),
                                   manifest: manifest, to: (out as NSString).appendingPathComponent("runs"))
            } catch {
                throw CommandFailure(.cannotWriteOutput, error.description)
            }
            results.append(rs)
        }

        var comparison = ScenarioComparison(names: names, baseline: baseline, results: results,
                                            metrics: metrics)
        var notes: [String] = []
        for (metric, delta) in deltas {
            let source = ReplicationSource(
                scenarios: scenarios, metric: metric, seed: seed, threads: threads,
                initial: results.map { rs in rs.map { $0.value(of: metric) } })
            let selection = RankingAndSelection.kimNelson(
                k: scenarios.count, delta: delta, higherIsBetter: metric.higherIsBetter,
                limit: Self.selectionLimit, sample: source.value)
            let index = comparison.metrics.firstIndex { $0.metric == metric }!
            comparison.metrics[index].delta = delta
            comparison.metrics[index].selection = selection
            let extra = source.extraReplications.reduce(0, +)
            notes.append("Selection on \(metric.name) (δ = \(CSVWriter.format(delta))): "
                + (selection.selected.map { names[$0] } ?? "none")
                + " after \(selection.replicationsUsed.max() ?? 0) replications"
                + (extra > 0 ? ", \(extra) run beyond the comparison's" : "")
                + (selection.hitLimit ? "; stopped at the limit without the 95% guarantee" : ""))
        }

        do {
            try AtomicFile.createDirectory(out)
            try AtomicFile.write(ComparisonTable.comparisonCSV(comparison),
                                 to: (out as NSString).appendingPathComponent("comparison.csv"))
            try AtomicFile.write(ComparisonTable.bestCSV(comparison),
                                 to: (out as NSString).appendingPathComponent("best.csv"))
        } catch {
            throw CommandFailure(.cannotWriteOutput, error.description)
        }
        if !quiet {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            io.printLine("\(scenarios.count) scenarios, \(replications) replications each, seed \(seed) (\(seconds) s) → \(out)/comparison.csv, \(out)/best.csv")
            io.writeOutput(ComparisonTable.render(comparison))
            for note in notes { io.printLine(note) }
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
