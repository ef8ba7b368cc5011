/// Cost as a piecewise-constant rate (MODEL.md section 7): squads from the month they join,
/// pilots, scale-ups and production systems while they last. Each part's rate is its unit
/// cost times a count the model already keeps, so no rounding residue builds up as work
/// starts and ends; a part whose unit cost is 0 never touches the ledger.
extension ProgramSimulation {
    mutating func chargeSquads() {
        ledger.setCostRate(.squads, to: p.squadCostPerMonth * Double(joinedSquads), at: now)
    }

    /// After `pilotsInProgress` changed (5.5: from the pilot's start to its end).
    @inline(__always)
    mutating func chargePilots() {
        guard p.pilotCostPerMonth != 0 else { return }
        ledger.setCostRate(.pilots, to: p.pilotCostPerMonth * Double(pilotsInProgress), at: now)
    }

    /// After `scaleUpsInProgress` changed (5.7).
    @inline(__always)
    mutating func chargeScaleUps() {
        guard p.scaleUpCostPerMonth != 0 else { return }
        ledger.setCostRate(.scaleUp, to: p.scaleUpCostPerMonth * Double(scaleUpsInProgress), at: now)
    }

    /// After `productionSystems` changed: from the end of scale-up until decommissioned (5.8).
    @inline(__always)
    mutating func chargeRunning() {
        guard p.runCostPerMonth != 0 else { return }
        ledger.setCostRate(.run, to: p.runCostPerMonth * Double(productionSystems), at: now)
    }

    /// The cost figures of section 7 once the ledger is at the horizon; the parts sum to `cost`.
    func recordCosts(into r: inout ReplicationResult) {
        r.squadCost = ledger.cumulativeCost(of: .squads, at: p.horizon)
        r.pilotCost = ledger.cumulativeCost(of: .pilots, at: p.horizon)
        r.scaleUpCost = ledger.cumulativeCost(of: .scaleUp, at: p.horizon)
        r.runCost = ledger.cumulativeCost(of: .run, at: p.horizon)
        r.cost = r.squadCost + r.pilotCost + r.scaleUpCost + r.runCost
    }
}
