import SimKernel

/// The hiring plan (MODEL.md 4.3, 6.7): squads that join during the program.
extension ProgramSimulation {
    /// At t = 0, after the foundation squads and before the first committee meeting (4.3), in
    /// join order, so that additions at equal months join in list order.
    mutating func scheduleSquadJoins() {
        for join in p.joins.indices {
            queue.schedule(at: p.joins[join].month, ModelEvent(kind: .squadsJoin, subject: Int32(join)))
        }
    }

    /// The delivery squads join their pools one by one, each taking the first waiting request
    /// of its pool at once; then the foundation squads start picking domains (6.2). Each squad
    /// costs from now on.
    mutating func joinSquads(_ join: Int) {
        let j = p.joins[join]
        if trace.isRecording { trace.note(now, -1, "squads_join", "delivery=\(j.deliveryPools.count) foundation=\(j.foundationCount)") }
        deliverySquads += j.deliveryPools.count
        joinedSquads += j.deliveryPools.count + j.foundationCount
        chargeSquads()
        for pool in j.deliveryPools {
            if let grant = pools[Int(pool)].addServer(at: now) {
                startWork(Int(grant.client))
            }
        }
        for squad in j.firstFoundationSquad..<(j.firstFoundationSquad + j.foundationCount) {
            assignFoundationSquad(squad)
        }
    }
}
