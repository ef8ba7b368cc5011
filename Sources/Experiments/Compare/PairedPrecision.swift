import ProgramModel

/// `compare --precision`: a ``StoppingRule`` fed with the paired differences with the baseline.
///
/// For each target the estimate is the difference (scenario − baseline) that is furthest from
/// the target over all scenarios compared with the baseline, and its half-width is exactly the
/// one `comparison.csv` and the terminal report for that difference: ``PairedComparison``'s,
/// Bonferroni-adjusted over the k − 1 comparisons. The user sets a target on what they read;
/// a per-comparison half-width would stop the run with the table still wider than asked.
///
/// A relative target (`npv=2%`) is a fraction of |baseline mean|, not of |mean difference|:
/// the difference may be near 0 (two scenarios as good as each other), where a relative target
/// would ask for ever more replications, and "the difference to within 2% of the baseline's
/// npv" is what a reader compares a difference with anyway. Over the paired replications,
/// so it is `baseline_mean` of that row of `comparison.csv`.
public struct PairedPrecision: Sendable {
    public var rule: StoppingRule
    public var names: [String]
    public var baseline: Int

    /// - Precondition: at least two scenarios.
    public init(rule: StoppingRule, names: [String], baseline: Int) {
        precondition(names.count >= 2)
        self.rule = rule
        self.names = names
        self.baseline = baseline
    }

    /// One target's estimate: the scenario whose difference with the baseline is furthest from
    /// the target, that difference's half-width and the baseline mean a relative limit scales with.
    public struct Estimate: Sendable, Equatable {
        public var scenario: Int
        public var baselineMean: Double?
        public var halfWidth: Double?
    }

    /// The estimates for the rule's targets, in order.
    ///
    /// - Parameter values: `values(metric)[i][r]`, replication r of scenario i, all of one length.
    /// - Complexity: O(targets · scenarios · replications): checked once a block, against
    ///   simulating a block of every scenario that is negligible.
    public func estimates(_ values: (ReplicationMetric) -> [[Double?]]) -> [Estimate] {
        rule.targets.map { target in
            let values = values(target.metric)
            var furthest: (estimate: Estimate, check: StoppingRule.Check)? = nil
            for i in names.indices where i != baseline {
                let paired = PairedComparison(scenario: values[i], baseline: values[baseline],
                                              higherIsBetter: target.metric.higherIsBetter,
                                              comparisons: names.count - 1)
                let estimate = Estimate(scenario: i, baselineMean: paired.baselineMean, halfWidth: paired.halfWidth)
                let check = StoppingRule.Check(target: target, mean: paired.baselineMean, halfWidth: paired.halfWidth,
                                               limit: paired.baselineMean.map(target.limit(mean:)))
                // The first of the largest shortfalls: ties go to the earlier scenario.
                if furthest == nil || check.shortfall > furthest!.check.shortfall { furthest = (estimate, check) }
            }
            return furthest!.estimate
        }
    }

    /// The rule's checks of these estimates (the mean of each is the baseline's).
    public func checks(_ estimates: [Estimate]) -> [StoppingRule.Check] {
        rule.checks(estimates.map { ($0.baselineMean, $0.halfWidth) })
    }

    /// Nil to go on after a block ending at `replications`, or why the comparison stopped.
    public func check(replications: Int, estimates: [Estimate]) -> Outcome? {
        rule.check(replications: replications, estimates: estimates.map { ($0.baselineMean, $0.halfWidth) })
            .map { Outcome(stop: $0, estimates: estimates, names: names, baseline: baseline) }
    }

    /// "npv of hybrid − baseline": the paired difference an estimate is of.
    static func subject(_ metric: ReplicationMetric, scenario: Int, names: [String], baseline: Int) -> String {
        "\(metric.name) of \(names[scenario]) − \(names[baseline])"
    }

    /// Why and where a comparison stopped.
    public struct Outcome: Sendable, Equatable {
        /// The rule's outcome on the estimates (each check's mean is the baseline's).
        public var stop: StoppingRule.Outcome
        public var estimates: [Estimate]
        public var names: [String]
        public var baseline: Int

        /// The scenario whose difference with the baseline decided.
        public var decidingScenario: Int {
            estimates[stop.checks.firstIndex(of: stop.deciding)!].scenario
        }

        /// One sentence for the terminal, naming the difference that decided.
        public var description: String {
            stop.description(subject: PairedPrecision.subject(stop.deciding.target.metric, scenario: decidingScenario,
                                                              names: names, baseline: baseline))
        }

        /// What each scenario's `manifest.json` records besides the rule and its outcome.
        public var manifestComparison: RunManifest.StoppingComparison {
            RunManifest.StoppingComparison(baseline: names[baseline], scenarios: estimates.map { names[$0.scenario] },
                                           decidedBy: names[decidingScenario])
        }
    }
}
