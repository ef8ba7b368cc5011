import Experiments

struct MergeCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "merge",
        summary: "Combine the folders of a sharded sweep or exploration into the output of an unsharded run.",
        usage: "merge <shard dir> ... --out <dir>",
        options: [OptionSpec(name: "--out", valueName: "dir", help: "Output folder (required).")],
        positionals: [PositionalSpec(name: "shard dir", help: "Folders written by execsim sweep --shard I/N or execsim explore --shard I/N.",
                                     minCount: 1, maxCount: nil)],
        discussion: """
            The result is byte-identical to running the sweep (or exploration) without --shard,
            analysis files included. Refuses (exit 65) folders of different runs or of different
            splits, repeated shards, and names the points (worlds) that are missing; exit 73 if
            the output cannot be written.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        guard let out = args.string("--out") else { throw UsageError.missingValue(option: "--out") }
        let directories = Array(args.positionals(named: "shard dir"))
        switch Result(catching: { () throws(SweepRunError) in try SweepMerge.merge(directories, to: out) }) {
        case .success(let report):
            io.printLine("merged \(report.shards) shard\(report.shards == 1 ? "" : "s"), \(report.points) points → \(out)/")
        case .failure(.output(let error)):
            throw CommandFailure(.cannotWriteOutput, error.description)
        case .failure(let error):
            throw CommandFailure(.invalidInput, error.description)
        }
        return ExitCode.success.rawValue
    }
}
