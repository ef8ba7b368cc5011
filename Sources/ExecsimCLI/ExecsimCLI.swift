import Experiments
import StrictJSON

/// The command line of execsim: dispatches to a command and turns errors into messages and
/// exit codes.
public enum ExecsimCLI {
    /// The executable's name, as shown in usage lines and hints.
    public static let executableName = "execsim"

    /// Runs execsim with `arguments` (without the executable's path) on the standard streams.
    public static func main(_ arguments: [String]) -> Int32 {
        StandardStream.prepare()
        AllocatorSettings.apply()
        return run(arguments, io: .standard)
    }

    /// Runs execsim with `arguments`, writing to `io`; returns the exit code.
    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        do {
            return try dispatch(arguments, io: io)
        } catch {
            // Only output can fail here (help, --version): everything else is reported inside.
            return report(error, hint: "", io: io)
        }
    }

    private static func dispatch(_ arguments: [String], io: CommandIO) throws -> Int32 {
        let topLevelHint = "See '\(executableName) --help'."
        guard let first = arguments.first else {
            return report(UsageError.missingCommand, hint: topLevelHint, io: io)
        }
        switch first {
        case "-h", "--help":
            try io.writeOutput(HelpFormatter.topLevelHelp(CommandRegistry.commands))
            return ExitCode.success.rawValue
        case "--version":
            try io.printLine("\(executableName) \(ExecsimVersion.current)")
            return ExitCode.success.rawValue
        case "help":
            return try runHelp(Array(arguments.dropFirst()), io: io, hint: topLevelHint)
        case let option where option.hasPrefix("-"):
            let suggestion = ClosestMatch.to(option, among: ["--help", "--version"])
            return report(UsageError.unknownOption(option, suggestion: suggestion),
                          hint: topLevelHint, io: io)
        default:
            break
        }
        guard let command = CommandRegistry.command(named: first) else {
            return report(unknownCommand(first), hint: topLevelHint, io: io)
        }

        let spec = command.spec
        let hint = "See '\(executableName) \(spec.name) --help'."
        do {
            var parsed = try parseArguments(Array(arguments.dropFirst()), for: spec)
            parsed.commandLine = [executableName] + arguments
            if parsed.helpRequested {
                try io.writeOutput(HelpFormatter.commandHelp(spec))
                return ExitCode.success.rawValue
            }
            return try command.run(parsed, io)
        } catch {
            return report(error, hint: hint, io: io)
        }
    }

    /// `execsim help [command]`.
    private static func runHelp(_ arguments: [String], io: CommandIO, hint: String) throws -> Int32 {
        guard let name = arguments.first else {
            try io.writeOutput(HelpFormatter.topLevelHelp(CommandRegistry.commands))
            return ExitCode.success.rawValue
        }
        if arguments.count > 1 {
            return report(UsageError.unexpectedArgument(arguments[1]), hint: hint, io: io)
        }
        guard let command = CommandRegistry.command(named: name) else {
            return report(unknownCommand(name), hint: hint, io: io)
        }
        try io.writeOutput(HelpFormatter.commandHelp(command.spec))
        return ExitCode.success.rawValue
    }

    private static func unknownCommand(_ name: String) -> UsageError {
        let names = CommandRegistry.commands.map(\.spec.name) + ["help"]
        return .unknownCommand(name, suggestion: ClosestMatch.to(name, among: names))
    }

    /// Prints `error` as `Error: <message>` (plus `hint` for usage errors) and returns its
    /// exit code.
    private static func report(_ error: any Error, hint: String, io: CommandIO) -> Int32 {
        switch error {
        case let usage as UsageError:
            io.printErrorLine("Error: \(usage)")
            io.printErrorLine(hint)
            return ExitCode.usage.rawValue
        default:
            let code = ExitCode.of(error)
            io.printErrorLine(code == .internalError ? "Error: internal error: \(error)" : "Error: \(error)")
            return code.rawValue
        }
    }
}
