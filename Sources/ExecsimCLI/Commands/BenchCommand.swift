import Experiments

/// `execsim bench kernel`: the hold-model benchmark of the event list.
struct BenchCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "bench",
        summary: "Measure the speed of the simulation kernel.",
        usage: "bench kernel [--pending <n>] [--holds <n>] [--seed <s>]",
        options: [
            OptionSpec(name: "--pending", valueName: "n",
                       help: "Events kept pending in the event list (default 1000)."),
            OptionSpec(name: "--holds", valueName: "n",
                       help: "Pop-and-reschedule operations timed (default 10000000)."),
            OptionSpec(name: "--seed", valueName: "s", help: "Random seed (default 1)."),
        ],
        positionals: [
            PositionalSpec(name: "benchmark", help: "What to measure: kernel."),
        ],
        discussion: """
            'kernel' runs the classic hold model: it schedules --pending events at
            exponential(1) times, then --holds times pops the earliest and schedules it
            again exponential(1) later. It prints key=value lines; final_clock depends
            only on the options, so it checks that two builds simulate the same thing.
            """)

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        _ = try args.positional("benchmark", choices: ["kernel"])
        let pending = try args.int("--pending", default: 1000, minimum: 1)
        let holds = try args.int("--holds", default: 10_000_000, minimum: 0)
        let seed = try args.uint64("--seed", default: 1)

        let result = HoldBenchmark.run(pending: pending, holds: holds, seed: seed)
        let rate = result.holdsPerSecond
        io.printLine("""
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
}
