import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// MODEL.md section 7 and the cost check of section 11: cost is a piecewise-constant rate in
/// four parts, each the integral of its rate; NPV and break-even integrate it exactly.
///
/// All on `deterministicScenario()`'s federated path: prep [0, 3], pilot [3, 7], scale-up
/// [7, 12], production at 12, value 10 on [13, 15], 40 on [15, 18], 100 on [18, 60].
@Suite("Cost as a rate (MODEL.md 7, 11)")
struct CostTests {
    static func costed() -> Scenario {
        var s = deterministicScenario()
        s.teams.costPerMonth = 10
        s.economics.pilotCostPerMonth = 5
        s.economics.scaleUpCostPerMonth = 8
        s.economics.runCostPerMonth = 2
        return s
    }

    /// squads 10·60 = 600; pilots 5·(7 − 3) = 20; scale-up 8·(12 − 7) = 40; run 2·(60 − 12) = 96.
    /// Cost rate: 10 on [0, 3], 15 on [3, 7], 18 on [7, 12], 12 on [12, 60]; cumulative cost
    /// 30 at 3, 90 at 7, 180 at 12, then 180 + 12(t − 12).
    /// Break-even: on [13, 15] the value rate 10 is below 12; on [15, 18] 20 + 40(t − 15) =
    /// 180 + 12(t − 12) gives t = 22 > 18; on [18, 60] 140 + 100(t − 18) = 180 + 12(t − 12)
    /// gives 88t = 1696, t = 19.2727…
    @Test func eachPartIsItsRateTimesTheMonthsItRanAndNPVAndBreakEvenIntegrateTheRate() {
        for seed: UInt64 in [7, 8] {
            var sim = ProgramSimulation(scenario: Self.costed())
            let r = sim.run(seed: seed, replication: 0)
            #expect(close(r.squadCost, 600, exactTolerance))
            #expect(close(r.pilotCost, 20, exactTolerance))
            #expect(close(r.scaleUpCost, 40, exactTolerance))
            #expect(close(r.runCost, 96, exactTolerance))
            #expect(close(r.cost, 756, exactTolerance))
            #expect(close(r.valueRealized, 4340, exactTolerance))
            #expect(close(r.breakEvenMonth, 1696.0 / 88, exactTolerance))
            let value = ExpectedPath.rollout(production: 12)
                .reduce(0) { $0 + discounted($1.rate, from: $1.from, to: $1.to, delta: defaultDelta) }
            let cost = discounted(10, from: 0, to: 3, delta: defaultDelta)
                + discounted(15, from: 3, to: 7, delta: defaultDelta)
                + discounted(18, from: 7, to: 12, delta: defaultDelta)
                + discounted(12, from: 12, to: 60, delta: defaultDelta)
            #expect(close(r.npv, value - cost, exactTolerance), "npv \(r.npv) vs \(value - cost)")
            #expect(close(r.roi, (4340 - 756) / 756.0, exactTolerance))

            // Month-end series: the state after all events at t ≤ m.
            let cumulativeCost = r.monthEnds[.cumulativeCost]
            #expect(cumulativeCost.count == 60)
            #expect(close(cumulativeCost[0], 10, exactTolerance))        // month 1
            #expect(close(cumulativeCost[4], 30 + 15 * 2, exactTolerance)) // month 5
            #expect(close(cumulativeCost[9], 90 + 18 * 3, exactTolerance)) // month 10
            #expect(close(cumulativeCost[11], 180, exactTolerance))      // month 12
            #expect(close(cumulativeCost[59], 756, exactTolerance))      // month 60
            #expect(r.monthEnds[.squadsAvailable] == Array(repeating: 1, count: 60))
        }
    }

    /// The use case fails its first adoption check at 13 with share 0 (fit 0, base adoption 0,
    /// no change management): decommissioned, so the run cost stops: 2·(13 − 12) = 2.
    @Test func runCostStopsWhenAProductionSystemIsDecommissioned() {
        var s = Self.costed()
        s.fit.pooled = 0
        s.stages.rollout.baseAdoption = 0
        s.stages.rollout.changeManagement = 0
        let r = runOnce(s)
        #expect(r.adoptionStalled == 1 && r.scaled == 0)
        #expect(close(r.runCost, 2, exactTolerance))
        #expect(close(r.cost, 600 + 20 + 40 + 2, exactTolerance))
        #expect(r.breakEvenMonth == nil)
    }

    /// Horizon 5: the pilot [3, 7] is cut at 5, so it costs 5·2 = 10; squads 10·5 = 50.
    @Test func workUnderWayAtTheHorizonCostsUntilTheHorizon() {
        var s = Self.costed()
        s.horizonMonths = 5
        s.portfolio.arrivalsUntilMonth = 5
        let r = runOnce(s)
        #expect(close(r.pilotCost, 10, exactTolerance))
        #expect(close(r.squadCost, 50, exactTolerance))
        #expect(r.scaleUpCost == 0 && r.runCost == 0)
        #expect(close(r.npv, -(discounted(10, from: 0, to: 3, delta: defaultDelta)
                               + discounted(15, from: 3, to: 5, delta: defaultDelta)), exactTolerance))
    }

    /// Free squads, paid pilots: nothing is spent on [0, 3], which is not a break-even (no
    /// cost at stake, docs/model-decisions.md); cumulative cost is 20 from 7 on, and value
    /// 10(t − 13) on [13, 15] reaches it at exactly 15.
    @Test func breakEvenIgnoresTheStretchBeforeAnythingIsSpent() {
        var s = Self.costed()
        s.teams.costPerMonth = 0
        s.economics.scaleUpCostPerMonth = 0
        s.economics.runCostPerMonth = 0
        let r = runOnce(s)
        #expect(close(r.cost, 20, exactTolerance))
        #expect(close(r.breakEvenMonth, 15, exactTolerance))
        // With every cost 0 the break-even month is 0 (section 7) and roi is undefined.
        s.economics.pilotCostPerMonth = 0
        let free = runOnce(s)
        #expect(free.cost == 0 && free.breakEvenMonth == 0 && free.roi == nil)
    }

    /// The four parts sum to `cost`, and with the defaults cost is (T + F)·costPerMonth·H.
    @Test func partsSumToCostOnTheBaseline() {
        var s = Scenario()
        s.economics.pilotCostPerMonth = 15
        s.economics.scaleUpCostPerMonth = 25
        s.economics.runCostPerMonth = 4
        for r in runReplications(s, seed: 3, count: 20) {
            #expect(close(r.squadCost + r.pilotCost + r.scaleUpCost + r.runCost, r.cost, 1e-12))
            #expect(close(r.squadCost, 8 * 120 * 60, 1e-12))
            #expect(r.pilotCost > 0 && r.scaleUpCost > 0 && r.runCost > 0)
        }
        for r in runReplications(Scenario(), seed: 3, count: 5) {
            #expect(r.cost == 8 * 120 * 60 && r.pilotCost == 0 && r.scaleUpCost == 0 && r.runCost == 0)
        }
    }

    /// Paying for pilots, scale-ups and running systems changes what the program spends, not
    /// what it earns: value realized and the value series are the same to the bit (so a
    /// comparison shows a tie as a tie), whatever extra segments the cost changes make.
    @Test func costsDoNotTouchValueToTheBit() {
        var paid = Scenario()
        paid.economics.pilotCostPerMonth = 20
        paid.economics.scaleUpCostPerMonth = 40
        paid.economics.runCostPerMonth = 10
        let free = runReplications(Scenario(), seed: 4, count: 30)
        let costly = runReplications(paid, seed: 4, count: 30)
        for (a, b) in zip(free, costly) {
            #expect(a.valueRealized == b.valueRealized)
            #expect(a.monthEnds[.cumulativeValue] == b.monthEnds[.cumulativeValue])
            #expect(b.cost > a.cost && b.npv < a.npv)
        }
    }
}
