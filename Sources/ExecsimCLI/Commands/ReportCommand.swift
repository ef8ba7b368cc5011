import Foundation
import Experiments

struct ReportCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "report",
        summary: "Write an HTML report with charts from a results folder.",
        usage: "report <dir> [--out <file>] [--markdown]",
        options: [
            OptionSpec(name: "--out", valueName: "file", help: "The report file (default <dir>/report.html)."),
            OptionSpec(name: "--markdown", valueName: nil,
                       help: "Print a compare folder's scorecard and verdicts as Markdown tables instead (writes nothing)."),
        ],
        positionals: [
            PositionalSpec(name: "dir", help: "A folder written by run (summary.csv), compare (comparison.csv), sweep (points.csv) or explore (experiments.csv).",
                           minCount: 1, maxCount: 1),
        ],
        discussion: """
            Writes one self-contained report.html (inline SVG and CSS, no scripts, no network) and
            each chart as its own slide-sized .svg beside it. A run folder gives the headline table,
            the funnel (losses apart from work in progress), time to first value and use-case time
            to value, value against cost, the chance of having broken even by month, capacity with
            the squad backlog, where the time goes and convergence; a compare folder the verdicts,
            the scorecard, one forest plot per figure, risk against return and every scenario's
            absolute results side by side (from runs/<name>/); a sweep folder the tornado from the
            base, Morris μ and μ*–σ, the grid heatmap or the Latin-hypercube scatter plots; an
            explore folder robustness, outcomes across worlds, regret and the PRIM boxes of discovery.json.
            ★ marks only Hsu's MCB best; with none, every contender is ☆ ("no clear best").
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let directory = args.positionals(named: "dir").first!  // minCount 1: the parser refused none
        if args.flag("--markdown") {
            do {
                io.writeOutput(try ReportBuilder.markdown(forDirectory: directory))
            } catch {
                throw CommandFailure(.invalidInput, error.description)
            }
            return ExitCode.success.rawValue
        }
        let path = try Self.write(directory, to: args.string("--out"))
        io.writeOutput(path + "\n")
        return ExitCode.success.rawValue
    }

    /// Reading problems are bad input (65), writing problems output errors (73): `ExitCode.of`.
    static func write(_ directory: String, to file: String?) throws(OutputError) -> String {
        try ReportBuilder.writeReport(forDirectory: directory, to: file)
    }
}
