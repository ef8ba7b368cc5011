import Foundation
import SimKernel

/// Delivery squads (4.3) and the work that holds them: data preparation (5.4), the pilot
/// (5.5), scale-up (5.7) and retraining (6.4).
extension ProgramSimulation {
    /// Pooled: one pool for all; per business unit: the use case's own unit's squads.
    @inline(__always)
    func poolIndex(_ uc: Int) -> Int {
        p.pooled ? 0 : Int(useCases[uc].unit)
    }

    /// Priority classes: 0 retraining, 1 scale-up, 2 new work (4.3).
    mutating func requestSquad(_ uc: Int, _ work: SquadWork) {
        useCases[uc].work = work
        let priorityClass: Int
        switch work {
        case .retrain: priorityClass = 0
        case .scaleUp:
            priorityClass = 1
            useCases[uc].stage = .waitingForScaleSquad
        case .dataPrep:
            priorityClass = 2
            useCases[uc].stage = .waitingForPrepSquad
        }
        let pool = poolIndex(uc), rank = requestRank(uc, priorityClass), t = now
        // Through the buffer, so the pool is mutated in place rather than copied out and back.
        let granted = pools.withUnsafeMutableBufferPointer {
            $0[pool].request(client: Int32(uc), priorityClass: priorityClass, rank: rank, at: t)
        }
        if granted {
            startWork(uc)
        } else {
            if trace.isRecording { trace.note(now, uc, "squad_queued", "class=\(priorityClass)") }
        }
    }

    /// Frees the use case's squad; a waiting request takes it at once.
    mutating func releaseSquad(_ uc: Int) {
        let pool = poolIndex(uc), t = now
        if let grant = pools.withUnsafeMutableBufferPointer({ $0[pool].release(at: t) }) {
            startWork(Int(grant.client))
        }
    }

    mutating func startWork(_ uc: Int) {
        switch useCases[uc].work {
        case .dataPrep: startDataPrep(uc)
        case .scaleUp: startScaleUp(uc)
        case .retrain: startRetraining(uc)
        case nil: preconditionFailure("use case \(uc) was granted a squad it did not ask for")
        }
    }

    mutating func startDataPrep(_ uc: Int) {
        let r = readiness[Int(useCases[uc].domain)]
        useCases[uc].stage = .dataPrep
        useCases[uc].readinessAtPrep = r
        let d = duration(p.dataPrepDuration, uc) * useCases[uc].complexity
            * (1 + p.scenario.stages.dataPrep.readinessPenalty * (1 - r))
        useCases[uc].prepDuration = d
        useCases[uc].stepStartedAt = now
        if trace.isRecording { trace.note(now, uc, "data_prep_start", "readiness=\(r) duration=\(d)") }
        schedule(.dataPrepEnd, uc, after: d)
    }

    /// A blocking data problem is found with probability blockerRate·(1 − r); then the use
    /// case is abandoned, or remediation holds the squad for a share of the prep time.
    mutating func endDataPrep(_ uc: Int) {
        let r = useCases[uc].readinessAtPrep
        guard useCases[uc].rng.bernoulli(p.scenario.stages.dataPrep.blockerRate * (1 - r)) else {
            startPilot(uc)
            return
        }
        if useCases[uc].rng.bernoulli(p.scenario.stages.dataPrep.abandonOnBlocker) {
            useCases[uc].stage = .abandonedData
            result.abandonedData += 1
            if trace.isRecording { trace.note(now, uc, "abandoned_data") }
            releaseSquad(uc)
            return
        }
        useCases[uc].stage = .remediation
        let d = p.scenario.stages.dataPrep.remediationShare * useCases[uc].prepDuration
        if trace.isRecording { trace.note(now, uc, "remediation_start", "duration=\(d)") }
        schedule(.remediationEnd, uc, after: d)
    }

    mutating func startPilot(_ uc: Int) {
        // Data preparation, with any remediation, ends where the pilot starts.
        steps.add(.dataPrep, now - useCases[uc].stepStartedAt)
        useCases[uc].stepStartedAt = now
        useCases[uc].stage = .pilot
        result.pilotsStarted += 1
        pilotsInProgress += 1
        chargePilots()
        var d = duration(p.pilotDuration, uc) * useCases[uc].complexity
        if p.scenario.coDevelopment.enabled {
            d += duration(p.embedMonths, uc) * (1 - p.scenario.coDevelopment.overlap)
        }
        if trace.isRecording { trace.note(now, uc, "pilot_start", "duration=\(d)") }
        schedule(.pilotEnd, uc, after: d)
    }

    /// The technical success probability of 5.5.
    @inline(__always)
    func pilotSuccessProbability(_ uc: Int) -> Double {
        let raw = p.scenario.stages.pilot.baseSuccess
            * (1 - p.scenario.stages.pilot.dataSensitivity * (1 - useCases[uc].readinessAtPrep))
            * pow(useCases[uc].complexity, -p.scenario.stages.pilot.complexityExponent)
        return Swift.min(1, Swift.max(0, raw))
    }

    /// The squad is released at the pilot's end, before the use case moves on, whatever the
    /// outcome; the pilot counts as finished for strategy learning (5.2).
    mutating func endPilot(_ uc: Int) {
        pilotsInProgress -= 1
        chargePilots()
        pilotsFinished += 1
        steps.add(.pilot, now - useCases[uc].stepStartedAt)
        let success = useCases[uc].rng.bernoulli(pilotSuccessProbability(uc))
        releaseSquad(uc)
        useCases[uc].work = nil
        guard success else {
            useCases[uc].stage = .failedTechnical
            result.failedTechnical += 1
            if trace.isRecording { trace.note(now, uc, "failed_technical") }
            return
        }
        result.pilotsSucceeded += 1
        useCases[uc].pilotSucceededAt = now
        if trace.isRecording { trace.note(now, uc, "pilot_succeeded") }
        startAuditOrG1(uc)
    }

    /// The execution velocity paradox: each production system makes the next integration
    /// longer by the coupling k (5.7).
    mutating func startScaleUp(_ uc: Int) {
        useCases[uc].stage = .scaleUp
        scaleUpsInProgress += 1
        chargeScaleUps()
        useCases[uc].stepStartedAt = now
        let d = duration(p.scaleUpDuration, uc) * useCases[uc].complexity
            * (1 + p.coupling * Double(productionSystems))
        if trace.isRecording { trace.note(now, uc, "scale_up_start", "production_systems=\(productionSystems) duration=\(d)") }
        schedule(.scaleUpEnd, uc, after: d)
    }

    mutating func endScaleUp(_ uc: Int) {
        result.reachedProduction += 1
        scaleUpsInProgress -= 1
        chargeScaleUps()
        productionSystems += 1
        chargeRunning()
        steps.add(.scaleUp, now - useCases[uc].stepStartedAt)
        p2pSum += now - useCases[uc].pilotSucceededAt
        p2pCount += 1
        if trace.isRecording { trace.note(now, uc, "reached_production", "pilot_to_production=\(now - useCases[uc].pilotSucceededAt)") }
        releaseSquad(uc)
        useCases[uc].work = nil
        startRolloutPhase(uc, 0)
    }

    mutating func startRetraining(_ uc: Int) {
        let d = duration(p.retrainDuration, uc)
        if trace.isRecording { trace.note(now, uc, "retrain_start", "duration=\(d)") }
        schedule(.retrainEnd, uc, after: d)
    }

    mutating func endRetraining(_ uc: Int) {
        useCases[uc].drifted = false
        useCases[uc].work = nil
        updateValueRate(uc)
        if trace.isRecording { trace.note(now, uc, "retrain_end") }
        releaseSquad(uc)
    }
}
