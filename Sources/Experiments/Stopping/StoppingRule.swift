import ProgramModel

/// Sequential stopping for a precision: run replications in fixed blocks until every target's
/// 95% half-width is at or under its limit, or until `maxReplications`.
///
/// The rule is looked at only when a block ends, and blocks end at fixed replication counts
/// (`blockSize`, 2·`blockSize`, …, and `maxReplications`), so where a run stops depends on the
/// seed and the targets alone, never on the thread count; and a run that stops after n
/// replications holds exactly the files of the same run with `--replications n`.
///
/// `run` checks the half-width of each figure's mean; `compare` checks, for each figure, the
/// widest half-width of the paired differences with the baseline. Both hand their estimates
/// to ``check(replications:estimates:)``.
///
///     let rule = StoppingRule(targets: [PrecisionTarget(metric: .npv, halfWidth: 0.02, isRelative: true)],
///                             maxReplications: 100_000, blockSize: 4096)
///     var done = 0
///     while true {
///         done = rule.nextBlockEnd(after: done)
///         // ... simulate up to `done`, then:
///         if let outcome = rule.check(replications: done, estimates: estimates) { break }
///     }
public struct StoppingRule: Sendable {
    public var targets: [PrecisionTarget]
    public var maxReplications: Int
    public var blockSize: Int

    /// - Precondition: at least one target, `maxReplications >= 1`, `blockSize >= 1`.
    public init(targets: [PrecisionTarget], maxReplications: Int, blockSize: Int) {
        precondition(!targets.isEmpty && maxReplications >= 1 && blockSize >= 1)
        self.targets = targets
        self.maxReplications = maxReplications
        self.blockSize = blockSize
    }

    /// The replication count at which the block after `done` replications ends.
    public func nextBlockEnd(after done: Int) -> Int {
        Swift.min(maxReplications, (done / blockSize + 1) * blockSize)
    }

    /// One target as it stood when the rule was last checked.
    public struct Check: Sendable, Equatable {
        public var target: PrecisionTarget
        /// The mean a relative target is a fraction of: the figure's (`run`), the baseline's
        /// (`compare`, whose half-widths are of differences).
        public var mean: Double?
        public var halfWidth: Double?
        /// The half-width that meets the target (nil while the mean is undefined).
        public var limit: Double?

        /// Met when both are defined and the half-width is within the limit.
        public var isMet: Bool {
            guard let halfWidth, let limit else { return false }
            return halfWidth <= limit
        }

        /// halfWidth / limit: how far from the target (≤ 1 when met; infinite when undefined).
        var shortfall: Double {
            guard let halfWidth, let limit else { return .infinity }
            return limit > 0 ? halfWidth / limit : (halfWidth == 0 ? 0 : .infinity)
        }
    }

    /// Why and where a run stopped.
    public struct Outcome: Sendable, Equatable {
        public var replications: Int
        /// Every target met (false: stopped at `maxReplications` first).
        public var allMet: Bool
        public var checks: [Check]
        /// The target that decided: when all are met, the one closest to its limit (the last
        /// to be met, the one that needed these replications); otherwise the one furthest from it.
        public var deciding: Check

        /// One sentence for the terminal and the manifest.
        public var description: String { description(subject: deciding.target.metric.name) }

        /// The same sentence with the deciding estimate named by `subject` (`compare` names
        /// the paired difference: "npv of hybrid − baseline").
        public func description(subject name: String) -> String {
            let hw = deciding.halfWidth.map(CSVWriter.format) ?? "undefined"
            let limit = deciding.limit.map(CSVWriter.format) ?? "undefined"
            if allMet {
                return "stopped after \(replications) replications: every precision target met; \(name) decided (95% half-width \(hw) ≤ \(limit), target \(deciding.target.text))."
            }
            return "stopped at the cap of \(replications) replications before every precision target was met: \(name) has 95% half-width \(hw), target \(deciding.target.text) (limit \(limit))."
        }
    }

    /// Looks at the estimates after a block ending at `replications`: nil to go on, or the
    /// outcome when every target is met or the cap is reached.
    ///
    /// - Parameter estimates: for each target, in order, the mean and 95% half-width so far
    ///   (nil where undefined, e.g. fewer than two defined values).
    public func check(replications: Int, estimates: [(mean: Double?, halfWidth: Double?)]) -> Outcome? {
        let checks = self.checks(estimates)
        let allMet = checks.allSatisfy(\.isMet)
        guard allMet || replications >= maxReplications else { return nil }
        return Outcome(replications: replications, allMet: allMet, checks: checks,
                       deciding: Self.furthest(checks))
    }

    /// Each target against its estimate, whether or not the run would stop (for progress).
    public func checks(_ estimates: [(mean: Double?, halfWidth: Double?)]) -> [Check] {
        precondition(estimates.count == targets.count, "one estimate per target")
        return zip(targets, estimates).map { target, e in
            Check(target: target, mean: e.mean, halfWidth: e.halfWidth, limit: e.mean.map(target.limit(mean:)))
        }
    }

    /// The check furthest from its limit: the first of the largest shortfalls, so ties resolve
    /// by the order the user gave.
    public static func furthest(_ checks: [Check]) -> Check {
        var furthest = checks[0]
        for c in checks.dropFirst() where c.shortfall > furthest.shortfall { furthest = c }
        return furthest
    }
}
