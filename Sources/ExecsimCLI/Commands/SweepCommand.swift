import Foundation
import Experiments
import ProgramModel

struct SweepCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "sweep",
        summary: "Run a designed experiment (grid, LHS, Morris, one at a time) over a scenario.",
        usage: "sweep <sweep.json> [--out <dir>] [--threads <t>] [--shard <i/n>] [--resume] [--report] [--quiet]",
        options: [
            OptionSpec(name: "--out", valueName: "dir",
                       help: "Output folder (default results/<sweep name>, or results/<sweep name>-shard-<i>-of-<n>)."),
            OptionSpec(name: "--threads", valueName: "t",
                       help: "Worker threads (default: all processors); results do not depend on it."),
            OptionSpec(name: "--shard", valueName: "i/n",
                       help: "Run only the points with point mod n == i (0 ≤ i < n); merge the folders with execsim merge."),
            OptionSpec(name: "--resume", valueName: nil,
                       help: "Continue the sweep in the output folder, keeping the points it finished."),
            OptionSpec(name: "--report", valueName: nil,
                       help: "Also write report.html and the charts as .svg into the output folder (not with --shard: report the merged folder)."),
            OptionSpec(name: "--quiet", valueName: nil, help: "No progress bar and no closing line."),
        ],
        positionals: [PositionalSpec(name: "sweep.json", help: "The sweep file (docs/sweep.md).")],
        discussion: """
            Writes <dir>/points.csv (one row per design point, appended as points finish),
            <dir>/manifest.json, and for Morris sensitivity.csv, for one at a time tornado.csv.
            A sweep killed at any moment continues with --resume to the same bytes as an
            uninterrupted run. Exit 65: invalid sweep file; 73: the folder cannot be written
            or holds another sweep (or this one, without --resume).
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let path = try args.positional("sweep.json")!
        _ = try args.threads()
        let shard = try ShardedRun.shard(args, kind: "sweep")
        let plan: SweepPlan
        do {
            plan = try SweepPlan.load(try SweepFile.load(contentsOf: path), sweepPath: path)
        } catch {
            throw CommandFailure(.invalidInput, error.description)
        }
        let (report, out, seconds) = try ShardedRun.run(plan, args, shard: shard, io: io)
        if !args.flag("--quiet") {
            try io.printLine("\(plan.file.name): \(report.points) \(plan.file.design.rawValue) points × \(plan.file.replications) replications, seed \(plan.file.seed)\(ShardedRun.resumed(report)) in \(seconds) s → \(out)/")
        }
        if args.flag("--report") {
            try io.printLine("report: \(try ReportCommand.write(out, to: nil))")
        }
        return ExitCode.success.rawValue
    }
}
