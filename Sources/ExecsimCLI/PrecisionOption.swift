import Experiments
import ProgramModel

/// `--precision METRIC=HALF_WIDTH[,METRIC=HALF_WIDTH...]` and `--max-replications N`, shared by
/// `run` and `compare`.
enum PrecisionOption {
    static let defaultMaxReplications = 1_000_000

    /// `run`'s: each figure's own mean.
    static let options = options(halfWidth: "each named metric's 95% half-width", relativeTo: "|mean|")

    /// - Parameters:
    ///   - halfWidth: whose half-width a target is on, as the command's output shows it.
    ///   - relativeTo: what a `%` target is a fraction of.
    static func options(halfWidth: String, relativeTo: String) -> [OptionSpec] {
        [
            OptionSpec(name: "--precision", valueName: "metric=half-width,...",
                       help: "Run in blocks of \(RunFiles.blockSize) replications until \(halfWidth) is at or under its target: absolute in the metric's unit (pilot_to_scale_rate=0.005) or relative to \(relativeTo) with % (npv=2%). Instead of --replications."),
            OptionSpec(name: "--max-replications", valueName: "n",
                       help: "With --precision: stop here even if a target is not met (default \(defaultMaxReplications))."),
        ]
    }

    /// The stopping rule the arguments ask for, or nil without `--precision`.
    static func rule(_ args: ParsedArguments) throws(UsageError) -> StoppingRule? {
        guard let text = args.string("--precision") else {
            if let cap = args.string("--max-replications") {
                throw .invalidValue(option: "--max-replications", value: cap,
                                    expected: "to be given with --precision (it caps a precision-driven run)")
            }
            return nil
        }
        if let fixed = args.string("--replications") {
            throw .invalidValue(option: "--replications", value: fixed,
                                expected: "no fixed count with --precision (use --max-replications to cap the run)")
        }
        let cap = try args.int("--max-replications", default: defaultMaxReplications, minimum: 2,
                               maximum: Limits.runReplications, limit: "execsim's stated limit for one run")
        return StoppingRule(targets: try targets(text), maxReplications: cap, blockSize: RunFiles.blockSize)
    }

    /// `metric=value` or `metric=value%`, comma-separated; a metric named twice keeps its last target.
    static func targets(_ text: String) throws(UsageError) -> [PrecisionTarget] {
        var targets: [PrecisionTarget] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw .invalidValue(option: "--precision", value: String(item),
                                    expected: "metric=half-width, for example pilot_to_scale_rate=0.005 or npv=2%")
            }
            guard let metric = ReplicationMetric(name: parts[0]) else {
                throw .invalidValue(option: "--precision", value: parts[0], expected: CompareCommand.validNames)
            }
            let relative = parts[1].hasSuffix("%")
            let number = relative ? String(parts[1].dropLast()) : parts[1]
            guard let value = Double(number), value.isFinite, value > 0 else {
                throw .invalidValue(option: "--precision", value: parts[1],
                                    expected: "a positive half-width, absolute (0.005) or relative to the mean (2%)")
            }
            targets.removeAll { $0.metric == metric }
            targets.append(PrecisionTarget(metric: metric, halfWidth: relative ? value / 100 : value, isRelative: relative))
        }
        return targets
    }
}
