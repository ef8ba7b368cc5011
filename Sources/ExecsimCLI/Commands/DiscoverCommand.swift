import Foundation
import Experiments

struct DiscoverCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "discover",
        summary: "Rerun PRIM scenario discovery on a finished exploration for a case you name, without simulating.",
        usage: "discover <dir> [--case \"<case>[; <case>...]\"] [--alpha <a>] [--min-mass <m>] [--min-density <d>] [--min-coverage <c>] [--out <dir>]",
        options: [
            OptionSpec(name: "--case", valueName: "case",
                       help: "'P beats Q on METRIC', 'P clearly beats Q on METRIC', 'P is best on METRIC' or 'METRIC of P < X' (<, <=, >, >=); several separated by ';'. Default: every policy is best, on every metric."),
            OptionSpec(name: "--alpha", valueName: "a", help: "Share of the box peeled per step (default 0.05)."),
            OptionSpec(name: "--min-mass", valueName: "m", help: "Smallest box as a share of the worlds (default 0.05)."),
            OptionSpec(name: "--min-density", valueName: "d",
                       help: "Report the box of largest coverage with at least this density (default 0.8)."),
            OptionSpec(name: "--min-coverage", valueName: "c",
                       help: "Instead, report the densest box covering at least this share of the cases."),
            OptionSpec(name: "--out", valueName: "dir", help: "Where to write discovery.csv and discovery.json (default: <dir>)."),
        ],
        positionals: [PositionalSpec(name: "dir", help: "A folder written by execsim explore (or merged by execsim merge).")],
        discussion: """
            Reads <dir>/manifest.json and <dir>/experiments.csv, peels a PRIM box for each
            case and prints each chosen box; writes discovery.csv (every box of the peeling
            trajectory) and discovery.json (the chosen box, its limits against each
            uncertainty's range, quasi-p-values). Exit 64: a case that does not parse; 65: the
            folder is not a finished exploration; 73: the output cannot be written.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let directory = try args.positional("dir")!
        var options = ExploreAnalysis.DiscoveryOptions()
        options.alpha = try args.double("--alpha", default: options.alpha)
        options.minMass = try args.double("--min-mass", default: options.minMass)
        options.minDensity = try args.double("--min-density", default: options.minDensity)
        if args.string("--min-coverage") != nil { options.minCoverage = try args.double("--min-coverage", default: 0) }
        for (name, value, valid) in [("--alpha", options.alpha, options.alpha > 0 && options.alpha < 0.5),
                                     ("--min-mass", options.minMass, options.minMass >= 0 && options.minMass < 1),
                                     ("--min-density", options.minDensity, (0...1).contains(options.minDensity)),
                                     ("--min-coverage", options.minCoverage ?? 0, (0...1).contains(options.minCoverage ?? 0))] where !valid {
            throw UsageError.invalidValue(option: name, value: CSVWriter.format(value),
                                          expected: name == "--alpha" ? "a share between 0 and 0.5" : "a share between 0 and 1")
        }
        let cases = (args.string("--case") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let out = args.string("--out") ?? directory
        let found: [ExploreAnalysis.Discovery]
        switch Result(catching: { () throws(ExploreAnalysisError) in
            try ExploreAnalysis.rediscover(directory: directory, cases: cases, options: options, out: out)
        }) {
        case .success(let value): found = value
        case .failure(.usage(let message)): throw CommandFailure(.usage, "--case: \(message)")
        case .failure(.invalid(let message)): throw CommandFailure(.invalidInput, message)
        case .failure(.output(let error)): throw CommandFailure(.cannotWriteOutput, error.description)
        }
        let file = try? ExploreManifest.file(directory: directory)
        for d in found { if let file = file ?? nil { io.printLine(ExploreAnalysis.summary(d, file: file)) } }
        io.printLine("→ \(out)/discovery.csv, discovery.json")
        return ExitCode.success.rawValue
    }

    /// The closing lines of `execsim explore`: per metric, the policy of least maximum regret
    /// and how often each policy is best, from robustness.csv.
    static func robustnessLines(_ directory: String) -> [String] {
        guard let table = try? CSVTable.read(directory + "/robustness.csv") else { return [] }
        var lines: [String] = []
        let metrics = table.strings("metric").compactMap { $0 }.reduce(into: [String]()) { if !$1.isEmpty && !$0.contains($1) { $0.append($1) } }
        for metric in metrics {
            let rows = table.rows.indices.filter { table.rows[$0][table.index(of: "metric")!] == metric }
            func cell(_ row: Int, _ column: String) -> String { table.rows[row][table.index(of: column)!] ?? "" }
            func pct(_ text: String) -> String { Double(text).map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
            let parts = rows.map { r in
                "\(cell(r, "policy")) best in \(pct(cell(r, "share_best"))) of worlds, best or tied in \(pct(cell(r, "share_best_or_tied"))), max regret \(Double(cell(r, "regret_max")).map(MetricFormat.figure) ?? "–")"
            }
            lines.append("\(metric): " + parts.joined(separator: "; "))
        }
        return lines
    }
}
