import Experiments
import ProgramModel

struct TraceCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "trace",
        summary: "Write the event log of one replication as CSV.",
        usage: "trace [<scenario.json>] [--set <path=value> ...] [--name <name>] [--seed <s>] [--replication <r>] [--format trace|eventlog|xes] [--start <date>] [--out <file>]",
        options: [
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed (default: the file's, else 1)."),
            OptionSpec(name: "--replication", valueName: "r", help: "Replication index (default 0)."),
            OptionSpec(name: "--out", valueName: "file", help: "Write to a file instead of standard output."),
            OptionSpec(name: "--format", valueName: "f",
                       help: "trace (default): the model's own log; eventlog: the history as `calibrate` reads it (CSV); xes: the same as XES."),
            OptionSpec(name: "--start", valueName: "date",
                       help: "With eventlog or xes: timestamps as ISO 8601 date-times from this date (default: numbers of months)."),
        ] + WhatIfOptions.specs,
        positionals: [PositionalSpec(name: "scenario.json",
                                     help: "Scenario file; none traces the built-in baseline.",
                                     minCount: 0, maxCount: 1)],
        discussion: """
            Columns: time_months,use_case,event,detail; use_case is empty for program events.
            With --format eventlog: case_id,activity,timestamp,business_unit,domain,value_per_month,
            one row per event an organization would record (docs/calibrate.md).
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let scenario = try WhatIfOptions.scenarios(args)[0]
        let seed = try args.uint64("--seed", default: scenario.seed ?? 1)
        let replication = try args.int("--replication", default: 0, minimum: 0)
        var sim = ProgramSimulation(scenario: scenario)
        let format = args.string("--format") ?? "trace"
        guard ["trace", "eventlog", "xes"].contains(format) else {
            throw UsageError.invalidValue(option: "--format", value: format, expected: "one of 'trace', 'eventlog', 'xes'")
        }
        var start: Double?
        if let text = args.string("--start") {
            guard case .instant(let seconds)? = LogTimestamp.parse(text) else {
                throw UsageError.invalidValue(option: "--start", value: text, expected: "an ISO 8601 date such as 2022-01-01")
            }
            start = seconds
        }
        let (_, events) = sim.runTraced(seed: seed, replication: replication)
        let bytes: [UInt8]
        switch format {
        case "eventlog": bytes = TraceEventLog.csv(TraceEventLog.log(events, horizon: scenario.horizonMonths), startSeconds: start)
        case "xes": bytes = TraceEventLog.xes(TraceEventLog.log(events, horizon: scenario.horizonMonths), startSeconds: start)
        default: bytes = TraceTable.csv(events)
        }
        if let path = args.string("--out") {
            try AtomicFile.write(bytes, to: path)
        } else {
            io.writeOutput(String(decoding: bytes, as: UTF8.self))
        }
        return ExitCode.success.rawValue
    }
}
