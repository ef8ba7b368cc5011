import Foundation
import SimKernel
@testable import ProgramModel

/// Helpers shared by the analytic checks of MODEL.md section 11.

/// Mean and standard error (sample sd / √n) of independent observations, one per replication.
struct SampleSummary {
    let count: Int
    let mean: Double
    let sd: Double
    var standardError: Double { sd / Double(count).squareRoot() }

    init(_ xs: [Double]) {
        precondition(xs.count >= 2, "a standard error needs at least two observations")
        count = xs.count
        let m = xs.reduce(0, +) / Double(xs.count)
        mean = m
        let ss = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        sd = (ss / Double(xs.count - 1)).squareRoot()
    }

    /// |mean − expected| in units of the standard error.
    func zScore(against expected: Double) -> Double {
        abs(mean - expected) / standardError
    }
}

/// Runs replications 0..<count of one scenario with one seed.
func runReplications(_ scenario: Scenario, seed: UInt64, count: Int) -> [ReplicationResult] {
    var sim = ProgramSimulation(scenario: scenario)
    return (0..<count).map { sim.run(seed: seed, replication: $0) }
}

/// ∫ₐᵇ rate · e^(−δt) dt for a constant rate: the hand-written NPV integral, one segment at a
/// time (MODEL.md section 7).
func discounted(_ rate: Double, from a: Double, to b: Double, delta: Double) -> Double {
    rate * (exp(-delta * a) - exp(-delta * b)) / delta
}

/// δ = ln(1 + 0.10)/12 per month, the default discount rate (section 7).
let defaultDelta = log(1.1) / 12

/// Tolerance for figures that are exact sums of a few durations: only rounding can differ.
let exactTolerance = 1e-9

/// A fully deterministic scenario: every duration fixed, every probability 0 or 1.
///
/// One use case arriving at t = 0, one pooled squad costing 10 k$/month, V = 100 k$/month,
/// complexity 1, aligned, not high-risk, one data domain with readiness 0.5.
/// Federated with instant decisions, no audit, every gate approving.
///   data prep  = 2 · c · (1 + penalty·(1 − r)) = 2 · 1 · (1 + 1·0.5) = 3 months
///   pilot      = 4 · c = 4 months, success = 1 · (1 − 0·0.5) · 1^(−0.5) = 1
///   G1         = base 1 → approval 1 + 0 = 1
///   scale-up   = 5 · c · (1 + 0·L) = 5 months
///   rollout    = phases 0.1 / 1 month, 0.3 / 2 months, 0.6 / 3 months, adoption
///                1 · (1 − (1 − 1)·…) = 1
/// No drift, no incidents. Horizon 60 months, discount 10 %/year.
func deterministicScenario() -> Scenario {
    var s = Scenario()
    s.name = "deterministic"
    s.horizonMonths = 60
    s.businessUnits = 1
    s.portfolio.initialUseCases = 1
    s.portfolio.arrivalsPerMonth = 0
    s.portfolio.arrivalsUntilMonth = 60
    var a = Scenario.Archetype()
    a.valuePerMonth = .fixed(100)
    a.complexity = .fixed(1)
    a.highRiskShare = 0
    a.alignedShare = 1
    s.portfolio.archetypes = [a]
    s.dataDomains = [Scenario.DataDomainSpec(name: "d", readiness: 0.5)]
    s.teams.delivery = 1
    s.teams.placement = .pooled
    s.teams.foundation = 0
    s.teams.costPerMonth = 10
    s.governance.style = .federated
    s.governance.localDecisionMonths = 0
    s.governance.approveAligned = 1
    s.governance.localAuditShare = 0
    s.governance.auditDuration = .fixed(0.5)
    s.governance.committee.cadenceMonths = 1
    s.governance.committee.capacity = 6
    s.strategy.approach = .parallel
    s.coDevelopment.enabled = false
    s.stages.dataPrep.duration = .fixed(2)
    s.stages.dataPrep.readinessPenalty = 1
    s.stages.dataPrep.blockerRate = 0
    s.stages.dataPrep.abandonOnBlocker = 0
    s.stages.dataPrep.remediationShare = 0.5
    s.stages.pilot.duration = .fixed(4)
    s.stages.pilot.baseSuccess = 1
    s.stages.pilot.dataSensitivity = 0
    s.stages.pilot.complexityExponent = 0.5
    s.stages.scaleApproval.base = 1
    s.stages.scaleApproval.reworkMonths = .fixed(2)
    s.stages.scaleApproval.maxResubmissions = 2
    s.stages.scaleUp.duration = .fixed(5)
    s.stages.rollout.phases = [
        .init(name: "department", share: 0.1, duration: .fixed(1)),
        .init(name: "region", share: 0.3, duration: .fixed(2)),
        .init(name: "enterprise", share: 0.6, duration: .fixed(3)),
    ]
    s.stages.rollout.baseAdoption = 1
    s.architecture.coupling = 0
    s.operations.driftPerYear = 0
    s.compliance.incidentsPerYear.audited = 0
    s.compliance.incidentsPerYear.unaudited = 0
    s.economics.discountRatePerYear = 0.10
    return s
}
