import SimKernel

/// Phased rollout with adoption checks (MODEL.md 5.8).
extension ProgramSimulation {
    mutating func startRolloutPhase(_ uc: Int, _ phase: Int) {
        useCases[uc].stage = .rollout
        useCases[uc].phase = phase
        if phase == 0 { useCases[uc].stepStartedAt = now }
        let d = duration(p.phases[phase].duration, uc)
        if trace.isRecording { trace.note(now, uc, "rollout_phase_start", "phase=\(p.scenario.stages.rollout.phases[phase].name) duration=\(d)") }
        schedule(.rolloutPhaseEnd, uc, after: d)
    }

    /// The adoption check at a phase's end, using the use case's current fit.
    @inline(__always)
    func adoptionProbability(_ uc: Int) -> Double {
        let misaligned = useCases[uc].aligned ? 1 : p.scenario.stages.rollout.misalignedAdoption
        return misaligned * (1 - (1 - p.scenario.stages.rollout.baseAdoption) * (1 - useCases[uc].fit)
                             * (1 - p.scenario.stages.rollout.changeManagement))
    }

    mutating func endRolloutPhase(_ uc: Int) {
        let phase = useCases[uc].phase
        guard useCases[uc].rng.bernoulli(adoptionProbability(uc)) else {
            result.adoptionStalled += 1
            if useCases[uc].share == 0 {
                useCases[uc].stage = .decommissioned
                productionSystems -= 1
                chargeRunning()
                if trace.isRecording { trace.note(now, uc, "adoption_stalled", "phase=\(p.scenario.stages.rollout.phases[phase].name) decommissioned") }
            } else {
                useCases[uc].stage = .operating
                if trace.isRecording { trace.note(now, uc, "adoption_stalled", "phase=\(p.scenario.stages.rollout.phases[phase].name) share=\(useCases[uc].share)") }
            }
            return
        }
        let hadValue = useCases[uc].share > 0
        useCases[uc].share += p.phases[phase].share
        if !useCases[uc].reachedValue {
            // The end of the first successful phase is the use case's moment of first value.
            useCases[uc].reachedValue = true
            let ttv = now - useCases[uc].arrival
            ttvSum += ttv
            ttvCount += 1
            let month = Swift.max(1, Int(ttv.rounded(.up)))
            if month <= monthCount { valuedByMonth[month] += 1 }
            if result.timeToFirstValueMonths == nil { result.timeToFirstValueMonths = now }
        }
        updateValueRate(uc)
        if trace.isRecording { trace.note(now, uc, "rollout_phase_done", "phase=\(p.scenario.stages.rollout.phases[phase].name) share=\(useCases[uc].share)") }
        if !hadValue && useCases[uc].share > 0 { startOperations(uc) }
        if phase + 1 < p.phases.count {
            startRolloutPhase(uc, phase + 1)
        } else {
            useCases[uc].stage = .operating
            result.scaled += 1
            steps.add(.rollout, now - useCases[uc].stepStartedAt)
            if trace.isRecording { trace.note(now, uc, "scaled") }
        }
    }
}
