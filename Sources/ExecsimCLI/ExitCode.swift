/// The process exit codes of execsim, following BSD `sysexits.h`.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// EX_USAGE: the command line was wrong.
    case usage = 64
    /// EX_DATAERR: an input file (a scenario) was invalid.
    case invalidInput = 65
    /// EX_SOFTWARE: a bug in execsim.
    case internalError = 70
    /// EX_CANTCREAT: an output file could not be written.
    case cannotWriteOutput = 73
}

import Experiments
import ProgramModel

extension ExitCode {
    /// The one place errors get their exit code: commands throw what went wrong and this
    /// decides what it means for the process.
    static func of(_ error: any Error) -> ExitCode {
        switch error {
        case is UsageError: .usage
        case let failure as CommandFailure: failure.exitCode
        case is DocumentError: .invalidInput
        case let output as OutputError: output.isUnreadableInput ? .invalidInput : .cannotWriteOutput
        default: .internalError
        }
    }
}

/// A command's failure other than a usage error: the message shown after `Error: ` and the
/// exit code, for example an invalid scenario file (``ExitCode/invalidInput``).
public struct CommandFailure: Error, Equatable, CustomStringConvertible {
    public var exitCode: ExitCode
    public var message: String

    public init(_ exitCode: ExitCode, _ message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    public var description: String { message }
}
