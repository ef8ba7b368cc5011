import Foundation
import Testing
import SimKernel
@testable import ProgramModel

/// The figures of one replication: exact values, censoring at the horizon, empty cells, and
/// reproducibility (MODEL.md sections 2, 5.6, 7, 8).
@Suite struct ValueTests {
    /// Every duration fixed, every probability 0 or 1: time to value is a sum of durations.
    /// G0 0, pilot [0, 1], G1 1, scale-up [1, 3], phases 0.1, 0.3, 0.6 of 1 month each.
    @Test func exactTimeToValueValueAndBreakEven() {
        var s = exactScenario(horizon: 60)
        s.stages.rollout.phases = [
            .init(name: "department", share: 0.1, duration: .fixed(1)),
            .init(name: "region", share: 0.3, duration: .fixed(1)),
            .init(name: "enterprise", share: 0.6, duration: .fixed(1)),
        ]
        let (r, _) = traced(s)
        #expect(r.timeToFirstValueMonths == 4)
        #expect(r.meanUseCaseTTVMonths == 4)
        #expect(r.meanPilotToProductionMonths == 2)
        #expect(r.pilotToProductionRate == 1 && r.pilotToScaleRate == 1)
        let value = 100 * (0.1 * 56 + 0.3 * 55 + 0.6 * 54)
        #expect(close(r.valueRealized, value))
        #expect(r.cost == 600)
        #expect(close(r.npv, value - 600), "discount rate 0: NPV is the net value")
        #expect(close(r.roi, (value - 600) / 600))
        // Cost rate 10. On [4, 5] the rate 10 never gains on the cost; on [5, 6] the crossing
        // of 10 + 40·(t − 5) = 10·t is at 19/3, past the segment; on [6, 60]
        // 50 + 100·(t − 6) = 10·t at t = 55/9.
        #expect(close(r.breakEvenMonth, 55.0 / 9))
        #expect(close(r.squadUtilization, 3.0 / 60))
        #expect(r.monthEnds[.cumulativeValue][4] == 10)   // month 5
    }

    /// Whatever is under way at the horizon is censored: a successful pilot in audit, at G1,
    /// in rework, or approved and waiting for a scale-up squad is in purgatory; events after
    /// the horizon never run; open waits are left out of the means.
    ///
    /// Two use cases, one squad, fit 0 and base 0 (G1 denied until one rework raises fit to
    /// 1), audit 1, rework 1, scale-up 2. 0: pilot [0,1], audit [1,2], rework [2,3], scale-up
    /// [3,5]. 1: waits [0,1], pilot [1,2], audit [2,3], rework [3,4], waits for a squad [4,5].
    @Test(arguments: [(1.5, 1), (2.5, 2), (3.5, 1), (4.5, 1), (5.5, 0)])
    func censoringAtTheHorizon(horizon: Double, inPurgatory: Int) {
        var s = exactScenario(useCases: 2, squads: 1, horizon: horizon)
        s.fit.pooled = 0
        s.governance.localAuditShare = 1
        s.governance.auditDuration = .fixed(1)
        s.stages.scaleApproval.base = 0
        s.stages.scaleApproval.reworkFitGain = 1
        let (r, trace) = traced(s)
        #expect(r.inPurgatoryAtHorizon == inPurgatory)
        #expect(trace.allSatisfy { $0.time <= horizon })
        #expect(r.reachedProduction == (horizon >= 5 ? 1 : 0))
        // Granted squad requests: 0 new work (wait 0), 1 new work (1), 0 scale-up at 3 (0),
        // 1 scale-up at 5 (1); the one still waiting at 4.5 is left out.
        let expectedTeamWait: Double? = switch horizon {
        case 1.5, 2.5: 0.5
        case 3.5, 4.5: 1.0 / 3
        default: 0.5
        }
        #expect(close(r.meanTeamWaitMonths, expectedTeamWait!))

        // At G1 at the horizon: centralized, G0 at 1, pilot [1, 2], audit [2, 2.5], G1 at 3.
        var c = exactScenario(useCases: 1, squads: 1, horizon: 2.75)
        c.governance.style = .centralized
        let (rc, _) = traced(c)
        #expect(rc.inPurgatoryAtHorizon == 1)
        #expect(rc.meanG0WaitMonths == 1)
        #expect(rc.meanG1WaitMonths == nil, "the open G1 wait is left out")
        // A meeting exactly at the horizon still runs (t ≤ horizon).
        c.horizonMonths = 3
        let (rd, _) = traced(c)
        #expect(rd.meanG1WaitMonths == 0.5)
        #expect(rd.inPurgatoryAtHorizon == 0, "approved and holding a scale-up squad")
    }

    /// Undefined figures are nil: no pilot → rates nil; no value → time to first value, mean
    /// time to value and break-even nil; cost 0 → roi nil and break-even 0.
    @Test func emptyCellsAreNil() {
        var s = exactScenario(useCases: 3, squads: 1, horizon: 24)
        s.governance.approveAligned = 0
        let (r, _) = traced(s)
        #expect(r.rejected == 3 && r.pilotsStarted == 0)
        #expect(r.pilotToProductionRate == nil && r.pilotToScaleRate == nil)
        #expect(r.timeToFirstValueMonths == nil && r.meanUseCaseTTVMonths == nil)
        #expect(r.meanPilotToProductionMonths == nil)
        #expect(r.breakEvenMonth == nil)
        #expect(r.meanTeamWaitMonths == nil && r.meanG1WaitMonths == nil)
        #expect(r.meanG0WaitMonths == 0)
        #expect(r.roi == -1)
        #expect(r.value(of: .pilotToScaleRate) == nil && r.value(of: .breakEvenMonth) == nil)

        // Pilots that all fail: rates 0, not nil; still no value.
        var f = exactScenario(useCases: 2, squads: 2, horizon: 24)
        f.stages.pilot.baseSuccess = 0
        let (rf, _) = traced(f)
        #expect(rf.pilotToProductionRate == 0 && rf.pilotToScaleRate == 0)
        #expect(rf.meanPilotToProductionMonths == nil && rf.timeToFirstValueMonths == nil)

        // Cost 0: roi nil, break-even 0 (even with no value at all).
        s.teams.costPerMonth = 0
        let (r0, _) = traced(s)
        #expect(r0.cost == 0 && r0.roi == nil && r0.breakEvenMonth == 0)
        #expect(r0.value(of: .roi) == nil)

        // No use cases at all.
        var none = exactScenario(useCases: 0, horizon: 12)
        none.portfolio.arrivalsPerMonth = 0
        let (rn, _) = traced(none)
        #expect(rn.useCases == 0 && rn.meanG0WaitMonths == nil && rn.squadUtilization == 0)
    }

    /// Same (seed, replication) → same result; another replication → another result; a
    /// replication run after others on the same ProgramSimulation equals it run alone.
    @Test func replicationsAreReproducibleAndIndependentOfHistory() {
        var busy = Scenario()   // the calibrated baseline, plus the state that must reset
        busy.strategy.approach = .sequential
        busy.teams.foundation = 2
        for s in [Scenario(), busy] {
            var a = ProgramSimulation(scenario: s)
            var b = ProgramSimulation(scenario: s)
            let first = a.run(seed: 42, replication: 5)
            #expect(b.run(seed: 42, replication: 5) == first)
            #expect(a.run(seed: 42, replication: 6) != first)
            #expect(a.run(seed: 43, replication: 5) != first)

            var sequential = ProgramSimulation(scenario: s)
            for i in 0..<5 { _ = sequential.run(seed: 42, replication: i) }
            let (fifth, trace) = sequential.runTraced(seed: 42, replication: 5)
            #expect(fifth == first)
            var fresh = ProgramSimulation(scenario: s)
            let (_, freshTrace) = fresh.runTraced(seed: 42, replication: 5)
            #expect(trace == freshTrace)
            #expect(first.useCases > 20 && first.pilotsStarted > 0)
        }
    }
}
