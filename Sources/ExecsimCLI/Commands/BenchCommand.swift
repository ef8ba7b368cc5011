import Foundation
import Experiments
import ProgramModel

struct BenchCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "bench",
        summary: "Measure the speed of the event list or of whole replications.",
        usage: "bench kernel [--pending <n>] [--holds <n>] [--seed <s>] | bench model [<scenario.json>] [--replications <n>] [--threads <t>] [--seed <s>]",
        options: [
            OptionSpec(name: "--pending", valueName: "n",
                       help: "kernel: events kept pending in the event list (default 1000)."),
            OptionSpec(name: "--holds", valueName: "n",
                       help: "kernel: pop-and-reschedule operations timed (default 10000000)."),
            OptionSpec(name: "--replications", valueName: "n",
                       help: "model: replications timed per thread count (default 20000)."),
            OptionSpec(name: "--threads", valueName: "t",
                       help: "model: the multi-threaded run's threads (default: all processors)."),
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed (default 1)."),
        ],
        positionals: [
            PositionalSpec(name: "benchmark", help: "What to measure: kernel or model."),
            PositionalSpec(name: "scenario.json", help: "model: the scenario (default: the baseline).",
                           minCount: 0, maxCount: 1),
        ],
        discussion: """
            'kernel' runs the classic hold model: it schedules --pending events at
            exponential(1) times, then --holds times pops the earliest and schedules it
            again exponential(1) later. final_clock depends only on the options, so it
            checks that two builds simulate the same thing.
            'model' times whole replications (simulation only, no output) on one thread and
            on --threads threads, and prints replications and model events per second and
            the process's peak memory. Build with -c release before measuring.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let benchmark = try args.positional("benchmark", choices: ["kernel", "model"])
        let seed = try args.seed("--seed", default: 1)
        if benchmark == "model" { return try runModel(args, io, seed: seed) }
        if !args.positionals(named: "scenario.json").isEmpty {
            throw UsageError.unexpectedArgument(args.positionals(named: "scenario.json")[0])
        }
        let pending = try args.int("--pending", default: 1000, minimum: 1, maximum: Limits.benchPending,
                                   limit: "the event list is held in memory")
        let holds = try args.int("--holds", default: 10_000_000, minimum: 0)

        let result = HoldBenchmark.run(pending: pending, holds: holds, seed: seed)
        let rate = result.holdsPerSecond
        try io.printLine("""
            benchmark=kernel
            pending=\(result.pending)
            holds=\(result.holds)
            seed=\(result.seed)
            final_clock=\(result.finalClock)
            seconds=\(result.seconds)
            holds_per_second=\(rate.isFinite ? String(Int(rate.rounded())) : String(rate))
            """)
        return ExitCode.success.rawValue
    }

    private func runModel(_ args: ParsedArguments, _ io: CommandIO, seed: UInt64) throws -> Int32 {
        let scenario = try ScenarioFiles.load(args.positionals(named: "scenario.json"))[0]
        let replications = try args.int("--replications", default: 20_000, minimum: 1, maximum: Limits.benchReplications,
                                        limit: "one count per replication is held in memory")
        let threads = try args.threads()
        // A short warm-up so page faults and lazy initialisation are not timed.
        _ = ModelBenchmark.run(scenario, replications: min(replications, 500), threads: 1, seed: seed)
        let single = ModelBenchmark.run(scenario, replications: replications, threads: 1, seed: seed)
        let multi = ModelBenchmark.run(scenario, replications: replications, threads: threads, seed: seed)
        try io.printLine("benchmark=model")
        try io.printLine("scenario=\(scenario.name)")
        try io.printLine("replications=\(replications)")
        try io.printLine("events_per_replication=\(String(format: "%.1f", Double(single.events) / Double(replications)))")
        for r in [single, multi] {
            let prefix = "threads_\(r.threads)_"
            try io.printLine(prefix + "seconds=\(String(format: "%.3f", r.seconds))")
            try io.printLine(prefix + "replications_per_second=\(Int(r.replicationsPerSecond.rounded()))")
            try io.printLine(prefix + "microseconds_per_replication=\(String(format: "%.1f", r.microsecondsPerReplication))")
            try io.printLine(prefix + "events_per_second=\(Int(r.eventsPerSecond.rounded()))")
        }
        try io.printLine("speedup=\(String(format: "%.2f", single.seconds / multi.seconds))")
        if let peak = ModelBenchmark.peakResidentBytes() {
            try io.printLine("peak_memory_mb=\(String(format: "%.1f", Double(peak) / 1_048_576))")
        }
        return ExitCode.success.rawValue
    }
}
