import Foundation
import SimKernel

/// A scenario compiled for simulation: distributions turned into samplers, rates per month,
/// lookups turned into flat arrays.
///
/// Build it once per scenario and hand it to every worker's ``ProgramSimulation``: it is an
/// immutable reference, shared read-only by all threads, so the scenario is compiled once and
/// the model reads parameters in place rather than copying a large value.
public final class ModelParameters: Sendable {
    struct ArchetypeParameters: Sendable {
        var cumulativeWeight: Double
        var valuePerMonth: Sampler
        var complexity: Sampler
        var highRiskShare: Double
        var alignedShare: Double
        /// Indices of the domains it draws from (all domains when the archetype names none).
        var domains: [Int32]
    }

    /// The squads of one `teams.additions` entry, in join order (4.3).
    struct SquadJoin: Sendable {
        var month: Double
        /// The pool of each delivery squad that joins, in squad-number order.
        var deliveryPools: [Int32]
        /// The foundation squads that join: indices first..<first + count.
        var firstFoundationSquad: Int
        var foundationCount: Int
    }

    struct PhaseParameters: Sendable {
        var share: Double
        var duration: Sampler
    }

    let scenario: Scenario
    let horizon: Double
    /// Month ends recorded in the series: 1...⌊horizon⌋ (section 7).
    let monthCount: Int
    let businessUnits: Int
    let archetypes: [ArchetypeParameters]
    let totalArchetypeWeight: Double
    let initialReadiness: [Double]
    let domainNames: [String]
    /// Squads per pool; one pool when pooled, one per business unit otherwise (4.3).
    let poolSizes: [Int]
    let pooled: Bool
    /// `teams.additions` sorted by month, equal months in list order: the order they join.
    let joins: [SquadJoin]
    /// Foundation squads over the whole run: the initial ones, then those of `joins`.
    let foundationSquads: Int
    /// Whether classes 1 and 2 are ranked rather than first come first served (6.6).
    let ranksWork: Bool
    /// σ of the value estimate's error, ln(valueEstimateP90Ratio)/z₀.₉ (4.2).
    let estimateSigma: Double
    let baseFit: Double

    let auditDuration: Sampler
    let embedMonths: Sampler
    let dataPrepDuration: Sampler
    let pilotDuration: Sampler
    let reworkMonths: Sampler
    let scaleUpDuration: Sampler
    let phases: [PhaseParameters]
    let retrainDuration: Sampler
    let rollbackMonths: Sampler

    /// Coupling k of 5.7, with the event-driven factor already applied.
    let coupling: Double
    let driftMeanGap: Double        // months between drifts; .infinity when there is no drift
    let detectionMean: Double
    let incidentMeanGapAudited: Double
    let incidentMeanGapUnaudited: Double
    /// δ of section 7, per month.
    let discountPerMonth: Double
    /// k$ per month for each squad, pilot, scale-up and production system (section 7).
    let squadCostPerMonth: Double
    let pilotCostPerMonth: Double
    let scaleUpCostPerMonth: Double
    let runCostPerMonth: Double

    /// Compiles a validated scenario. (Scenarios read with `Scenario.decode` are validated.)
    public init(_ s: Scenario) {
        scenario = s
        horizon = s.horizonMonths
        monthCount = Int(s.horizonMonths.rounded(.down))
        businessUnits = s.businessUnits
        let names = s.dataDomains.map(\.name)
        domainNames = names
        initialReadiness = s.dataDomains.map(\.readiness)
        var cumulative = 0.0
        archetypes = s.portfolio.archetypes.map { a in
            cumulative += a.weight
            let domains: [Int32]
            if let wanted = a.domains {
                domains = wanted.compactMap { name in names.firstIndex(of: name).map { Int32($0) } }
            } else {
                domains = (0..<names.count).map { Int32($0) }
            }
            return ArchetypeParameters(
                cumulativeWeight: cumulative, valuePerMonth: Sampler(a.valuePerMonth),
                complexity: Sampler(a.complexity), highRiskShare: a.highRiskShare,
                alignedShare: a.alignedShare, domains: domains)
        }
        totalArchetypeWeight = cumulative
        pooled = s.teams.placement == .pooled
        if pooled {
            poolSizes = [s.teams.delivery]
        } else {
            // Squad b goes to unit b mod B (4.3).
            poolSizes = (0..<s.businessUnits).map { unit in
                (0..<s.teams.delivery).filter { $0 % s.businessUnits == unit }.count
            }
        }
        var plan: [SquadJoin] = []
        var nextSquad = s.teams.delivery
        var nextFoundation = s.teams.foundation
        // A stable sort: additions at equal months keep their list order (4.3).
        let order = s.teams.additions.indices.sorted {
            (s.teams.additions[$0].month, $0) < (s.teams.additions[$1].month, $1)
        }
        for k in order {
            let a = s.teams.additions[k]
            // Delivery squads are numbered in join order; squad n goes to unit n mod B.
            let pools = (nextSquad..<nextSquad + a.delivery).map { squad in
                Int32(s.teams.placement == .pooled ? 0 : squad % s.businessUnits)
            }
            plan.append(SquadJoin(month: a.month, deliveryPools: pools,
                                   firstFoundationSquad: nextFoundation, foundationCount: a.foundation))
            nextSquad += a.delivery
            nextFoundation += a.foundation
        }
        joins = plan
        foundationSquads = nextFoundation
        ranksWork = s.portfolio.prioritization != .fifo
        estimateSigma = Distribution.lognormalSigma(median: 1, p90: s.portfolio.valueEstimateP90Ratio)
        let f0 = pooled ? s.fit.pooled : s.fit.perBusinessUnit
        baseFit = s.coDevelopment.enabled ? f0 + s.coDevelopment.fitGain * (1 - f0) : f0

        auditDuration = Sampler(s.governance.auditDuration)
        embedMonths = Sampler(s.coDevelopment.embedMonths)
        dataPrepDuration = Sampler(s.stages.dataPrep.duration)
        pilotDuration = Sampler(s.stages.pilot.duration)
        reworkMonths = Sampler(s.stages.scaleApproval.reworkMonths)
        scaleUpDuration = Sampler(s.stages.scaleUp.duration)
        phases = s.stages.rollout.phases.map { PhaseParameters(share: $0.share, duration: Sampler($0.duration)) }
        retrainDuration = Sampler(s.operations.retrainDuration)
        rollbackMonths = Sampler(s.compliance.rollbackMonths)

        coupling = s.architecture.coupling * (s.architecture.eventDriven ? s.architecture.eventDrivenFactor : 1)
        driftMeanGap = s.operations.driftPerYear > 0 ? 12 / s.operations.driftPerYear : .infinity
        detectionMean = s.operations.monitoring
            ? s.operations.detectionMonths.monitored : s.operations.detectionMonths.unmonitored
        let audited = s.compliance.incidentsPerYear.audited
        let unaudited = s.compliance.incidentsPerYear.unaudited
        incidentMeanGapAudited = audited > 0 ? 12 / audited : .infinity
        incidentMeanGapUnaudited = unaudited > 0 ? 12 / unaudited : .infinity
        discountPerMonth = log(1 + s.economics.discountRatePerYear) / 12
        squadCostPerMonth = s.teams.costPerMonth
        pilotCostPerMonth = s.economics.pilotCostPerMonth
        scaleUpCostPerMonth = s.economics.scaleUpCostPerMonth
        runCostPerMonth = s.economics.runCostPerMonth
    }
}
