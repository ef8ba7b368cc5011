/// The per-replication figures of MODEL.md section 7, in the column order of `replications.csv`.
///
/// The model defines its figures; how they are written (CSV, tables) is the experiment layer's
/// business. `name` is the column name, with its unit where it has one.
public enum ReplicationMetric: Int, CaseIterable, Sendable {
    case useCases, rejected, deferred
    case pilotsStarted, pilotsSucceeded
    case abandonedData, failedTechnical, stalledPurgatory, inPurgatoryAtHorizon, adoptionStalled
    case reachedProduction, scaled
    case pilotToProductionRate, pilotToScaleRate
    case timeToFirstValueMonths, meanUseCaseTTVMonths, meanPilotToProductionMonths
    case valueRealized, cost, netValue, roi, npv
    case breakEvenMonth
    case meanTeamWaitMonths, meanG0WaitMonths, meanG1WaitMonths
    case squadUtilization
    case driftEvents, complianceIncidents
    case finalMeanReadiness
    case squadCost, pilotCost, scaleUpCost, runCost
    /// Appended after MODEL.md's columns (their order is kept): the mean duration of each work
    /// step over the use cases that finished it within the horizon, for "where the time goes".
    case meanDataPrepMonths, meanPilotMonths, meanScaleUpMonths, meanRolloutMonths

    public var name: String {
        switch self {
        case .useCases: "use_cases"
        case .rejected: "rejected"
        case .deferred: "deferred"
        case .pilotsStarted: "pilots_started"
        case .pilotsSucceeded: "pilots_succeeded"
        case .abandonedData: "abandoned_data"
        case .failedTechnical: "failed_technical"
        case .stalledPurgatory: "stalled_purgatory"
        case .inPurgatoryAtHorizon: "in_purgatory_at_horizon"
        case .adoptionStalled: "adoption_stalled"
        case .reachedProduction: "reached_production"
        case .scaled: "scaled"
        case .pilotToProductionRate: "pilot_to_production_rate"
        case .pilotToScaleRate: "pilot_to_scale_rate"
        case .timeToFirstValueMonths: "time_to_first_value_months"
        case .meanUseCaseTTVMonths: "mean_use_case_ttv_months"
        case .meanPilotToProductionMonths: "mean_pilot_to_production_months"
        case .valueRealized: "value_realized"
        case .cost: "cost"
        case .netValue: "net_value"
        case .roi: "roi"
        case .npv: "npv"
        case .breakEvenMonth: "break_even_month"
        case .meanTeamWaitMonths: "mean_team_wait_months"
        case .meanG0WaitMonths: "mean_g0_wait_months"
        case .meanG1WaitMonths: "mean_g1_wait_months"
        case .squadUtilization: "squad_utilization"
        case .driftEvents: "drift_events"
        case .complianceIncidents: "compliance_incidents"
        case .finalMeanReadiness: "final_mean_readiness"
        case .squadCost: "squad_cost"
        case .pilotCost: "pilot_cost"
        case .scaleUpCost: "scale_up_cost"
        case .runCost: "run_cost"
        case .meanDataPrepMonths: "mean_data_prep_months"
        case .meanPilotMonths: "mean_pilot_months"
        case .meanScaleUpMonths: "mean_scale_up_months"
        case .meanRolloutMonths: "mean_rollout_months"
        }
    }

    /// Looks a metric up by its column name.
    public init?(name: String) {
        guard let m = ReplicationMetric.allCases.first(where: { $0.name == name }) else { return nil }
        self = m
    }
}

/// The month-end series of MODEL.md section 7, in output order.
public enum SeriesMetric: Int, CaseIterable, Sendable {
    case cumulativeValue, productionSystems, pilotsInProgress, squadsBusy
    case cumulativeCost, squadsAvailable
    /// Squad requests waiting in every pool's queue at the month end (appended after MODEL.md's
    /// four series: the capacity chart's backlog).
    case squadBacklog
    /// Use cases whose time to value (arrival to first value) is at most m months, counted by
    /// the horizon: averaged over replications and divided by its last month, the distribution
    /// of time to value pooled over use cases.
    case useCasesValuedWithin

    public var name: String {
        switch self {
        case .cumulativeValue: "cumulative_value"
        case .productionSystems: "production_systems"
        case .pilotsInProgress: "pilots_in_progress"
        case .squadsBusy: "squads_busy"
        case .cumulativeCost: "cumulative_cost"
        case .squadsAvailable: "squads_available"
        case .squadBacklog: "squad_backlog"
        case .useCasesValuedWithin: "use_cases_valued_within"
        }
    }
}
