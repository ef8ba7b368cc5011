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

    /// The month-end `squads_available` series, and `cumulative_cost` when only squads cost:
    /// both follow from the hiring plan alone. Computed with the ledger's own arithmetic, the
    /// same changes in the same order, so the values are the bits a replication would record.
    static func fixedSeries(_ p: ModelParameters, months: Int) -> (available: [Double], squadCost: [Double]?) {
        let s = p.scenario
        var delivery = s.teams.delivery, squads = s.teams.delivery + s.teams.foundation
        var ledger = ValueLedger(delta: p.discountPerMonth)
        ledger.setCostRate(.squads, to: p.squadCostPerMonth * Double(squads), at: 0)
        var available: [Double] = [], cost: [Double] = []
        var next = 0
        for month in 1...Swift.max(1, months) where month <= months {
            let m = Double(month)
            while next < p.joins.count && p.joins[next].month <= m {
                delivery += p.joins[next].deliveryPools.count
                squads += p.joins[next].deliveryPools.count + p.joins[next].foundationCount
                ledger.setCostRate(.squads, to: p.squadCostPerMonth * Double(squads), at: p.joins[next].month)
                next += 1
            }
            available.append(Double(delivery))
            cost.append(ledger.cumulativeCost(at: m))
        }
        let onlySquadsCost = p.pilotCostPerMonth == 0 && p.scaleUpCostPerMonth == 0 && p.runCostPerMonth == 0
        return (available, onlySquadsCost ? cost : nil)
    }
}
