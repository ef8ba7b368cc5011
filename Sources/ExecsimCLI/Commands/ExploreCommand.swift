import Foundation
import Experiments
import ProgramModel

struct ExploreCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "explore",
        summary: "Judge policies across sampled worlds of uncertain numbers: robustness, regret, PRIM scenario discovery.",
        usage: "explore <explore.json> [--out <dir>] [--threads <t>] [--shard <i/n>] [--resume] [--report] [--quiet]",
        options: [
            OptionSpec(name: "--out", valueName: "dir",
                       help: "Output folder (default results/<name>, or results/<name>-shard-<i>-of-<n>)."),
            OptionSpec(name: "--threads", valueName: "t",
                       help: "Worker threads (default: all processors); results do not depend on it."),
            OptionSpec(name: "--shard", valueName: "i/n",
                       help: "Run only the worlds with world mod n == i (0 ≤ i < n); merge the folders with execsim merge."),
            OptionSpec(name: "--resume", valueName: nil,
                       help: "Continue the exploration in the output folder, keeping the worlds it finished."),
            OptionSpec(name: "--report", valueName: nil,
                       help: "Also write report.html and the charts as .svg into the output folder (not with --shard: report the merged folder)."),
            OptionSpec(name: "--quiet", valueName: nil, help: "No progress bar and no closing lines."),
        ],
        positionals: [PositionalSpec(name: "explore.json", help: "The explore file (docs/explore.md).")],
        discussion: """
            Runs every (world, policy) cell; the policies of a world share its replications
            (common random numbers). Writes <dir>/experiments.csv (a row per world and policy,
            appended as worlds finish), manifest.json, robustness.csv (outcome, regret, share
            best, satisficing per policy and metric), importance.csv (PRCC of each uncertainty
            for each outcome and each policy difference), discovery.csv and discovery.json
            (PRIM boxes for "P is best on M", every policy and metric; other cases with
            execsim discover). Killed at any moment, --resume continues to the same bytes.
            Exit 65: invalid explore file; 73: the folder cannot be written or holds another run.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let path = try args.positional("explore.json")!
        _ = try args.threads()
        let shard = try ShardedRun.shard(args, kind: "exploration")
        let plan: ExplorePlan
        do {
            plan = try ExplorePlan.load(try ExploreFile.load(contentsOf: path), explorePath: path)
        } catch {
            throw CommandFailure(.invalidInput, error.description)
        }
        let (report, out, seconds) = try ShardedRun.run(plan, args, shard: shard, io: io)
        if !args.flag("--quiet") {
            try io.printLine("\(plan.file.name): \(report.points) worlds × \(plan.policies.count) policies × \(plan.file.replications) replications, seed \(plan.file.seed)\(ShardedRun.resumed(report)) in \(seconds) s → \(out)/")
            if shard == nil { for line in DiscoverCommand.robustnessLines(out) { try io.printLine(line) } }
        }
        if args.flag("--report") {
            try io.printLine("report: \(try ReportCommand.write(out, to: nil))")
        }
        return ExitCode.success.rawValue
    }
}
