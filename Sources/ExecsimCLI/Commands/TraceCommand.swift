import Experiments
import ProgramModel

struct TraceCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "trace",
        summary: "Write the event log of one replication as CSV.",
        usage: "trace [<scenario.json>] [--set <path=value> ...] [--name <name>] [--seed <s>] [--replication <r>] [--out <file>]",
        options: [
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed (default: the file's, else 1)."),
            OptionSpec(name: "--replication", valueName: "r", help: "Replication index (default 0)."),
            OptionSpec(name: "--out", valueName: "file", help: "Write to a file instead of standard output."),
        ] + WhatIfOptions.specs,
        positionals: [PositionalSpec(name: "scenario.json",
                                     help: "Scenario file; none traces the built-in baseline.",
                                     minCount: 0, maxCount: 1)],
        discussion: "Columns: time_months,use_case,event,detail; use_case is empty for program events.")

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let scenario = try WhatIfOptions.scenarios(args)[0]
        let seed = try args.uint64("--seed", default: scenario.seed ?? 1)
        let replication = try args.int("--replication", default: 0, minimum: 0)
        var sim = ProgramSimulation(scenario: scenario)
        let (_, events) = sim.runTraced(seed: seed, replication: replication)
        let bytes = TraceTable.csv(events)
        if let path = args.string("--out") {
            try AtomicFile.write(bytes, to: path)
        } else {
            io.writeOutput(String(decoding: bytes, as: UTF8.self))
        }
        return ExitCode.success.rawValue
    }
}
