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
        let threads = try args.int("--threads", default: 0, minimum: 0)
        var shard: SweepShard?
        if let text = args.string("--shard") {
            guard let parsed = SweepShard(parsing: text) else {
                throw UsageError.invalidValue(option: "--shard", value: text, expected: "I/N with 0 ≤ I < N, e.g. 0/4")
            }
            shard = parsed
        }
        if shard != nil && args.flag("--report") {
            throw UsageError.invalidValue(option: "--report", value: "with --shard",
                                          expected: "a whole sweep; run 'execsim report' on the merged folder")
        }
        let quiet = args.flag("--quiet")
        let plan: SweepPlan
        do {
            plan = try SweepPlan.load(try SweepFile.load(contentsOf: path), sweepPath: path)
        } catch {
            throw CommandFailure(.invalidInput, error.description)
        }
        let out = args.string("--out")
            ?? "results/\(plan.file.name)" + (shard.map { "-shard-\($0.index)-of-\($0.count)" } ?? "")
        let start = Date()
        let resume = args.flag("--resume")
        let ran = Result(catching: { () throws(SweepRunError) in
            try SweepRunner.run(plan, to: out, threads: threads, shard: shard, resume: resume,
                                progress: ProgressBar.handler(enabled: !quiet))
        })
        let report: SweepRunner.Report
        switch ran {
        case .success(let value): report = value
        case .failure(let error): throw CommandFailure(.cannotWriteOutput, error.description)
        }
        if !quiet {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
            let resumed = report.resumed > 0 ? " (\(report.resumed) kept from before)" : ""
            io.printLine("\(plan.file.name): \(report.points) \(plan.file.design.rawValue) points × \(plan.file.replications) replications, seed \(plan.file.seed)\(resumed) in \(seconds) s → \(out)/")
        }
        if args.flag("--report") {
            io.printLine("report: \(try ReportCommand.write(out, to: nil))")
        }
        return ExitCode.success.rawValue
    }
}
