/// A subcommand of execsim: what it accepts and what it does.
///
/// To add one, write a type conforming to this protocol in `Commands/` and list it in
/// ``CommandRegistry/commands``. Parsing, `--help` and error reporting come for free.
public protocol ExecsimCommand: Sendable {
    /// The command's name, options, positionals and help text.
    var spec: CommandSpec { get }

    /// Runs the command on arguments already parsed against ``spec``.
    ///
    /// - Returns: the process exit code, usually `ExitCode.success.rawValue`.
    /// - Throws: ``UsageError`` for bad values (reported with a hint, exit 64),
    ///   ``CommandFailure`` for other failures with their own exit code; anything else is
    ///   reported as an internal error (exit 70).
    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32
}
