import Foundation
import Experiments

/// What `sweep` and `explore` share: the `--shard`, `--resume`, `--out`, `--threads` and
/// `--report` options and running a ``PointExperiment`` into its folder.
enum ShardedRun {
    /// `--shard I/N`, refused together with `--report` (a shard is not the whole run).
    static func shard(_ args: ParsedArguments, kind: String) throws -> SweepShard? {
        guard let text = args.string("--shard") else { return nil }
        guard let shard = SweepShard(parsing: text) else {
            throw UsageError.invalidValue(option: "--shard", value: text, expected: "I/N with 0 ≤ I < N, e.g. 0/4")
        }
        if args.flag("--report") {
            throw UsageError.invalidValue(option: "--report", value: "with --shard",
                                          expected: "a whole \(kind); run 'execsim report' on the merged folder")
        }
        return shard
    }

    /// Runs `plan` into `--out` (default `results/<name>`, a shard's `results/<name>-shard-i-of-n`).
    /// A resume that found an edited row says so on stderr (unless `--quiet`).
    static func run<Plan: PointExperiment>(_ plan: Plan, _ args: ParsedArguments, shard: SweepShard?, io: CommandIO)
        throws -> (report: SweepRunner.Report, out: String, seconds: String) {
        let out = try args.path("--out")
            ?? "results/" + FolderName.folder(for: plan.name) + (shard.map { "-shard-\($0.index)-of-\($0.count)" } ?? "")
        let threads = try args.threads()
        let start = Date()
        let resume = args.flag("--resume"), quiet = args.flag("--quiet")
        let ran = Result(catching: { () throws(SweepRunError) in
            try SweepRunner.run(plan, to: out, threads: threads, shard: shard, resume: resume,
                                progress: ProgressBar.handler(enabled: !quiet))
        })
        switch ran {
        case .success(let report):
            if let recomputed = report.recomputed, !quiet {
                io.printErrorLine("warning: \(out)/\(plan.tableName): \(recomputed); that row and the rows after it were run again")
            }
            return (report, out, String(format: "%.2f", Date().timeIntervalSince(start)))
        case .failure(let error):
            throw CommandFailure(.cannotWriteOutput, error.description)
        }
    }

    /// " (12 kept from before)" after a resume that kept groups, else "".
    static func resumed(_ report: SweepRunner.Report) -> String {
        report.resumed > 0 ? " (\(report.resumed) kept from before)" : ""
    }
}
