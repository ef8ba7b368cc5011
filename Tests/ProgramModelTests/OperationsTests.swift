import Foundation
import Testing
import SimKernel
@testable import ProgramModel

/// Rollout, drift and retraining, compliance incidents (MODEL.md 5.8, 6.4, 6.5).
@Suite struct OperationsTests {
    /// Misaligned use cases, approved at both gates; adoption = misalignedAdoption (baseAdoption
    /// 1). One squad, pilot 1, scale-up 2·(1 + 0.5·L), three phases of 0.5: 0 scales up [2, 4]
    /// with L = 0, 1 [4, 7] with L = 1 (0's first phase ends at 4.5), 2's pilot [7, 8] and
    /// scale-up from 8 with L = 0 when 0 and 1 were decommissioned, L = 2 when not.
    @Test func failedAdoptionAtTheFirstPhaseDecommissionsLaterKeepsTheShare() throws {
        func scenario(misalignedAdoption: Double, useCases: Int, squads: Int) -> Scenario {
            var s = exactScenario(useCases: useCases, squads: squads, horizon: 40)
            s.portfolio.archetypes[0].alignedShare = 0
            s.governance.screening.local = 0
            s.strategy.plannedScreening = 0
            s.stages.rollout.misalignedAdoption = misalignedAdoption
            s.architecture.coupling = 0.5
            s.stages.rollout.phases = [
                .init(name: "department", share: 0.1, duration: .fixed(0.5)),
                .init(name: "region", share: 0.3, duration: .fixed(0.5)),
                .init(name: "enterprise", share: 0.6, duration: .fixed(0.5)),
            ]
            return s
        }
        // Every first phase fails: share 0, decommissioned, so 2 scales up with L = 0.
        var sim = ProgramSimulation(scenario: scenario(misalignedAdoption: 0, useCases: 3, squads: 1))
        let (r, trace) = sim.runTraced(seed: 2, replication: 0)
        #expect(trace.named("scale_up_start").map { $0.number("production_systems") } == [0, 1, 0])
        #expect(trace.named("scale_up_start").map(\.time) == [2, 4, 8])
        #expect(trace.named("scale_up_start").map { $0.number("duration") } == [2, 3, 2])
        #expect(trace.named("adoption_stalled").allSatisfy { $0.detail.hasSuffix("decommissioned") })
        #expect(sim.useCases.allSatisfy { $0.stage == .decommissioned })
        #expect(r.reachedProduction == 3 && r.adoptionStalled == 3 && r.scaled == 0)
        #expect(r.valueRealized == 0 && r.timeToFirstValueMonths == nil)
        #expect(r.monthEnds[.productionSystems].last == 0)
        // Counterfactual: every phase succeeds, L = 0, 1, 2.
        let (rOK, tOK) = traced(scenario(misalignedAdoption: 1, useCases: 3, squads: 1))
        #expect(tOK.named("scale_up_start").map { $0.number("production_systems") } == [0, 1, 2])
        #expect(tOK.named("scale_up_start").map { $0.number("duration") } == [2, 3, 4])
        #expect(rOK.scaled == 3)

        // Adoption 1/2 per phase: a use case that fails after a successful phase keeps the
        // share reached, stays in production and keeps earning; value is exactly
        // Σ V·Δshare·(H − t) over the phases done.
        var sim2 = ProgramSimulation(scenario: scenario(misalignedAdoption: 0.5, useCases: 40, squads: 40))
        let (r2, t2) = sim2.runTraced(seed: 9, replication: 0)
        var value = 0.0, keptShare = 0, decommissioned = 0
        for uc in 0..<40 {
            let done = t2.filter { $0.useCase == uc && $0.event == "rollout_phase_done" }
            let share = done.isEmpty ? 0 : try #require(done.last?.number("share"))
            var previous = 0.0
            for phase in done {
                let s = try #require(phase.number("share"))
                value += 100 * (s - previous) * (40 - phase.time)
                previous = s
            }
            #expect(close(sim2.useCases[uc].share, share))
            guard let stalled = t2.first("adoption_stalled", uc) else { continue }
            if done.isEmpty {
                decommissioned += 1
                #expect(sim2.useCases[uc].stage == .decommissioned)
            } else {
                keptShare += 1
                #expect(stalled.number("share") == share)
                #expect(sim2.useCases[uc].stage == .operating)
            }
        }
        #expect(keptShare > 0 && decommissioned > 0, "kept \(keptShare), decommissioned \(decommissioned)")
        #expect(close(r2.valueRealized, value))
        #expect(r2.monthEnds[.productionSystems].last == Double(40 - decommissioned))
    }

    /// Drift cuts value by driftValueLoss until retrained; a drift while drifted has no effect;
    /// detection after exponential(detectionMonths), then a class-0 request holds a squad for
    /// retrainDuration. One use case with value 100 from t = 4.
    @Test func driftCutsValueUntilRetrained() throws {
        // (a) Detection never comes within the horizon: exactly one drift takes effect, though
        // at 24 a year many occur.
        var a = exactScenario(horizon: 60)
        a.operations.driftPerYear = 24
        a.operations.driftValueLoss = 0.3
        a.operations.monitoring = false
        a.operations.detectionMonths.unmonitored = 1e12
        let (ra, ta) = traced(a, seed: 8)
        let drifts = ta.named("drift")
        #expect(drifts.count == 1)
        #expect(ra.driftEvents == 1)
        #expect(ta.named("retrain_start").isEmpty)
        let td = try #require(drifts.first?.time)
        #expect(close(ra.valueRealized, 100 * (td - 4) + 70 * (60 - td)))

        // (b) Monitored detection: each drift is retrained at drift + detection delay (the
        // squad is idle), value returns after retrainDuration.
        var b = exactScenario(horizon: 60)
        b.operations.driftPerYear = 3
        b.operations.driftValueLoss = 0.3
        b.operations.monitoring = true
        b.operations.detectionMonths.monitored = 0.5
        b.operations.retrainDuration = .fixed(1)
        let (rb, tb) = traced(b, seed: 8)
        let bDrifts = tb.named("drift")
        let starts = tb.named("retrain_start"), ends = tb.named("retrain_end")
        #expect(bDrifts.count >= 5, "\(bDrifts.count) drifts")
        #expect(rb.driftEvents == bDrifts.count)
        var lost = 0.0
        for (i, d) in bDrifts.enumerated() {
            let detected = d.time + (try #require(d.number("detected_after")))
            let back = detected + 1
            if detected <= 60 {
                #expect(starts[i].time == detected)
                #expect(starts[i].number("duration") == 1)
            }
            if back <= 60 { #expect(ends[i].time == back) }
            if i + 1 < bDrifts.count { #expect(bDrifts[i + 1].time >= back, "a drift while drifted took effect") }
            lost += 30 * (Swift.min(back, 60) - d.time)
        }
        #expect(close(rb.valueRealized, 100 * 56 - lost))
    }

    /// An incident sets value to 0 for rollbackMonths; incidents during a rollback have no
    /// effect; the rate depends on whether the use case was audited.
    @Test func incidentsRollBackValueAtTheAuditedOrUnauditedRate() throws {
        // (a) Exact structure: one unaudited use case, 6 a year, rollback 2.
        var a = exactScenario(horizon: 60)
        a.compliance.incidentsPerYear.unaudited = 6
        a.compliance.incidentsPerYear.audited = 0
        a.compliance.rollbackMonths = .fixed(2)
        let (ra, ta) = traced(a, seed: 12)
        let incidents = ta.named("incident")
        #expect(incidents.count >= 5)
        #expect(ra.complianceIncidents == incidents.count)
        var dark = 0.0
        for (i, incident) in incidents.enumerated() {
            let end = incident.time + 2
            if i + 1 < incidents.count { #expect(incidents[i + 1].time >= end) }
            if end <= 60 { #expect(ta.times("rollback_end", 0)[i] == end) }
            dark += Swift.min(end, 60) - incident.time
        }
        #expect(close(ra.valueRealized, 100 * (56 - dark)))
        // Audited (localAuditShare 1) at rate 0: no incident at all.
        a.governance.localAuditShare = 1
        let (rAudited, _) = traced(a, seed: 12)
        #expect(rAudited.complianceIncidents == 0)
        #expect(rAudited.valueRealized == 100 * (60 - 4.5))

        // (b) Rates: half the use cases audited (1.2 a year), half not (6 a year); rollback 0
        // so every incident takes effect. Each group's count is Poisson(rate·exposure), with
        // exposure Σ (H − first value); we allow 4 standard deviations (sqrt of the mean).
        var b = exactScenario(useCases: 60, squads: 60, horizon: 60)
        b.governance.localAuditShare = 0.5
        b.compliance.incidentsPerYear.audited = 1.2
        b.compliance.incidentsPerYear.unaudited = 6
        b.compliance.rollbackMonths = .fixed(0)
        let (rb, tb) = traced(b, seed: 13)
        var exposure = [0.0, 0.0], count = [0, 0]
        for uc in 0..<60 {
            let group = tb.time("audit_start", uc) != nil ? 0 : 1
            exposure[group] += 60 - (try #require(tb.time("rollout_phase_done", uc)))
            count[group] += tb.times("incident", uc).count
        }
        #expect(exposure[0] > 0 && exposure[1] > 0)
        for (group, rate) in [1.2, 6.0].enumerated() {
            let mean = rate / 12 * exposure[group]
            #expect(abs(Double(count[group]) - mean) <= 4 * mean.squareRoot(),
                    "group \(group): \(count[group]) incidents, expected \(mean)")
        }
        #expect(rb.complianceIncidents == count[0] + count[1])
    }
}
