import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// The hiring plan (MODEL.md 4.3, 6.7) and the additions check of section 11.
@Suite("Hiring plan (MODEL.md 4.3, 6.7, 11)")
struct CapacityPlanTests {
    /// `exactScenario(useCases: 3, squads: 1)` (pilot 1, scale-up 2, rollout 1, instant
    /// approving decisions) plus one delivery squad at month 3. With one squad:
    ///   0  uc0 pilot [0, 1]; uc1, uc2 wait (class 2)
    ///   1  uc0's pilot ends, the squad goes to uc1 (pilot [1, 2]); uc0 waits for scale-up (class 1)
    ///   2  uc1's pilot ends: uc0 scale-up [2, 4] (class 1 first); uc1 waits (class 1)
    ///   3  the new squad joins and takes uc1 at once: scale-up [3, 5]
    ///   4  uc0's scale-up ends: uc2 pilot [4, 5]
    ///   5  both free; uc2 asks for scale-up and gets one: [5, 7]
    /// Busy squad-months: 3 use cases × (1 + 2) = 9. Available: 60 + (60 − 3) = 117.
    /// Squad cost: 10·117 = 1170.
    @Test func anAdditionTakesWaitingWorkAtOnceAndCostsAndCountsFromItsMonth() throws {
        var s = exactScenario(useCases: 3, squads: 1)
        s.teams.additions = [.init(month: 3, delivery: 1)]
        let (r, trace) = traced(s)
        let ids = trace.useCaseIndices
        #expect(ids == [0, 1, 2])
        #expect(trace.time("scale_up_start", 0) == 2)
        #expect(trace.time("scale_up_start", 1) == 3)
        #expect(trace.time("data_prep_start", 2) == 4)
        #expect(trace.time("scale_up_start", 2) == 5)
        #expect(trace.named("squads_join").map(\.time) == [3])
        #expect(close(r.squadUtilization, 9.0 / 117, exactTolerance))
        #expect(close(r.squadCost, 1170, exactTolerance))
        #expect(close(r.cost, 1170, exactTolerance))
        let available = r.monthEnds[.squadsAvailable]
        #expect(available[0] == 1 && available[1] == 1 && available[2] == 2 && available[59] == 2)
        // Month 1: 10; month 3 (after the join at 3): 30; then 20 per month: 50 at month 4.
        let cost = r.monthEnds[.cumulativeCost]
        #expect(close(cost[0], 10, exactTolerance) && close(cost[2], 30, exactTolerance)
                && close(cost[3], 50, exactTolerance))
    }

    /// Foundation squads that join cost from their month too, and start picking domains at
    /// once; at t = 0 the joins come after the initial foundation squads (4.3).
    /// One initial foundation squad, one more at 0 and two at 24, costing 10 each:
    /// squads 1 delivery + 1 foundation over 60, 1 over 60, 2 over 36 = 60·3 + 72 = 252 months.
    @Test func foundationAdditionsStartAtOnceAndCostFromTheirMonth() {
        var s = exactScenario(useCases: 0)
        s.dataDomains = [.init(name: "a", readiness: 0.2), .init(name: "b", readiness: 0.5)]
        s.dataFoundation.gainPerSquadMonth = 0.005   // no domain reaches the cap by month 24
        s.teams.foundation = 1
        s.teams.additions = [.init(month: 24, foundation: 2), .init(month: 0, foundation: 1)]
        let (r, trace) = traced(s)
        let starts = trace.named("foundation_chunk_start")
        #expect(starts.prefix(2).map(\.time) == [0, 0])
        #expect(starts.prefix(2).map { $0.field("squad") } == ["0", "1"])
        let atZero = trace.filter { $0.time == 0 }.map(\.event)
        #expect(atZero.prefix(3) == ["foundation_chunk_start", "squads_join", "foundation_chunk_start"])
        let at24 = starts.filter { $0.time == 24 }.compactMap { $0.field("squad") }
        #expect(at24.contains("2") && at24.contains("3"))
        #expect(close(r.squadCost, 10 * 252, exactTolerance))
        // Delivery utilization counts delivery squads only: one squad over 60 months, idle.
        #expect(r.squadUtilization == 0)
    }

    /// Delivery squads are numbered in join order (the initial T, then additions by month,
    /// equal months in list order); under perBusinessUnit squad k goes to unit k mod B.
    /// B = 3, T = 3 (units 0, 1, 2); additions as written: [5: 1], [2: 2], [5: 1 and 2 foundation]
    /// join as [2: squads 3, 4 → units 0, 1], [5: squad 5 → unit 2], [5: squad 6 → unit 0].
    @Test func additionsAreNumberedByMonthThenListOrderAndGoToUnitKModB() {
        var s = exactScenario(useCases: 0)
        s.businessUnits = 3
        s.teams.delivery = 3
        s.teams.placement = .perBusinessUnit
        s.teams.additions = [.init(month: 5, delivery: 1), .init(month: 2, delivery: 2),
                             .init(month: 5, delivery: 1, foundation: 2)]
        let p = ModelParameters(s)
        #expect(p.joins.map(\.month) == [2, 5, 5])
        #expect(p.joins.map(\.deliveryPools) == [[0, 1], [2], [0]])
        #expect(p.joins.map(\.foundationCount) == [0, 0, 2])
        #expect(p.joins.map(\.firstFoundationSquad) == [0, 0, 0])
        #expect(p.foundationSquads == 2)

        var sim = ProgramSimulation(scenario: s)
        let (r, trace) = sim.runTraced(seed: 1, replication: 0)
        #expect(trace.named("squads_join").map(\.detail)
                == ["delivery=2 foundation=0", "delivery=1 foundation=0", "delivery=1 foundation=2"])
        #expect(sim.pools.map(\.servers) == [3, 2, 2])
        // Available squad-months: 3·60 + 2·58 + 2·55 = 406; none busy.
        #expect(r.squadUtilization == 0)
        #expect(close(sim.pools.reduce(0) { $0 + $1.serverTimeIntegral(upTo: 60) }, 406, exactTolerance))
        // Pooled, the same plan puts every squad in the one pool.
        s.teams.placement = .pooled
        #expect(ModelParameters(s).joins.map(\.deliveryPools) == [[0, 0], [0], [0]])
    }

    /// Per business unit, a unit's new squad serves only that unit's waiting work: B = 2,
    /// T = 2, one squad at month 1 (squad 2 → unit 0). Use cases of unit 1 keep waiting.
    @Test func aUnitsNewSquadServesOnlyThatUnit() {
        var s = exactScenario(useCases: 12, squads: 2)
        s.businessUnits = 2
        s.teams.placement = .perBusinessUnit
        s.stages.pilot.baseSuccess = 0          // one request per use case: a pilot of 1 month
        s.teams.additions = [.init(month: 1.5, delivery: 1)]
        let (_, trace) = traced(s)
        let unit = Dictionary(uniqueKeysWithValues: trace.named("arrive").map { ($0.useCase, $0.field("unit")!) })
        let startedAtJoin = trace.filter { $0.event == "data_prep_start" && $0.time == 1.5 }
        #expect(startedAtJoin.count == 1)
        #expect(startedAtJoin.allSatisfy { unit[$0.useCase] == "0" })
        // Unit 1 (one squad) starts one pilot per month: at 0, 1, 2, …
        let unitOneStarts = trace.filter { $0.event == "data_prep_start" && unit[$0.useCase] == "1" }.map(\.time)
        #expect(unitOneStarts == Array(0..<unitOneStarts.count).map(Double.init))
    }
}
