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
    /// With `compare --precision`: the half-widths in `stopping` are of the paired differences
    /// with a baseline, each the widest over the scenarios compared with it.
    public var stoppingComparison: StoppingComparison? = nil

    /// What the half-widths of a comparison's stopping rule are of.
    public struct StoppingComparison: Sendable, Equatable {
        public var baseline: String
        /// For each target, in order, the scenario whose difference with the baseline has the
        /// half-width recorded.
        public var scenarios: [String]
        /// The scenario whose difference decided.
        public var decidedBy: String

        public init(baseline: String, scenarios: [String], decidedBy: String) {
            self.baseline = baseline
            self.scenarios = scenarios
            self.decidedBy = decidedBy
        }
    }

    public init(seed: UInt64, replications: Int, commandLine: [String], startTime: Date, overrides: [String] = []) {
        self.seed = seed
        self.replications = replications
        self.commandLine = commandLine
        self.startTime = startTime
        self.overrides = overrides
    }

    public func jsonText() -> String {
        var members: [(key: String, value: JSONValue)] = [
            (key: "execsim_version", value: .string(ExecsimVersion.current)),
            (key: "seed", value: .number(Double(seed))),
            (key: "replications", value: .number(Double(replications))),
            (key: "command_line", value: .array(commandLine.map { .string($0) })),
            (key: "start_time", value: .string(UTCTimestamp.text(startTime))),
        ]
        if !overrides.isEmpty { members.append((key: "set", value: .array(overrides.map { .string($0) }))) }
        members += stoppingFields
        return JSONWriter.prettyText(.object(members))
    }

    private var stoppingFields: [(key: String, value: JSONValue)] {
        guard let (rule, outcome) = stopping else { return [] }
        var comparisonFields: [(key: String, value: JSONValue)] = []
        if let c = stoppingComparison {
            comparisonFields = [
                (key: "baseline", value: .string(c.baseline)),
                (key: "half_width_scenarios", value: .object(zip(rule.targets, c.scenarios).map { target, name in
                    (key: target.metric.name, value: .string(name))
                })),
                (key: "decided_by_scenario", value: .string(c.decidedBy)),
            ]
        }
        return [(key: "stopping", value: .object([
            (key: "precision", value: .array(rule.targets.map { .string($0.text) })),
            (key: "max_replications", value: .number(Double(rule.maxReplications))),
            (key: "block_replications", value: .number(Double(rule.blockSize))),
            (key: "all_targets_met", value: .bool(outcome.allMet)),
            (key: "decided_by", value: .string(outcome.deciding.target.metric.name)),
            (key: "half_widths", value: .object(outcome.checks.map { c in
                (key: c.target.metric.name, value: c.halfWidth.map { .number($0) } ?? .null)
            })),
        ] + comparisonFields))]
    }
}
