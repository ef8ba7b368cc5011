import SimKernel

/// Data-foundation squads (6.2) and the release of deferred use cases (5.3).
extension ProgramSimulation {
    /// Readiness comparisons use a tolerance so that 0.27 + 0.03 reaches 0.3 (5.3).
    static let readinessTolerance = 1e-9

    /// Picks the domain with the lowest readiness below the cap (ties: first in the list);
    /// with none left the squad stops.
    mutating func assignFoundationSquad(_ squad: Int) {
        let cap = p.scenario.dataFoundation.maxReadiness
        var best = -1
        for d in readiness.indices where readiness[d] < cap - Self.readinessTolerance {
            if best < 0 || readiness[d] < readiness[best] { best = d }
        }
        foundationDomain[squad] = Int32(best)
        guard best >= 0 else {
            if trace.isRecording { trace.note(now, -1, "foundation_squad_stops", "squad=\(squad)") }
            return
        }
        if trace.isRecording { trace.note(now, -1, "foundation_chunk_start", "squad=\(squad) domain=\(p.domainNames[best]) readiness=\(readiness[best])") }
        queue.schedule(at: now + p.scenario.dataFoundation.chunkMonths,
                       ModelEvent(kind: .foundationChunkEnd, subject: Int32(squad)))
    }

    mutating func endFoundationChunk(_ squad: Int) {
        let d = Int(foundationDomain[squad])
        let gain = p.scenario.dataFoundation.gainPerSquadMonth * p.scenario.dataFoundation.chunkMonths
        readiness[d] = Swift.min(p.scenario.dataFoundation.maxReadiness, readiness[d] + gain)
        if trace.isRecording { trace.note(now, -1, "readiness_raised", "domain=\(p.domainNames[d]) readiness=\(readiness[d])") }
        releaseDeferred(domain: d)
        assignFoundationSquad(squad)
    }

    /// Releases every use case deferred on a domain that has reached the threshold, in the
    /// order they started waiting; each then asks for a squad.
    mutating func releaseDeferred(domain d: Int) {
        guard !deferredWaiters[d].isEmpty,
              readiness[d] >= p.scenario.strategy.deferBelowReadiness - Self.readinessTolerance
        else { return }
        let released = deferredWaiters[d]
        deferredWaiters[d].removeAll(keepingCapacity: true)
        for uc in released {
            if trace.isRecording { trace.note(now, Int(uc), "deferral_released", "readiness=\(readiness[d])") }
            requestSquad(Int(uc), .dataPrep)
        }
    }
}
