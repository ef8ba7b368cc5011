import Foundation
import Experiments

struct ReportCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "report",
        summary: "Write an HTML report with charts from a results folder.",
        usage: "report <dir> [--out <file>]",
        options: [
            OptionSpec(name: "--out", valueName: "file", help: "The report file (default <dir>/report.html)."),
        ],
        positionals: [
            PositionalSpec(name: "dir", help: "A folder written by run (summary.csv), compare (comparison.csv), sweep (points.csv) or explore (experiments.csv).",
                           minCount: 1, maxCount: 1),
        ],
        discussion: """
            Writes one self-contained report.html (inline SVG and CSS, no scripts, no network) and
            each chart as its own .svg beside it, for slides. A run folder gives the headline table,
            the funnel, time to value, the value-against-cost fan chart and capacity; a compare folder
            the forest plot; a sweep folder the tornado, the Morris μ*–σ plot or grid line charts; an
            explore folder robustness, outcomes across worlds, regret and the PRIM boxes of discovery.json.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let directory = args.positionals(named: "dir").first!  // minCount 1: the parser refused none
        let path = try Self.write(directory, to: args.string("--out"))
        io.writeOutput(path + "\n")
        return ExitCode.success.rawValue
    }

    /// Reading problems are bad input (65), writing problems output errors (73): `ExitCode.of`.
    static func write(_ directory: String, to file: String?) throws(OutputError) -> String {
        try ReportBuilder.writeReport(forDirectory: directory, to: file)
    }
}
