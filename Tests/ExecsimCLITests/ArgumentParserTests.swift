import Foundation
import Testing
@testable import ExecsimCLI
import StrictJSON
import Experiments

private let demo = CommandSpec(
    name: "demo", summary: "A command for tests.", usage: "demo <input> [<extra>...] [options]",
    options: [
        OptionSpec(name: "--count", valueName: "n", help: "A count."),
        OptionSpec(name: "--offset", valueName: "x", help: "An offset."),
        OptionSpec(name: "--seed", valueName: "s", help: "A seed."),
        OptionSpec(name: "--quiet", valueName: nil, help: "Say less."),
    ],
    positionals: [
        PositionalSpec(name: "input", help: "The input."),
        PositionalSpec(name: "extra", help: "More.", minCount: 0, maxCount: 2),
    ])

private func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
    try parseArguments(arguments, for: demo)
}

/// The message a usage error shows, or nil when `body` does not throw one.
private func usageMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return (error as? UsageError)?.description ?? "not a usage error: \(error)"
    }
}

@Suite struct ArgumentParserTests {
    @Test func spacedAndEqualsValuesFlagsAndPositionals() throws {
        let parsed = try parse(["in.json", "--count", "3", "--offset=-2.5", "--quiet", "more"])
        #expect(parsed.positionals == ["in.json", "more"])
        #expect(Array(parsed.positionals(named: "input")) == ["in.json"])
        #expect(Array(parsed.positionals(named: "extra")) == ["more"])
        #expect(try parsed.int("--count", default: 0) == 3)
        #expect(try parsed.double("--offset", default: 0) == -2.5)
        #expect(parsed.flag("--quiet"))
        #expect(!parsed.helpRequested)
    }

    @Test func defaultsWhenOptionsAreAbsent() throws {
        let parsed = try parse(["in.json"])
        #expect(try parsed.int("--count", default: 7) == 7)
        #expect(try parsed.uint64("--seed", default: 1) == 1)
        #expect(try parsed.double("--offset", default: 0.5) == 0.5)
        #expect(!parsed.flag("--quiet"))
        #expect(parsed.string("--count") == nil)
        #expect(parsed.positionals(named: "extra").isEmpty)
    }

    @Test func valuesMayStartWithOneDashAndTheLastRepeatWins() throws {
        let parsed = try parse(["--offset", "-3", "--count", "1", "--count=2", "-", "x"])
        #expect(try parsed.double("--offset", default: 0) == -3)
        #expect(try parsed.int("--count", default: 0) == 2)
        #expect(parsed.positionals == ["-", "x"], "a lone dash is a positional (stdin)")
    }

    @Test func anEmptyEqualsValueIsAValue() throws {
        #expect(try parse(["in", "--offset="]).string("--offset") == "")
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try parse(["--quiet", "--", "--count", "-h"])
        #expect(parsed.positionals == ["--count", "-h"])
        #expect(parsed.flag("--quiet"))
        #expect(!parsed.helpRequested)
    }

    @Test(arguments: [["-h"], ["--help"], ["in", "--bogus", "--help"], ["--count", "-h"]])
    func helpWinsOverEverythingElse(arguments: [String]) throws {
        #expect(try parse(arguments).helpRequested)
    }

    @Test func typedAccessorsAcceptSeparatorsAndTheFullSeedRange() throws {
        let parsed = try parse(["in", "--count", "10_000_000", "--seed", "18446744073709551615"])
        #expect(try parsed.int("--count", default: 0) == 10_000_000)
        #expect(try parsed.uint64("--seed", default: 0) == .max)
    }

    @Test func choicesOfAPositional() throws {
        #expect(try parse(["kernel"]).positional("input", choices: ["kernel"]) == "kernel")
        #expect(try parse(["in"]).positional("extra") == nil)
    }

    // Every usage error's text, pinned.

    @Test func unknownOptionSuggestsTheClosestSpelling() {
        #expect(usageMessage { _ = try parse(["in", "--cont", "3"]) }
                == "unknown option '--cont'; did you mean '--count'?")
        #expect(usageMessage { _ = try parse(["in", "--halp"]) }
                == "unknown option '--halp'; did you mean '--help'?")
        #expect(usageMessage { _ = try parse(["in", "--verbose"]) }
                == "unknown option '--verbose'")
        #expect(usageMessage { _ = try parse(["in", "-v"]) } == "unknown option '-v'")
        #expect(usageMessage { _ = try parse(["in", "--cuont=3"]) }
                == "unknown option '--cuont'; did you mean '--count'?")
    }

    @Test func missingValue() {
        #expect(usageMessage { _ = try parse(["in", "--count"]) }
                == "missing value for option '--count'")
        #expect(usageMessage { _ = try parse(["in", "--count", "--quiet"]) }
                == "missing value for option '--count'")
    }

    @Test func flagWithAValue() {
        #expect(usageMessage { _ = try parse(["in", "--quiet=yes"]) }
                == "option '--quiet' takes no value, but was given 'yes'")
    }

    @Test func invalidValuesNameTheOptionAndWhatIsValid() throws {
        let parsed = try parse(["in", "--count", "abc", "--seed", "-1", "--offset", "nan"])
        #expect(usageMessage { _ = try parsed.int("--count", default: 0) }
                == "invalid value 'abc' for option '--count': expected an integer")
        #expect(usageMessage { _ = try parsed.int("--count", default: 0, minimum: 0) }
                == "invalid value 'abc' for option '--count': expected a non-negative integer")
        #expect(usageMessage { _ = try parsed.int("--count", default: 0, minimum: 1) }
                == "invalid value 'abc' for option '--count': expected a positive integer")
        #expect(usageMessage { _ = try parsed.int("--count", default: 0, minimum: 2) }
                == "invalid value 'abc' for option '--count': expected an integer of at least 2")
        #expect(usageMessage { _ = try parsed.uint64("--seed", default: 0) }
                == "invalid value '-1' for option '--seed': expected an integer from 0 to 18446744073709551615")
        #expect(usageMessage { _ = try parsed.double("--offset", default: 0) }
                == "invalid value 'nan' for option '--offset': expected a finite number")
        let negative = try parse(["in", "--count", "-5"])
        #expect(usageMessage { _ = try negative.int("--count", default: 0, minimum: 0) }
                == "invalid value '-5' for option '--count': expected a non-negative integer")
    }

    @Test func invalidPositionalChoice() {
        #expect(usageMessage { _ = try parse(["kern"]).positional("input", choices: ["kernel"]) }
                == "invalid value 'kern' for <input>: expected 'kernel'")
        #expect(usageMessage { _ = try parse(["x"]).positional("input", choices: ["a", "b"]) }
                == "invalid value 'x' for <input>: expected one of 'a', 'b'")
    }

    @Test func tooFewAndTooManyPositionals() {
        #expect(usageMessage { _ = try parse(["--quiet"]) } == "missing argument <input>")
        #expect(usageMessage { _ = try parse(["a", "b", "c", "d"]) } == "unexpected argument 'd'")
    }

    @Test func commandLevelErrors() {
        #expect(UsageError.missingCommand.description == "no command given")
        #expect(UsageError.unknownCommand("bnch", suggestion: "bench").description
                == "unknown command 'bnch'; did you mean 'bench'?")
        #expect(UsageError.unknownCommand("simulate", suggestion: nil).description
                == "unknown command 'simulate'")
    }

    @Test func suggestionsUseEditDistance() {
        #expect(ClosestMatch.editDistance("", "abc") == 3)
        #expect(ClosestMatch.editDistance("kitten", "sitting") == 3)
        #expect(ClosestMatch.to("--sede", among: ["--seed", "--count"]) == "--seed")
        #expect(ClosestMatch.to("--zzzzzz", among: ["--seed", "--count"]) == nil)
    }
}

/// Collects what a command writes, for tests.
final class CapturedIO: @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var error = ""

    var io: CommandIO {
        CommandIO(
            writeOutput: { text in self.lock.withLock { self.output += text } },
            writeError: { text in self.lock.withLock { self.error += text } })
    }

    var stdout: String { lock.withLock { output } }
    var stderr: String { lock.withLock { error } }
}

@Suite struct ExecsimCLITests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    @Test func benchKernelPrintsItsResults() {
        let result = run(["bench", "kernel", "--holds", "1000", "--pending", "10"])
        #expect(result.code == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.prefix { $0 != "=" } } == [
            "benchmark", "pending", "holds", "seed", "final_clock", "seconds", "holds_per_second",
        ])
        #expect(Array(lines.prefix(4)) == ["benchmark=kernel", "pending=10", "holds=1000", "seed=1"])
        let finalClock = Double(lines[4].dropFirst("final_clock=".count))
        // 1000 holds over 10 pending events advance the clock by about 1000/10 = 100.
        #expect(finalClock.map { $0 > 50 && $0 < 200 } == true)
        #expect(Double(lines[5].dropFirst("seconds=".count)).map { $0 >= 0 } == true)
        #expect(Int(lines[6].dropFirst("holds_per_second=".count)) != nil)

        // The simulated clock depends only on the options.
        let again = run(["bench", "kernel", "--holds=1000", "--pending=10", "--seed", "1"])
        #expect(again.stdout.split(separator: "\n")[4] == lines[4])
    }

    @Test func badOptionValueIsAUsageError() {
        let result = run(["bench", "kernel", "--holds", "abc"])
        #expect(result.code == 64)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            Error: invalid value 'abc' for option '--holds': expected a non-negative integer
            See 'execsim bench --help'.

            """)
    }

    @Test func benchRejectsAnUnknownBenchmarkAndAnEmptyQueue() {
        #expect(run(["bench", "turbo"]).stderr == """
            Error: invalid value 'turbo' for <benchmark>: expected one of 'kernel', 'model'
            See 'execsim bench --help'.

            """)
        #expect(run(["bench", "kernel", "--pending", "0"]).stderr.hasPrefix(
            "Error: invalid value '0' for option '--pending': expected a positive integer\n"))
    }

    @Test func versionAndHelp() {
        #expect(run(["--version"]) == (0, "execsim 0.1.0\n", ""))
        let help = run(["--help"])
        #expect(help.code == 0)
        // Every registered command is listed with its summary (padding follows the longest name).
        for command in CommandRegistry.commands {
            #expect(help.stdout.split(separator: "\n").contains { line in
                line.hasPrefix("  \(command.spec.name) ") && line.hasSuffix(" \(command.spec.summary)")
            }, "help does not list \(command.spec.name)")
        }
        #expect(run(["-h"]).stdout == help.stdout)
        #expect(run(["help"]).stdout == help.stdout)

        let benchHelp = run(["bench", "--help"])
        #expect(benchHelp.code == 0)
        #expect(benchHelp.stdout.hasPrefix("""
            OVERVIEW: Measure the speed of the event list or of whole replications.

            USAGE: execsim bench kernel [--pending <n>] [--holds <n>] [--seed <s>] | bench model [<scenario.json>] [--replications <n>] [--threads <t>] [--seed <s>]

            """))
        #expect(benchHelp.stdout.contains("  --holds <n>          kernel: pop-and-reschedule"))
        #expect(run(["help", "bench"]).stdout == benchHelp.stdout)
        #expect(run(["bench", "kernel", "--holds", "abc", "-h"]).stdout == benchHelp.stdout)
    }

    @Test func topLevelUsageErrors() {
        #expect(run([]) == (64, "", "Error: no command given\nSee 'execsim --help'.\n"))
        #expect(run(["bnch"]) == (64, "",
            "Error: unknown command 'bnch'; did you mean 'bench'?\nSee 'execsim --help'.\n"))
        #expect(run(["--verson"]) == (64, "",
            "Error: unknown option '--verson'; did you mean '--version'?\nSee 'execsim --help'.\n"))
        #expect(run(["help", "simulate"]) == (64, "",
            "Error: unknown command 'simulate'\nSee 'execsim --help'.\n"))
        #expect(run(["help", "bench", "kernel"]) == (64, "",
            "Error: unexpected argument 'kernel'\nSee 'execsim --help'.\n"))
    }

    @Test func everyRegisteredCommandHasAUniqueName() {
        let names = CommandRegistry.commands.map(\.spec.name)
        #expect(Set(names).count == names.count)
        #expect(!names.contains("help"))
    }
}

@Suite struct ExitCodeTests {
    @Test func exitCodesAreAssignedInOnePlace() {
        #expect(ExitCode.of(UsageError.missingCommand) == .usage)
        #expect(ExitCode.of(DocumentError(issues: [])) == .invalidInput)
        #expect(ExitCode.of(OutputError(action: OutputError.read, path: "x", reason: "gone")) == .invalidInput)
        #expect(ExitCode.of(OutputError(action: "write", path: "x", reason: "full")) == .cannotWriteOutput)
        #expect(ExitCode.of(CommandFailure(.invalidInput, "bad")) == .invalidInput)
        struct Bug: Error {}
        #expect(ExitCode.of(Bug()) == .internalError)
    }
}
