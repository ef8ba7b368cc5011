import Foundation

/// Where a command writes: standard output and standard error, or anything a test supplies.
public struct CommandIO: Sendable {
    /// Writes text to the output as is.
    public var writeOutput: @Sendable (String) -> Void
    /// Writes text to the error stream as is.
    public var writeError: @Sendable (String) -> Void

    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard output and standard error.
    public static let standard = CommandIO(
        writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) })

    /// Writes `line` and a newline to the output.
    public func printLine(_ line: String) {
        writeOutput(line + "\n")
    }

    /// Writes `line` and a newline to the error stream.
    public func printErrorLine(_ line: String) {
        writeError(line + "\n")
    }
}
