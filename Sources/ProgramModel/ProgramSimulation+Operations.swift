import SimKernel

/// Operations once a use case has value: drift and retraining (6.4), compliance incidents
/// and rollbacks (6.5), and the value rate they modulate (section 7).
extension ProgramSimulation {
    /// Starts the drift and incident processes when a use case's value share first exceeds 0.
    /// Both are Poisson processes drawn from the use case's own stream; they run until the
    /// horizon (a use case with a positive share never leaves production).
    mutating func startOperations(_ uc: Int) {
        scheduleNextDrift(uc)
        scheduleNextIncident(uc)
    }

    mutating func scheduleNextDrift(_ uc: Int) {
        guard p.driftMeanGap.isFinite else { return }
        let gap = useCases[uc].rng.exponential(mean: p.driftMeanGap)
        if now + gap <= p.horizon { schedule(.drift, uc, after: gap) }
    }

    mutating func scheduleNextIncident(_ uc: Int) {
        let gap = useCases[uc].audited ? p.incidentMeanGapAudited : p.incidentMeanGapUnaudited
        guard gap.isFinite else { return }
        let next = useCases[uc].rng.exponential(mean: gap)
        if now + next <= p.horizon { schedule(.incident, uc, after: next) }
    }

    /// A drift while already drifted has no further effect; detection comes after an
    /// exponential delay, then a class-0 retraining request.
    mutating func drift(_ uc: Int) {
        if !useCases[uc].drifted {
            useCases[uc].drifted = true
            result.driftEvents += 1
            updateValueRate(uc)
            if p.detectionMean > 0 {
                let delay = useCases[uc].rng.exponential(mean: p.detectionMean)
                if trace.isRecording { trace.note(now, uc, "drift", "detected_after=\(delay)") }
                schedule(.driftDetected, uc, after: delay)
            } else {
                if trace.isRecording { trace.note(now, uc, "drift", "detected_after=0") }
                requestSquad(uc, .retrain)
            }
        }
        scheduleNextDrift(uc)
    }

    /// An incident rolls the use case back to no value for rollbackMonths; incidents during a
    /// rollback have no further effect.
    mutating func incident(_ uc: Int) {
        if !useCases[uc].rolledBack {
            useCases[uc].rolledBack = true
            result.complianceIncidents += 1
            updateValueRate(uc)
            let d = duration(p.rollbackMonths, uc)
            if trace.isRecording { trace.note(now, uc, "incident", "rollback=\(d)") }
            schedule(.rollbackEnd, uc, after: d)
        }
        scheduleNextIncident(uc)
    }

    mutating func endRollback(_ uc: Int) {
        useCases[uc].rolledBack = false
        updateValueRate(uc)
        if trace.isRecording { trace.note(now, uc, "rollback_end") }
    }

    /// V · share · (drifted ? 1 − driftValueLoss : 1) · (rolled back ? 0 : 1).
    mutating func updateValueRate(_ uc: Int) {
        var rate = useCases[uc].valuePerMonth * useCases[uc].share
        if useCases[uc].drifted { rate *= 1 - p.scenario.operations.driftValueLoss }
        if useCases[uc].rolledBack { rate = 0 }
        ledger.changeRate(by: rate - useCases[uc].valueRate, at: now)
        useCases[uc].valueRate = rate
    }
}
