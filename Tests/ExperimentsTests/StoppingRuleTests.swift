import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// Sequential stopping for a precision (`--precision`): the rule on a figure of known
/// variance, determinism across threads, agreement with a fixed-count run, and the cap.
@Suite struct StoppingRuleTests {
    /// One use case on a fixed path (every duration fixed, every other probability 0 or 1)
    /// whose pilot succeeds with probability `pilotSuccess` (1/2 by default): pilot_to_scale_rate
    /// is a Bernoulli draw per replication, of variance exactly 1/4 at 1/2. The draw is
    /// U < p on the use case's own stream, so two of these with the same seed see the same U.
    static func bernoulliScenario(_ name: String = "bernoulli", pilotSuccess: Double = 0.5) -> Scenario {
        var s = Scenario()
        s.name = name
        s.horizonMonths = 12
        s.businessUnits = 1
        s.portfolio.initialUseCases = 1
        s.portfolio.arrivalsPerMonth = 0
        var a = Scenario.Archetype()
        a.valuePerMonth = .fixed(100)
        a.complexity = .fixed(1)
        a.highRiskShare = 0
        a.alignedShare = 1
        s.portfolio.archetypes = [a]
        s.dataDomains = [.init(name: "ready", readiness: 1)]
        s.teams.delivery = 1
        s.teams.foundation = 0
        s.governance.style = .federated
        s.governance.localDecisionMonths = 0
        s.governance.approveAligned = 1
        s.governance.localAuditShare = 0
        s.stages.dataPrep.duration = .fixed(0)
        s.stages.dataPrep.blockerRate = 0
        s.stages.pilot.duration = .fixed(1)
        s.stages.pilot.baseSuccess = pilotSuccess
        s.stages.pilot.dataSensitivity = 0
        s.stages.pilot.complexityExponent = 0
        s.stages.scaleApproval.base = 1
        s.stages.scaleUp.duration = .fixed(2)
        s.stages.rollout.phases = [.init(name: "all", share: 1, duration: .fixed(1))]
        s.stages.rollout.baseAdoption = 1
        s.operations.driftPerYear = 0
        s.compliance.incidentsPerYear.audited = 0
        s.compliance.incidentsPerYear.unaudited = 0
        return s
    }

    private func folder() -> String {
        NSTemporaryDirectory() + "execsim-stopping-\(UUID().uuidString)"
    }

    private func run(_ scenario: Scenario, _ rule: StoppingRule?, replications: Int = 0, threads: Int,
                     seed: UInt64 = 11) throws -> RunFiles.Outcome {
        let manifest = RunManifest(seed: seed, replications: replications, commandLine: [],
                                   startTime: Date(timeIntervalSince1970: 0))
        return try RunFiles.run(scenario, manifest: manifest, threads: threads, to: folder(), stopping: rule)
    }

    private func read(_ outcome: RunFiles.Outcome, _ name: String) -> String {
        (try? String(contentsOfFile: outcome.folder + "/" + name, encoding: .utf8)) ?? "<missing>"
    }

    private func target(_ metric: ReplicationMetric, _ halfWidth: Double, relative: Bool = false) -> PrecisionTarget {
        PrecisionTarget(metric: metric, halfWidth: halfWidth, isRelative: relative)
    }

    /// With σ² = 1/4 the 95% half-width is about 1.96·0.5/√n, so a target of 0.02 needs
    /// n* = 1.96²·0.25/0.02² ≈ 2401. The sample variance is p̂(1 − p̂)·n/(n − 1), and p̂ lies
    /// within 3 standard errors (0.03) of 1/2 except with probability 0.3%, where
    /// p̂(1 − p̂) ≥ 0.2491: n* then lies in [2392, 2403], so with blocks of 100 the run stops
    /// at 2400 or 2500 (the seed is fixed, so the test is deterministic; the bound says it is
    /// not tuned to the seed).
    @Test func stopsWhereAKnownVarianceSaysItShould() throws {
        let rule = StoppingRule(targets: [target(.pilotToScaleRate, 0.02)], maxReplications: 100_000, blockSize: 100)
        let outcome = try run(Self.bernoulliScenario(), rule, threads: 2)
        let stop = try #require(outcome.stopping)
        #expect(stop.allMet)
        #expect([2400, 2500].contains(outcome.replications), "stopped at \(outcome.replications)")
        #expect(stop.deciding.target.metric == .pilotToScaleRate)

        // The rule saw exactly the half-width of the rows written, and the block before
        // would not have done.
        let column = ReplicationsTable.header.firstIndex(of: "pilot_to_scale_rate")!
        let values = read(outcome, "replications.csv").split(separator: "\n").dropFirst().map {
            Double($0.split(separator: ",", omittingEmptySubsequences: false)[column])!
        }
        #expect(values.count == outcome.replications)
        #expect(Set(values) == [0, 1], "a Bernoulli figure")
        let halfWidth = { (n: Int) -> Double in
            let s = Summary(values: Array(values.prefix(n)))
            return (s.ci95High! - s.ci95Low!) / 2
        }
        #expect(abs(halfWidth(values.count) - stop.deciding.halfWidth!) < 1e-12)
        #expect(halfWidth(values.count) <= 0.02)
        #expect(halfWidth(values.count - 100) > 0.02)
    }

    /// Where a run stops, and every byte it writes, depend on the seed and the targets only;
    /// and the files equal those of a fixed-count run of that many replications.
    @Test func stoppingIsTheSameForAnyThreadCountAndMatchesAFixedRun() throws {
        let rule = StoppingRule(targets: [target(.pilotToScaleRate, 0.03), target(.npv, 5, relative: true)],
                                maxReplications: 50_000, blockSize: 150)
        let one = try run(Self.bernoulliScenario(), rule, threads: 1)
        let three = try run(Self.bernoulliScenario(), rule, threads: 3)
        let fixed = try run(Self.bernoulliScenario(), nil, replications: one.replications, threads: 2)
        #expect(one.replications == three.replications && one.replications % 150 == 0)
        #expect(one.stopping == three.stopping)
        for file in ["replications.csv", "summary.csv", "timeseries.csv"] {
            #expect(read(one, file) == read(three, file), "\(file) depends on the thread count")
            #expect(read(one, file) == read(fixed, file), "\(file) differs from the fixed-count run")
        }
        #expect(read(one, "manifest.json").contains("\"decided_by\""))
    }

    /// A target out of reach stops at the cap, which need not be a block end, and says so.
    @Test func theCapStopsARunThatCannotMeetItsTarget() throws {
        let rule = StoppingRule(targets: [target(.npv, 1, relative: true), target(.pilotToScaleRate, 1e-6)],
                                maxReplications: 250, blockSize: 100)
        let outcome = try run(Self.bernoulliScenario(), rule, threads: 2)
        let stop = try #require(outcome.stopping)
        #expect(outcome.replications == 250)
        #expect(!stop.allMet)
        #expect(stop.checks[0].isMet && !stop.checks[1].isMet)
        #expect(stop.deciding.target.metric == .pilotToScaleRate, "the target furthest from its limit")
        #expect(stop.description.contains("cap of 250"))
        #expect(read(outcome, "replications.csv").split(separator: "\n").count == 251)
    }

    /// Block ends are fixed counts; the deciding target is the one closest to its limit; a
    /// relative target scales with |mean|; an undefined estimate is never met.
    @Test func blockEndsAndTheDecidingTarget() {
        let rule = StoppingRule(targets: [target(.npv, 0.1, relative: true), target(.roi, 0.5)],
                                maxReplications: 1000, blockSize: 300)
        #expect([0, 299, 300, 900, 950].map(rule.nextBlockEnd(after:)) == [300, 300, 600, 1000, 1000])
        #expect(rule.check(replications: 300, estimates: [(-50, 4.9), (1, 0.1)])?.deciding.target.metric == .npv)
        #expect(rule.check(replications: 300, estimates: [(-50, 1), (1, 0.4)])?.deciding.target.metric == .roi)
        #expect(rule.check(replications: 300, estimates: [(-50, 5.1), (1, 0.1)]) == nil, "npv limit is 0.1·50 = 5")
        #expect(rule.check(replications: 300, estimates: [(-50, 1), (nil, nil)]) == nil)
        let capped = rule.check(replications: 1000, estimates: [(-50, 1), (nil, nil)])
        #expect(capped?.allMet == false && capped?.deciding.target.metric == .roi)
    }
}
