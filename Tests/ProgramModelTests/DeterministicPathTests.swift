import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// Every figure of one deterministic replication, worked out by hand.
struct ExpectedPath {
    var useCases = 1
    var rejected = 0
    var deferred = 0
    var pilotsStarted = 1
    var pilotsSucceeded = 1
    var abandonedData = 0
    var failedTechnical = 0
    var stalledPurgatory = 0
    var inPurgatoryAtHorizon = 0
    var adoptionStalled = 0
    var reachedProduction = 1
    var scaled = 1
    var timeToFirstValue: Double?
    var meanTTV: Double?
    var meanPilotToProduction: Double?
    var meanG0Wait: Double?
    var meanG1Wait: Double?
    var meanTeamWait: Double?
    var valueRealized = 0.0
    var cost = 0.0
    /// Segments (rate, from, to) of the program's value rate, written out by hand.
    var valueSegments: [(rate: Double, from: Double, to: Double)] = []
    var costRate = 10.0
    var horizon = 60.0
    var breakEven: Double?
    var utilization = 0.0
    var finalMeanReadiness: Double? = nil

    /// npv = Σ ∫ e^(−δt)·rate dt over the value segments − ∫₀ᴴ e^(−δt)·costRate dt.
    var npv: Double {
        valueSegments.reduce(0) { $0 + discounted($1.rate, from: $1.from, to: $1.to, delta: defaultDelta) }
            - discounted(costRate, from: 0, to: horizon, delta: defaultDelta)
    }

    /// The value segments of one use case of `deterministicScenario()` reaching production at
    /// P: phases of 1, 2 and 3 months with shares 0.1, 0.3, 0.6 of V = 100, so the value rate
    /// is 10 on [P+1, P+3], 40 on [P+3, P+6], 100 on [P+6, H]; value = 20 + 120 + 100·(H − P − 6).
    static func rollout(production p: Double, horizon h: Double = 60) -> [(rate: Double, from: Double, to: Double)] {
        [(10, p + 1, p + 3), (40, p + 3, p + 6), (100, p + 6, h)]
    }
}

func close(_ actual: Double?, _ expected: Double?) -> Bool {
    switch (actual, expected) {
    case (nil, nil): true
    case let (a?, e?): abs(a - e) <= exactTolerance * Swift.max(1, abs(e))
    default: false
    }
}

func checkPath(_ r: ReplicationResult, _ e: ExpectedPath,
               sourceLocation: SourceLocation = #_sourceLocation) {
    let loc = sourceLocation
    #expect(r.useCases == e.useCases, "use_cases", sourceLocation: loc)
    #expect(r.rejected == e.rejected, "rejected", sourceLocation: loc)
    #expect(r.deferred == e.deferred, "deferred", sourceLocation: loc)
    #expect(r.pilotsStarted == e.pilotsStarted, "pilots_started", sourceLocation: loc)
    #expect(r.pilotsSucceeded == e.pilotsSucceeded, "pilots_succeeded", sourceLocation: loc)
    #expect(r.abandonedData == e.abandonedData, "abandoned_data", sourceLocation: loc)
    #expect(r.failedTechnical == e.failedTechnical, "failed_technical", sourceLocation: loc)
    #expect(r.stalledPurgatory == e.stalledPurgatory, "stalled_purgatory", sourceLocation: loc)
    #expect(r.inPurgatoryAtHorizon == e.inPurgatoryAtHorizon, "in_purgatory_at_horizon", sourceLocation: loc)
    #expect(r.adoptionStalled == e.adoptionStalled, "adoption_stalled", sourceLocation: loc)
    #expect(r.reachedProduction == e.reachedProduction, "reached_production", sourceLocation: loc)
    #expect(r.scaled == e.scaled, "scaled", sourceLocation: loc)
    let started = Double(e.pilotsStarted)
    #expect(close(r.pilotToProductionRate, e.pilotsStarted > 0 ? Double(e.reachedProduction) / started : nil),
            "pilot_to_production_rate", sourceLocation: loc)
    #expect(close(r.pilotToScaleRate, e.pilotsStarted > 0 ? Double(e.scaled) / started : nil),
            "pilot_to_scale_rate", sourceLocation: loc)
    #expect(close(r.timeToFirstValueMonths, e.timeToFirstValue),
            "time_to_first_value \(String(describing: r.timeToFirstValueMonths))", sourceLocation: loc)
    #expect(close(r.meanUseCaseTTVMonths, e.meanTTV),
            "mean_use_case_ttv \(String(describing: r.meanUseCaseTTVMonths))", sourceLocation: loc)
    #expect(close(r.meanPilotToProductionMonths, e.meanPilotToProduction),
            "mean_pilot_to_production \(String(describing: r.meanPilotToProductionMonths))", sourceLocation: loc)
    #expect(close(r.meanG0WaitMonths, e.meanG0Wait),
            "mean_g0_wait \(String(describing: r.meanG0WaitMonths))", sourceLocation: loc)
    #expect(close(r.meanG1WaitMonths, e.meanG1Wait),
            "mean_g1_wait \(String(describing: r.meanG1WaitMonths))", sourceLocation: loc)
    #expect(close(r.meanTeamWaitMonths, e.meanTeamWait),
            "mean_team_wait \(String(describing: r.meanTeamWaitMonths))", sourceLocation: loc)
    #expect(close(r.valueRealized, e.valueRealized), "value_realized \(r.valueRealized)", sourceLocation: loc)
    // The hand-written segments must add up to the hand-computed value (checks the test itself).
    #expect(close(e.valueSegments.reduce(0) { $0 + $1.rate * ($1.to - $1.from) }, e.valueRealized),
            "the expected value segments do not add up", sourceLocation: loc)
    #expect(close(r.cost, e.cost), "cost \(r.cost)", sourceLocation: loc)
    #expect(close(r.npv, e.npv), "npv \(r.npv) vs \(e.npv)", sourceLocation: loc)
    #expect(close(r.breakEvenMonth, e.breakEven),
            "break_even_month \(String(describing: r.breakEvenMonth))", sourceLocation: loc)
    #expect(close(r.squadUtilization, e.utilization), "squad_utilization \(r.squadUtilization)", sourceLocation: loc)
    #expect(r.driftEvents == 0 && r.complianceIncidents == 0, "drift/incidents", sourceLocation: loc)
    if let readiness = e.finalMeanReadiness {
        #expect(close(r.finalMeanReadiness, readiness), "final_mean_readiness \(r.finalMeanReadiness)", sourceLocation: loc)
    }
}

func runOnce(_ s: Scenario) -> ReplicationResult {
    var sim = ProgramSimulation(scenario: s)
    return sim.run(seed: 7, replication: 0)
}

/// MODEL.md section 11, second check: with every duration fixed and every probability 0 or 1,
/// time to value is a sum of durations and the rates are exact. See `deterministicScenario()`
/// for the base path (prep 3, pilot 4, scale-up 5, rollout 1 + 2 + 3, V = 100, 10 k$/month,
/// H = 60, δ = ln(1.1)/12). Seeds do not matter here; the tests also run a second seed.
@Suite("Exact deterministic paths (MODEL.md 11)")
struct DeterministicPathTests {
    /// (b) federated, localDecisionMonths 0: G0 at 0 (wait 0), squad at 0 (wait 0),
    /// prep [0, 3], pilot [3, 7], no audit (localAuditShare 0), G1 at 7 (wait 0), the squad
    /// (released at 7) is free: scale-up [7, 12] (wait 0), production at P = 12,
    /// pilot-to-production 12 − 7 = 5. First value at 13 = TTV (arrival 0).
    /// Value 20 + 120 + 100·(60 − 18) = 4340; cost 1·10·60 = 600.
    /// Break-even: on [13, 15] the rate equals the cost rate; on [15, 18] 20 + 40(t − 15) = 10t
    /// gives t = 19.33 > 18; on [18, 60] 140 + 100(t − 18) = 10t gives t = 1660/90 = 18.444.
    /// Squad busy [0, 12]: utilization 12/60.
    static let federatedPath = ExpectedPath(
        timeToFirstValue: 13, meanTTV: 13, meanPilotToProduction: 5,
        meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
        valueRealized: 4340, cost: 600, valueSegments: ExpectedPath.rollout(production: 12),
        breakEven: 1660.0 / 90, utilization: 12.0 / 60)

    /// (a) centralized, cadence 1: G0 submitted at 0, decided at the meeting at 1 (wait 1),
    /// prep [1, 4], pilot [4, 8], committee route so always audited: audit [8, 8.5], G1 decided
    /// at the meeting at 9 (wait 0.5), scale-up [9, 14], P = 14, pilot-to-production 6.
    /// First value 15. Value 20 + 120 + 100·(60 − 20) = 4140. Break-even on [20, 60]:
    /// 140 + 100(t − 20) = 10t → t = 1860/90. Busy [1, 8] and [9, 14] (idle during audit and
    /// G1): 12/60.
    static let centralizedPath = ExpectedPath(
        timeToFirstValue: 15, meanTTV: 15, meanPilotToProduction: 6,
        meanG0Wait: 1, meanG1Wait: 0.5, meanTeamWait: 0,
        valueRealized: 4140, cost: 600, valueSegments: ExpectedPath.rollout(production: 14),
        breakEven: 1860.0 / 90, utilization: 12.0 / 60)

    @Test("(b) federated with instant local decisions", arguments: [7 as UInt64, 99])
    func federated(seed: UInt64) {
        var sim = ProgramSimulation(scenario: deterministicScenario())
        checkPath(sim.run(seed: seed, replication: 3), Self.federatedPath)
    }

    /// Where the time goes, on the paths of (b) and (a): prep 3, pilot 4, scale-up 5 and the
    /// rollout 1 + 2 + 3 = 6 months, whatever the waits between them. With a blocker found
    /// (rate 1, never abandoned), remediation adds half the prep: 3 + 1.5 before the pilot.
    @Test("work steps: mean months in data preparation, pilot, scale-up and rollout")
    func stepDurations() throws {
        for style in [Scenario.GovernanceStyle.federated, .centralized] {
            var s = deterministicScenario()
            s.governance.style = style
            let r = runOnce(s)
            #expect(close(r.meanDataPrepMonths, 3) && close(r.meanPilotMonths, 4), "\(style)")
            #expect(close(r.meanScaleUpMonths, 5) && close(r.meanRolloutMonths, 6), "\(style)")
        }
        var s = deterministicScenario()
        s.stages.dataPrep.blockerRate = 2  // × (1 − readiness 0.5): always found
        let r = runOnce(s)
        #expect(close(r.meanDataPrepMonths, 4.5), "\(String(describing: r.meanDataPrepMonths))")
        // The one use case reaches value 13 months after its arrival on the path of (b).
        var federated = deterministicScenario()
        federated.governance.style = .federated
        let valued = runOnce(federated).monthEnds[.useCasesValuedWithin]
        #expect(valued.count == 60 && valued[11] == 0 && valued[12] == 1 && valued[59] == 1)
        // Nothing finished, nothing to average: empty, not 0.
        var none = deterministicScenario()
        none.horizonMonths = 2
        let early = runOnce(none)
        #expect(early.meanDataPrepMonths == nil && early.meanRolloutMonths == nil)
    }

    @Test("(a) centralized: decisions land on meetings at 1, 2, 3 …, with the committee's audit")
    func centralized() {
        var s = deterministicScenario()
        s.governance.style = .centralized
        checkPath(runOnce(s), Self.centralizedPath)
    }

    /// Two use cases, capacity 1, two squads (cost rate 20): the meeting at 1 decides uc0's G0,
    /// the meeting at 2 uc1's (waits 1 and 2, mean 1.5). uc0 as in (a): P = 14, pilot end 8.
    /// uc1: prep [2, 5], pilot [5, 9], audit [9, 9.5], G1 at the meeting at 10 (uc0's G1 went
    /// at 9; each waits 0.5), scale-up [10, 15], P = 15, pilot-to-production 6.
    /// TTV 15 and 16, mean 15.5. Value 4140 + (140 + 100·(60 − 21)) = 8180. Cost 2·10·60.
    /// Total value rate: [15,16] 10, [16,17] 20, [17,18] 50, [18,20] 80, [20,21] 140,
    /// [21,60] 200; cumulative at 21 = 380 < 420 = 20·21, then 380 + 200(t − 21) = 20t →
    /// t = 3820/180 (the earlier segments above the cost rate cross only after their end:
    /// [17,18] at 27.3, [18,20] at 22.7, [20,21] at 21.33). Busy 7 + 5 per squad: 24 of 2·60.
    @Test("(a) committee capacity 1 queues G0 decisions to the next meeting")
    func committeeCapacity() {
        var s = deterministicScenario()
        s.governance.style = .centralized
        s.governance.committee.capacity = 1
        s.portfolio.initialUseCases = 2
        s.teams.delivery = 2
        checkPath(runOnce(s), ExpectedPath(
            useCases: 2, pilotsStarted: 2, pilotsSucceeded: 2, reachedProduction: 2, scaled: 2,
            timeToFirstValue: 15, meanTTV: 15.5, meanPilotToProduction: 6,
            meanG0Wait: 1.5, meanG1Wait: 0.5, meanTeamWait: 0,
            valueRealized: 8180, cost: 1200,
            valueSegments: ExpectedPath.rollout(production: 14) + ExpectedPath.rollout(production: 15),
            costRate: 20, breakEven: 3820.0 / 180, utilization: 24.0 / 120))
    }

    @Test("(c) hybrid: high-risk use cases take the committee route, the others decide locally")
    func hybrid() {
        var s = deterministicScenario()
        s.governance.style = .hybrid
        s.portfolio.archetypes[0].highRiskShare = 1
        checkPath(runOnce(s), Self.centralizedPath)
        s.portfolio.archetypes[0].highRiskShare = 0
        checkPath(runOnce(s), Self.federatedPath)
    }

    /// (d) sequential, planningMonths 6: the use case enters G0 at max(0, 6) = 6 (G0 wait is
    /// measured after the hold: 0); everything of (b) shifts by 6: P = 18, first value 19 =
    /// TTV (arrival 0), value 140 + 100·(60 − 24) = 3740, break-even
    /// 140 + 100(t − 24) = 10t → t = 2260/90. Busy [6, 18]: 12/60. Readiness 0.5 ≥ 0.3: no
    /// deferral.
    @Test("(d) sequential strategy with a planning hold")
    func sequentialPlanningHold() {
        var s = deterministicScenario()
        s.strategy.approach = .sequential
        s.strategy.planningMonths = 6
        checkPath(runOnce(s), ExpectedPath(
            timeToFirstValue: 19, meanTTV: 19, meanPilotToProduction: 5,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
            valueRealized: 3740, cost: 600, valueSegments: ExpectedPath.rollout(production: 18),
            breakEven: 2260.0 / 90, utilization: 12.0 / 60))
    }

    /// (d') sequential, planningMonths 0, readiness 0.2 below deferBelowReadiness 0.3, one
    /// foundation squad (chunk 1 month, gain 0.05/squad-month, cap 0.95): G0 approves at 0 and
    /// the use case is deferred; readiness 0.25 at 1, 0.30 at 2 (reaches 0.3 within 1e-9) →
    /// released at 2, squad at once (wait 0). Prep uses r = 0.3: 2·(1 + 1·0.7) = 3.4 →
    /// [2, 5.4], pilot [5.4, 9.4], scale-up [9.4, 14.4], P = 14.4, first value 15.4.
    /// Value 140 + 100·(60 − 20.4) = 4100. Cost (1 + 1)·10·60 = 1200 (rate 20); break-even
    /// 140 + 100(t − 20.4) = 20t → t = 1900/80 = 23.75. Busy [2, 14.4]: 12.4/60. Readiness
    /// climbs 0.05 a month to the cap 0.95 at month 15.
    @Test("(d) sequential deferral released by a foundation squad")
    func sequentialDeferral() {
        var s = deterministicScenario()
        s.strategy.approach = .sequential
        s.strategy.planningMonths = 0
        s.strategy.deferBelowReadiness = 0.3
        s.dataDomains = [Scenario.DataDomainSpec(name: "d", readiness: 0.2)]
        s.teams.foundation = 1
        s.dataFoundation.chunkMonths = 1
        s.dataFoundation.gainPerSquadMonth = 0.05
        s.dataFoundation.maxReadiness = 0.95
        checkPath(runOnce(s), ExpectedPath(
            timeToFirstValue: 15.4, meanTTV: 15.4, meanPilotToProduction: 5,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
            valueRealized: 4100, cost: 1200, valueSegments: ExpectedPath.rollout(production: 14.4),
            costRate: 20, breakEven: 1900.0 / 80, utilization: 12.4 / 60, finalMeanReadiness: 0.95))
    }

    /// (e) federated with localAuditShare 1 and auditDuration fixed 1.5: pilot ends at 7, audit
    /// [7, 8.5] (no squad), G1 at 8.5 (wait 0, measured after the audit), scale-up [8.5, 13.5],
    /// P = 13.5, pilot-to-production 6.5, first value 14.5. Value 140 + 100·(60 − 19.5) = 4190;
    /// break-even 140 + 100(t − 19.5) = 10t → t = 1810/90. Busy 7 + 5 = 12 of 60.
    @Test("(e) a local audit delays G1 by its fixed duration")
    func localAudit() {
        var s = deterministicScenario()
        s.governance.localAuditShare = 1
        s.governance.auditDuration = .fixed(1.5)
        checkPath(runOnce(s), ExpectedPath(
            timeToFirstValue: 14.5, meanTTV: 14.5, meanPilotToProduction: 6.5,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
            valueRealized: 4190, cost: 600, valueSegments: ExpectedPath.rollout(production: 13.5),
            breakEven: 1810.0 / 90, utilization: 12.0 / 60))
    }

    /// (e') data prep with a certain blocker: readiness 0 (so the prep is 2·(1 + 1·1) = 4 and
    /// the blocker probability blockerRate·(1 − 0) = 1), abandonOnBlocker 0: remediation holds
    /// the squad for 0.5·4 = 2 more months, then the pilot [6, 10] on the same squad (success
    /// 1 · (1 − 0·1) = 1), scale-up [10, 15], P = 15, first value 16, pilot-to-production 5.
    /// Value 140 + 100·(60 − 21) = 4040; break-even 140 + 100(t − 21) = 10t → t = 1960/90.
    /// Busy [0, 15]: 15/60.
    @Test("(e) a certain data blocker with remediation on the same squad")
    func remediation() {
        var s = deterministicScenario()
        s.dataDomains = [Scenario.DataDomainSpec(name: "d", readiness: 0)]
        s.stages.dataPrep.blockerRate = 1
        s.stages.dataPrep.abandonOnBlocker = 0
        s.stages.dataPrep.remediationShare = 0.5
        checkPath(runOnce(s), ExpectedPath(
            timeToFirstValue: 16, meanTTV: 16, meanPilotToProduction: 5,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
            valueRealized: 4040, cost: 600, valueSegments: ExpectedPath.rollout(production: 15),
            breakEven: 1960.0 / 90, utilization: 15.0 / 60))
        // The same blocker with abandonOnBlocker 1: abandoned at 4, no pilot; busy 4/60.
        s.stages.dataPrep.abandonOnBlocker = 1
        checkPath(runOnce(s), ExpectedPath(
            pilotsStarted: 0, pilotsSucceeded: 0, abandonedData: 1, reachedProduction: 0, scaled: 0,
            meanG0Wait: 0, meanTeamWait: 0, cost: 600, utilization: 4.0 / 60))
    }

    /// (f) G1 can never approve: base 0 and fit.pooled 0 with reworkFitGain 0 give
    /// 0 + (1 − 0)·0·1 = 0 at every attempt. Centralized, rework fixed 1.5, maxResubmissions 2:
    /// G0 at the meeting at 1 (wait 1), prep [1, 4], pilot [4, 8], audit [8, 8.5], G1 denied at
    /// the meeting at 9 (wait 0.5), rework [9, 10.5], denied at 11 (wait 0.5), rework
    /// [11, 12.5], denied at 13 (wait 0.5) with 2 resubmissions used → stalled_purgatory.
    /// No value: npv = −∫₀⁶⁰ 10·e^(−δt) dt, no break-even. Busy [1, 8]: 7/60.
    @Test("(f) G1 always denied: stalled in purgatory after maxResubmissions reworks")
    func stalledAfterResubmissions() {
        var s = deterministicScenario()
        s.governance.style = .centralized
        s.stages.scaleApproval.base = 0
        s.fit.pooled = 0
        s.stages.scaleApproval.reworkFitGain = 0
        s.stages.scaleApproval.reworkMonths = .fixed(1.5)
        s.stages.scaleApproval.maxResubmissions = 2
        checkPath(runOnce(s), ExpectedPath(
            stalledPurgatory: 1, reachedProduction: 0, scaled: 0,
            meanG0Wait: 1, meanG1Wait: 0.5, meanTeamWait: 0,
            cost: 600, breakEven: nil, utilization: 7.0 / 60))
    }

    /// (f') Denied, reworked, approved: base 0 and fit 0 deny the first G1 (probability 0);
    /// reworkFitGain 1 lifts fit to 0 + 1·(1 − 0) = 1, so the resubmission approves with
    /// probability 0 + 1·1·1 = 1. Federated, instant: pilot ends 7, G1 denied at 7, rework
    /// [7, 9], G1 approved at 9 (two G1 decisions, both wait 0), scale-up [9, 14], P = 14,
    /// pilot-to-production 7, first value 15. Value 4140, break-even 1860/90. Busy 7 + 5.
    /// With a horizon of 8 the use case is in rework at the horizon: in purgatory, cost 80,
    /// one G1 decision, busy 7/8.
    @Test("(f) denied once, reworked to fit 1, then approved; in purgatory when cut off")
    func reworkThenApproved() {
        var s = deterministicScenario()
        s.stages.scaleApproval.base = 0
        s.fit.pooled = 0
        s.stages.scaleApproval.reworkFitGain = 1
        s.stages.scaleApproval.reworkMonths = .fixed(2)
        checkPath(runOnce(s), ExpectedPath(
            timeToFirstValue: 15, meanTTV: 15, meanPilotToProduction: 7,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
            valueRealized: 4140, cost: 600, valueSegments: ExpectedPath.rollout(production: 14),
            breakEven: 1860.0 / 90, utilization: 12.0 / 60))
        s.horizonMonths = 8
        checkPath(runOnce(s), ExpectedPath(
            inPurgatoryAtHorizon: 1, reachedProduction: 0, scaled: 0,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 0,
            cost: 80, horizon: 8, utilization: 7.0 / 8))
    }

    /// Three use cases at t = 0 compete for one squad (federated, instant):
    ///   0–7   uc0 prep+pilot (wait 0); uc1, uc2 queue in class 2.
    ///   7     uc0's pilot ends: the squad goes first to uc1 (wait 7), then uc0's G1 approves
    ///         and its scale-up request queues in class 1.
    ///   7–14  uc1 prep+pilot. 14: class 1 before class 2 → uc0 scale-up (wait 7) [14, 19];
    ///         uc1's scale-up request queues in class 1.
    ///   19    uc0 in production; uc1 scale-up (wait 5) [19, 24].
    ///   24    uc2 at last (wait 24): prep+pilot [24, 31]; 31: squad free, scale-up at once
    ///         (wait 0) [31, 36].
    /// Team waits 0 + 7 + 7 + 5 + 24 + 0 = 43 over 6 grants. P = 19, 24, 36; pilot ends 7, 14,
    /// 31 → pilot-to-production 12, 10, 5 (mean 9); first value 20, 25, 37 (mean 82/3).
    /// Value 3640 + 3140 + 1940 = 8720. Total rate: [20,22] 10, [22,25] 40, [25,27] 110, …;
    /// cumulative at 25 = 140, then 140 + 110(t − 25) = 10t → t = 26.1 (≤ 27).
    /// Busy without a gap on [0, 36]: 36/60.
    @Test("three use cases queue for one squad with class-1 priority for scale-up")
    func competingForOneSquad() {
        var s = deterministicScenario()
        s.portfolio.initialUseCases = 3
        checkPath(runOnce(s), ExpectedPath(
            useCases: 3, pilotsStarted: 3, pilotsSucceeded: 3, reachedProduction: 3, scaled: 3,
            timeToFirstValue: 20, meanTTV: 82.0 / 3, meanPilotToProduction: 9,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 43.0 / 6,
            valueRealized: 8720, cost: 600,
            valueSegments: ExpectedPath.rollout(production: 19) + ExpectedPath.rollout(production: 24)
                + ExpectedPath.rollout(production: 36),
            breakEven: 26.1, utilization: 36.0 / 60))
        // Cut off at 9: uc0 (pilot succeeded at 7, G1 approved) still waits for a scale-up
        // squad → in purgatory; uc1 is in data prep, uc2 still queued. Open waits are left out
        // of the mean (section 7): granted are uc0's prep (0) and uc1's (7) → 3.5. Busy 9/9.
        s.horizonMonths = 9
        checkPath(runOnce(s), ExpectedPath(
            useCases: 3, pilotsStarted: 1, pilotsSucceeded: 1, inPurgatoryAtHorizon: 1,
            reachedProduction: 0, scaled: 0,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 3.5,
            cost: 90, horizon: 9, utilization: 1))
    }

    /// The same queue with coupling k = 0.1 (5.7): scale-up = 5·(1 + 0.1·L), L counted when it
    /// starts. uc0 at 14 with L = 0: [14, 19]; uc1 at 19, after uc0 reached production (L = 1):
    /// 5.5 → [19, 24.5]; uc2 gets the squad at 24.5 (wait 24.5): [24.5, 31.5], scale-up with
    /// L = 2: 6 → [31.5, 37.5]. Waits 0 + 7 + 7 + 5 + 24.5 + 0 = 43.5; P = 19, 24.5, 37.5;
    /// pilot-to-production 12, 10.5, 6 (mean 9.5); first value 20, 25.5, 38.5 (mean 28).
    /// Value 3640 + (140 + 100·(60 − 30.5)) + (140 + 100·(60 − 43.5)) = 3640 + 3090 + 1790.
    /// Total rate [20,22] 10, [22,25] 40, [25,25.5] 100, [25.5,27.5] 110: cumulative at 25.5 =
    /// 140 + 50 = 190 < 255; 190 + 110(t − 25.5) = 10t → t = 2615/100 = 26.15 (≤ 27.5);
    /// the segment [25, 25.5] (rate 100) would cross at 140 + 100(t − 25) = 10t →
    /// t = 2360/90 = 26.2 > 25.5, so not there. Busy without a gap on [0, 37.5].
    @Test("coupling lengthens each later scale-up by the production systems already live")
    func couplingInTheQueue() {
        var s = deterministicScenario()
        s.portfolio.initialUseCases = 3
        s.architecture.coupling = 0.1
        checkPath(runOnce(s), ExpectedPath(
            useCases: 3, pilotsStarted: 3, pilotsSucceeded: 3, reachedProduction: 3, scaled: 3,
            timeToFirstValue: 20, meanTTV: 28, meanPilotToProduction: 9.5,
            meanG0Wait: 0, meanG1Wait: 0, meanTeamWait: 43.5 / 6,
            valueRealized: 3640 + 3090 + 1790, cost: 600,
            valueSegments: ExpectedPath.rollout(production: 19) + ExpectedPath.rollout(production: 24.5)
                + ExpectedPath.rollout(production: 37.5),
            breakEven: 26.15, utilization: 37.5 / 60))
    }

    /// Failed pilot and G0 rejection give exact zero rates: baseSuccess 0 fails the pilot at 7
    /// (busy 7/60, no G1); approveAligned 0 rejects at G0 (no pilot, rates empty).
    @Test("certain pilot failure and certain G0 rejection")
    func failureAndRejection() {
        var s = deterministicScenario()
        s.stages.pilot.baseSuccess = 0
        checkPath(runOnce(s), ExpectedPath(
            pilotsSucceeded: 0, failedTechnical: 1, reachedProduction: 0, scaled: 0,
            meanG0Wait: 0, meanTeamWait: 0, cost: 600, utilization: 7.0 / 60))
        s.stages.pilot.baseSuccess = 1
        s.governance.approveAligned = 0
        checkPath(runOnce(s), ExpectedPath(
            rejected: 1, pilotsStarted: 0, pilotsSucceeded: 0, reachedProduction: 0, scaled: 0,
            meanG0Wait: 0, cost: 600, utilization: 0))
    }
}
