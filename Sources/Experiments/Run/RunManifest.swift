import Foundation
import ProgramModel

/// `manifest.json`: what produced a run's files, so it can be traced and repeated.
public struct RunManifest: Sendable {
    public var seed: UInt64
    public var replications: Int
    public var commandLine: [String]
    public var startTime: Date

    public init(seed: UInt64, replications: Int, commandLine: [String], startTime: Date) {
        self.seed = seed
        self.replications = replications
        self.commandLine = commandLine
        self.startTime = startTime
    }

    public func jsonText() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let value = JSONValue.object([
            (key: "execsim_version", value: .string(ExecsimVersion.current)),
            (key: "seed", value: .number(Double(seed))),
            (key: "replications", value: .number(Double(replications))),
            (key: "command_line", value: .array(commandLine.map { .string($0) })),
            (key: "start_time", value: .string(formatter.string(from: startTime))),
        ])
        return JSONWriter.prettyText(value)
    }
}
