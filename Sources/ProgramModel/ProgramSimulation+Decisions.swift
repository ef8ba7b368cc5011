import Foundation
import SimKernel

/// The gates: G0 (5.2), deferral (5.3), audit, G1, rework and purgatory (5.6), and who decides
/// (6.3).
extension ProgramSimulation {
    /// centralized: every decision to the committee; federated: none; hybrid: high-risk ones.
    @inline(__always)
    func routesToCommittee(_ uc: Int) -> Bool {
        switch p.scenario.governance.style {
        case .centralized: true
        case .federated: false
        case .hybrid: useCases[uc].highRisk
        }
    }

    /// Enters a decision; the wait for it is measured from here (after any hold, audit or
    /// rework).
    mutating func enterDecision(_ uc: Int, _ gate: Gate) {
        useCases[uc].gate = gate
        useCases[uc].stage = gate == .g0 ? .g0Decision : .g1Decision
        useCases[uc].decisionEnteredAt = now
        if routesToCommittee(uc) {
            committee.submit(Int32(uc))
            if trace.isRecording { trace.note(now, uc, gate == .g0 ? "g0_submitted" : "g1_submitted", "route=committee") }
            return
        }
        let mean = p.scenario.governance.localDecisionMonths
        if mean > 0 {
            let delay = useCases[uc].rng.exponential(mean: mean)
            if trace.isRecording { trace.note(now, uc, gate == .g0 ? "g0_submitted" : "g1_submitted", "route=local delay=\(delay)") }
            schedule(.localDecision, uc, after: delay)
        } else {
            decide(uc)  // 0 means instant (section 10)
        }
    }

    mutating func holdCommitteeMeeting() {
        let decided = committee.meet()
        if trace.isRecording { trace.note(now, -1, "committee_meeting", "decided=\(decided.count) still_waiting=\(committee.waiting)") }
        for position in decided { decide(Int(committee.decision(at: position))) }
        if committee.nextMeetingTime <= p.horizon {
            queue.schedule(at: committee.nextMeetingTime, ModelEvent(kind: .committeeMeeting, subject: 0))
        }
    }

    mutating func decide(_ uc: Int) {
        let wait = now - useCases[uc].decisionEnteredAt
        if useCases[uc].gate == .g0 {
            g0WaitSum += wait
            g0Count += 1
            decideG0(uc)
        } else {
            g1WaitSum += wait
            g1Count += 1
            decideG1(uc)
        }
    }

    /// The probability that G0 approves a pilot (5.2).
    @inline(__always)
    func g0ApprovalProbability(_ uc: Int) -> Double {
        // Fields are read in place: binding `p.scenario.governance` would copy the whole
        // struct (distributions included) on every decision.
        if useCases[uc].aligned { return p.scenario.governance.approveAligned }
        var s = routesToCommittee(uc)
            ? p.scenario.governance.screening.committee : p.scenario.governance.screening.local
        let planned = p.scenario.strategy.plannedScreening
        switch p.scenario.strategy.approach {
        case .sequential:
            s = Swift.max(s, planned)
        case .parallel:
            // Pilots inform the strategy: screening sharpens as pilots finish.
            let learned = planned * (1 - exp(-Double(pilotsFinished) / p.scenario.strategy.learningPilots))
            s = Swift.max(s, learned)
        }
        return 1 - s
    }

    mutating func decideG0(_ uc: Int) {
        let approved = useCases[uc].rng.bernoulli(g0ApprovalProbability(uc))
        guard approved else {
            useCases[uc].stage = .rejected
            result.rejected += 1
            if trace.isRecording { trace.note(now, uc, "g0_rejected") }
            return
        }
        if trace.isRecording { trace.note(now, uc, "g0_approved") }
        let domain = Int(useCases[uc].domain)
        let threshold = p.scenario.strategy.deferBelowReadiness
        if p.scenario.strategy.approach == .sequential && readiness[domain] < threshold - 1e-9 {
            useCases[uc].stage = .deferred
            deferredWaiters[domain].append(Int32(uc))
            if trace.isRecording { trace.note(now, uc, "deferred", "domain=\(p.domainNames[domain]) readiness=\(readiness[domain])") }
            return
        }
        requestSquad(uc, .dataPrep)
    }

    /// After a successful pilot: an audit when the committee will decide G1, or with
    /// probability localAuditShare when it is decided locally; then G1.
    mutating func startAuditOrG1(_ uc: Int) {
        let audited = routesToCommittee(uc)
            ? true : useCases[uc].rng.bernoulli(p.scenario.governance.localAuditShare)
        useCases[uc].audited = audited
        if audited {
            useCases[uc].stage = .audit
            let d = duration(p.auditDuration, uc)
            if trace.isRecording { trace.note(now, uc, "audit_start", "duration=\(d)") }
            schedule(.auditEnd, uc, after: d)
        } else {
            enterDecision(uc, .g1)
        }
    }

    mutating func decideG1(_ uc: Int) {
        let base = p.scenario.stages.scaleApproval.base
        let evidence = useCases[uc].aligned ? 1 : p.scenario.stages.scaleApproval.misalignedEvidence
        let probability = base + (1 - base) * useCases[uc].fit * evidence
        if useCases[uc].rng.bernoulli(probability) {
            if trace.isRecording { trace.note(now, uc, "g1_approved", "fit=\(useCases[uc].fit)") }
            requestSquad(uc, .scaleUp)
        } else if useCases[uc].resubmissions < p.scenario.stages.scaleApproval.maxResubmissions {
            useCases[uc].resubmissions += 1
            useCases[uc].stage = .rework
            let d = duration(p.reworkMonths, uc)
            if trace.isRecording { trace.note(now, uc, "g1_denied", "rework=\(d) resubmission=\(useCases[uc].resubmissions)") }
            schedule(.reworkEnd, uc, after: d)
        } else {
            useCases[uc].stage = .stalledPurgatory
            result.stalledPurgatory += 1
            if trace.isRecording { trace.note(now, uc, "stalled_purgatory", "resubmissions=\(useCases[uc].resubmissions)") }
        }
    }

    /// Rework raises fit toward 1, then the use case goes to G1 again without a new audit.
    mutating func endRework(_ uc: Int) {
        let gain = p.scenario.stages.scaleApproval.reworkFitGain
        useCases[uc].fit += gain * (1 - useCases[uc].fit)
        enterDecision(uc, .g1)
    }
}
