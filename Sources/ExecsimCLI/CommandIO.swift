import Experiments

/// Where a command writes: standard output and standard error, or anything a test supplies.
///
/// Output that cannot be written is an error (``OutputError``, exit 73); a failure to write to
/// the error stream is ignored, as there is nowhere left to report it.
public struct CommandIO: Sendable {
    /// Writes text to the output as is.
    public var writeOutput: @Sendable (String) throws -> Void
    /// Writes text to the error stream as is.
    public var writeError: @Sendable (String) -> Void

    public init(
        writeOutput: @escaping @Sendable (String) throws -> Void,
        writeError: @escaping @Sendable (String) -> Void
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard output and standard error.
    public static let standard = CommandIO(
        writeOutput: { text in try StandardStream.output.write(text) },
        writeError: { text in try? StandardStream.error.write(text) })

    /// Writes `line` and a newline to the output.
    public func printLine(_ line: String) throws {
        try writeOutput(line + "\n")
    }

    /// Writes `line` and a newline to the error stream.
    public func printErrorLine(_ line: String) {
        writeError(line + "\n")
    }
}
