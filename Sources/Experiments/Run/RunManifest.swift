import Foundation
import ProgramModel

/// `manifest.json`: what produced a run's files, so it can be traced and repeated.
public struct RunManifest: Sendable {
    public var seed: UInt64
    public var replications: Int
    public var commandLine: [String]
    public var startTime: Date
    /// The `--set PATH=VALUE` what-ifs applied to the scenario file, in order; written only
    /// when there are some.
    public var overrides: [String]
    /// With `--precision`: the rule and why the run stopped (nil for a fixed count).
    public var stopping: (rule: StoppingRule, outcome: StoppingRule.Outcome)? = nil

    public init(seed: UInt64, replications: Int, commandLine: [String], startTime: Date, overrides: [String] = []) {
        self.seed = seed
        self.replications = replications
        self.commandLine = commandLine
        self.startTime = startTime
        self.overrides = overrides
    }

    public func jsonText() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var members: [(key: String, value: JSONValue)] = [
            (key: "execsim_version", value: .string(ExecsimVersion.current)),
            (key: "seed", value: .number(Double(seed))),
            (key: "replications", value: .number(Double(replications))),
            (key: "command_line", value: .array(commandLine.map { .string($0) })),
            (key: "start_time", value: .string(formatter.string(from: startTime))),
        ]
        if !overrides.isEmpty { members.append((key: "set", value: .array(overrides.map { .string($0) }))) }
        members += stoppingFields
        return JSONWriter.prettyText(.object(members))
    }

    private var stoppingFields: [(key: String, value: JSONValue)] {
        guard let (rule, outcome) = stopping else { return [] }
        return [(key: "stopping", value: .object([
            (key: "precision", value: .array(rule.targets.map { .string($0.text) })),
            (key: "max_replications", value: .number(Double(rule.maxReplications))),
            (key: "block_replications", value: .number(Double(rule.blockSize))),
            (key: "all_targets_met", value: .bool(outcome.allMet)),
            (key: "decided_by", value: .string(outcome.deciding.target.metric.name)),
            (key: "half_widths", value: .object(outcome.checks.map { c in
                (key: c.target.metric.name, value: c.halfWidth.map { .number($0) } ?? .null)
            })),
        ]))]
    }
}
