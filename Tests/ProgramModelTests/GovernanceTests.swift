import Testing
import SimKernel
@testable import ProgramModel

/// The committee, routing, audit and the G1 loop (MODEL.md 5.6, 6.3).
@Suite struct GovernanceTests {
    /// 5 use cases at t = 0, cadence 1.5, capacity 2, audit 0.5, pilot 1, a squad each.
    /// Meetings at 1.5, 3, …, 9 (k·1.5 ≤ 10). G0: 0,1 at 1.5; 2,3 at 3; 4 at 4.5. Use cases
    /// 0 and 1 end their pilots at 2.5 and their audits at 3.0, just after the 3.0 meeting
    /// (scheduled at 1.5, so it runs first), and queue behind use case 4's G0: G1 of 0 at 4.5
    /// (with 4's G0), of 1 at 6. Use cases 2, 3 enter G1 at 4.5 after that meeting: 2 at 6,
    /// 3 at 7.5; use case 4 enters G1 at 6.0 after that meeting: 7.5.
    @Test func committeeMeetsAtMultiplesOfCadenceAndDecidesAtMostCapacity() {
        var s = exactScenario(useCases: 5, squads: 5, horizon: 10)
        s.governance.style = .centralized
        s.governance.committee.cadenceMonths = 1.5
        s.governance.committee.capacity = 2
        let (r, trace) = traced(s)

        let meetings = trace.named("committee_meeting")
        #expect(meetings.map(\.time) == (1...6).map { Double($0) * 1.5 })
        #expect(meetings.allSatisfy { $0.useCase == -1 })
        #expect(meetings.map { Int($0.field("decided") ?? "") } == [2, 2, 2, 2, 2, 0])

        #expect((0..<5).map { trace.time("g0_approved", $0) } == [1.5, 1.5, 3, 3, 4.5])
        #expect((0..<5).map { trace.time("g1_approved", $0) } == [4.5, 6, 6, 7.5, 7.5])
        // Order within a meeting is queue order: at 4.5 the G0 of 4 (queued at 0) before the
        // G1 of 0 (queued at 3).
        let at45 = trace.filter { $0.time == 4.5 && ($0.event == "g0_approved" || $0.event == "g1_approved") }
        #expect(at45.map(\.useCase) == [4, 0])
        // G0 waits 1.5, 1.5, 3, 3, 4.5; G1 waits from the audit's end: 1.5, 3, 1.5, 3, 1.5.
        #expect(close(r.meanG0WaitMonths, (1.5 + 1.5 + 3 + 3 + 4.5) / 5))
        #expect(close(r.meanG1WaitMonths, (1.5 + 3 + 1.5 + 3 + 1.5) / 5))
    }

    /// One queue for both gates: a G1 entered before a G0 is decided first. Use case 0: G0 at
    /// the meeting at 1, pilot [1, 2], audit [2, 2.5], G1 queued at 2.5. A Poisson arrival at
    /// a ∈ (2.5, 3) queues its G0 after it. Capacity 1: G1 of 0 at 3, G0 of 1 at 4.
    @Test func oneQueueSharedByBothGatesFirstComeFirstServed() throws {
        var s = exactScenario(useCases: 1, squads: 2, horizon: 12)
        s.governance.style = .centralized
        s.governance.committee.cadenceMonths = 1
        s.governance.committee.capacity = 1
        s.portfolio.arrivalsPerMonth = 0.25
        s.portfolio.arrivalsUntilMonth = 4
        // Find a seed whose only Poisson arrival falls in (2.5, 3).
        var found: (ReplicationResult, [TraceEvent], Double)? = nil
        for seed in UInt64(0)..<2000 {
            let (r, trace) = traced(s, seed: seed)
            let arrivals = trace.named("arrive")
            if arrivals.count == 2, arrivals[1].time > 2.5, arrivals[1].time < 3 {
                found = (r, trace, arrivals[1].time)
                break
            }
        }
        let (r, trace, a) = try #require(found)
        #expect(trace.time("g1_submitted", 0) == 2.5)
        #expect(trace.time("g1_approved", 0) == 3)
        #expect(trace.time("g0_approved", 1) == 4)
        let meeting3 = try #require(trace.named("committee_meeting").first { $0.time == 3 })
        #expect(meeting3.field("decided") == "1")
        #expect(meeting3.field("still_waiting") == "1")
        #expect(close(r.meanG0WaitMonths, (1 + (4 - a)) / 2))
    }

    /// hybrid: high-risk use cases go to the committee for both gates and are always audited;
    /// the others are decided locally and audited with probability localAuditShare (0 or 1).
    @Test(arguments: [0.0, 1.0])
    func hybridRoutesByRiskAndAuditsTheCommitteeRoute(localAuditShare: Double) throws {
        var s = exactScenario(useCases: 24, squads: 24, horizon: 30)
        s.governance.style = .hybrid
        s.governance.localDecisionMonths = 0.25
        s.governance.committee.capacity = 100
        s.governance.localAuditShare = localAuditShare
        s.portfolio.archetypes[0].highRiskShare = 0.5
        let (r, trace) = traced(s, seed: 7)
        #expect(r.pilotsSucceeded == 24)

        var highRisk = 0
        for arrival in trace.named("arrive") {
            let uc = arrival.useCase
            let isHighRisk = try #require(arrival.field("high_risk")) == "true"
            if isHighRisk { highRisk += 1 }
            let route = isHighRisk ? "committee" : "local"
            #expect(trace.first("g0_submitted", uc)?.field("route") == route, "use case \(uc)")
            #expect(trace.first("g1_submitted", uc)?.field("route") == route, "use case \(uc)")
            let audited = trace.time("audit_start", uc) != nil
            #expect(audited == (isHighRisk || localAuditShare == 1), "use case \(uc)")
            if isHighRisk {
                // Committee decisions happen only at meetings (integer months here).
                let g0 = try #require(trace.time("g0_approved", uc))
                #expect(g0 == g0.rounded())
            }
        }
        #expect(highRisk > 0 && highRisk < 24, "both routes must be exercised")
    }

    /// G1 denied → rework (no squad) with a fit gain → G1 again without a new audit; after
    /// maxResubmissions denials in a row → stalled_purgatory. Pilot [0, 1], audit [1, 1.5].
    @Test func reworkRaisesFitAndResubmitsWithoutAuditUntilPurgatory() throws {
        // (a) Never approvable (misaligned, misalignedEvidence 0, base 0): denied at 1.5 and
        // 3, stalled at 4.5; fit 0.5 → 0.7 → 0.82 with reworkFitGain 0.4.
        var s = exactScenario(horizon: 20)
        s.portfolio.archetypes[0].alignedShare = 0
        s.governance.screening.local = 0
        s.strategy.plannedScreening = 0
        s.governance.localAuditShare = 1
        s.stages.scaleApproval.base = 0
        s.stages.scaleApproval.misalignedEvidence = 0
        s.stages.scaleApproval.reworkMonths = .fixed(1.5)
        s.stages.scaleApproval.reworkFitGain = 0.4
        s.stages.scaleApproval.maxResubmissions = 2
        var sim = ProgramSimulation(scenario: s)
        let (r, trace) = sim.runTraced(seed: 3, replication: 0)
        #expect(trace.times("audit_start", 0) == [1])
        #expect(trace.times("g1_denied", 0) == [1.5, 3])
        #expect(trace.times("stalled_purgatory", 0) == [4.5])
        #expect(r.stalledPurgatory == 1)
        #expect(r.inPurgatoryAtHorizon == 0)
        #expect(r.reachedProduction == 0)
        #expect(close(sim.useCases[0].fit, 1 - 0.5 * 0.6 * 0.6))
        #expect(close(r.meanG1WaitMonths, 0), "three local instant G1 decisions")

        // (b) Approvable only after rework: fit 0, base 0, aligned, reworkFitGain 1 → denied
        // at 1.5, fit 1 after rework, approved at 2.5, scale-up [2.5, 4.5].
        var b = exactScenario(horizon: 20)
        b.fit.pooled = 0
        b.governance.localAuditShare = 1
        b.stages.scaleApproval.base = 0
        b.stages.scaleApproval.reworkFitGain = 1
        let (rb, tb) = traced(b)
        #expect(tb.times("g1_denied", 0) == [1.5])
        #expect(tb.times("g1_approved", 0) == [2.5])
        #expect(tb.times("reached_production", 0) == [4.5])
        #expect(rb.meanPilotToProductionMonths == 3.5)

        // (c) maxResubmissions 0: the first denial stalls.
        b.stages.scaleApproval.maxResubmissions = 0
        let (rc, tc) = traced(b)
        #expect(tc.times("stalled_purgatory", 0) == [1.5])
        #expect(tc.named("g1_denied").isEmpty)
        #expect(rc.stalledPurgatory == 1)
    }
}
