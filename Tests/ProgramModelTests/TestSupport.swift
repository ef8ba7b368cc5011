import SimKernel
@testable import ProgramModel

/// A scenario in which every duration is fixed and every probability is 0 or 1, so that a
/// use case's life can be computed by hand. One business unit, one data domain with
/// readiness 1 (no data-prep penalty, no blocker, no pilot data sensitivity), federated
/// instant decisions that approve, no coupling, no drift, no incidents, no discounting.
///
/// A single use case with one squad: G0 at 0, data prep 0, pilot [0, 1], G1 at 1 (no audit),
/// scale-up [1, 3], one rollout phase [3, 4]: first value at 4.
func exactScenario(useCases: Int = 1, squads: Int = 1, horizon: Double = 60) -> Scenario {
    var s = Scenario()
    s.name = "exact"
    s.horizonMonths = horizon
    s.businessUnits = 1
    s.portfolio.initialUseCases = useCases
    s.portfolio.arrivalsPerMonth = 0
    var a = Scenario.Archetype()
    a.valuePerMonth = .fixed(100)
    a.complexity = .fixed(1)
    a.highRiskShare = 0
    a.alignedShare = 1
    s.portfolio.archetypes = [a]
    s.dataDomains = [.init(name: "ready", readiness: 1)]
    s.teams.delivery = squads
    s.teams.foundation = 0
    s.teams.costPerMonth = 10
    s.fit.pooled = 0.5
    s.fit.perBusinessUnit = 0.5
    s.governance.style = .federated
    s.governance.localDecisionMonths = 0
    s.governance.approveAligned = 1
    s.governance.localAuditShare = 0
    s.governance.auditDuration = .fixed(0.5)
    s.stages.dataPrep.duration = .fixed(0)
    s.stages.dataPrep.blockerRate = 0
    s.stages.pilot.duration = .fixed(1)
    s.stages.pilot.baseSuccess = 1
    s.stages.pilot.dataSensitivity = 0
    s.stages.pilot.complexityExponent = 0
    s.stages.scaleApproval.base = 1
    s.stages.scaleApproval.reworkMonths = .fixed(1)
    s.stages.scaleUp.duration = .fixed(2)
    s.stages.rollout.phases = [.init(name: "all", share: 1, duration: .fixed(1))]
    s.stages.rollout.baseAdoption = 1
    s.architecture.coupling = 0
    s.operations.driftPerYear = 0
    s.compliance.incidentsPerYear.audited = 0
    s.compliance.incidentsPerYear.unaudited = 0
    s.economics.discountRatePerYear = 0
    return s
}

/// Runs one traced replication of a scenario.
func traced(_ s: Scenario, seed: UInt64 = 1, replication: Int = 0) -> (ReplicationResult, [TraceEvent]) {
    var sim = ProgramSimulation(scenario: s)
    return sim.runTraced(seed: seed, replication: replication)
}

extension Array where Element == TraceEvent {
    func named(_ name: String) -> [TraceEvent] { filter { $0.event == name } }

    /// Times of the events `name` of use case `uc`, in trace order.
    func times(_ name: String, _ uc: Int) -> [Double] {
        filter { $0.event == name && $0.useCase == uc }.map(\.time)
    }

    /// The time of the first event `name` of use case `uc`.
    func time(_ name: String, _ uc: Int) -> Double? { times(name, uc).first }

    func first(_ name: String, _ uc: Int) -> TraceEvent? {
        first { $0.event == name && $0.useCase == uc }
    }

    /// Indices of the use cases that arrived, in arrival order.
    var useCaseIndices: [Int] { named("arrive").map(\.useCase) }
}

extension TraceEvent {
    /// The value of `key=value` in the detail string.
    func field(_ key: String) -> String? {
        for token in detail.split(separator: " ") {
            let parts = token.split(separator: "=", maxSplits: 1)
            if parts.count == 2 && parts[0] == key { return String(parts[1]) }
        }
        return nil
    }

    func number(_ key: String) -> Double? { field(key).flatMap(Double.init) }
}

/// |a − b| ≤ tolerance·max(1, |a|, |b|).
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * Swift.max(1, abs(a), abs(b))
}
