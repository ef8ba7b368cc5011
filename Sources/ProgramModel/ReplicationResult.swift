/// Everything one replication reports: the section 7 figures and the month-end series.
///
/// Undefined figures (a rate with no pilot, a mean over nothing) are `nil`, never 0 or NaN.
public struct ReplicationResult: Sendable, Equatable {
    public var useCases = 0
    public var rejected = 0
    public var deferred = 0
    public var pilotsStarted = 0
    public var pilotsSucceeded = 0
    public var abandonedData = 0
    public var failedTechnical = 0
    public var stalledPurgatory = 0
    public var inPurgatoryAtHorizon = 0
    public var adoptionStalled = 0
    public var reachedProduction = 0
    public var scaled = 0
    public var timeToFirstValueMonths: Double? = nil
    public var meanUseCaseTTVMonths: Double? = nil
    public var meanPilotToProductionMonths: Double? = nil
    public var valueRealized = 0.0
    /// ∫ of the whole cost rate; the sum of the four parts below (section 7).
    public var cost = 0.0
    public var npv = 0.0
    public var breakEvenMonth: Double? = nil
    public var meanTeamWaitMonths: Double? = nil
    public var meanG0WaitMonths: Double? = nil
    public var meanG1WaitMonths: Double? = nil
    public var squadUtilization = 0.0
    public var driftEvents = 0
    public var complianceIncidents = 0
    public var finalMeanReadiness = 0.0
    public var squadCost = 0.0
    public var pilotCost = 0.0
    public var scaleUpCost = 0.0
    public var runCost = 0.0
    public var meanDataPrepMonths: Double? = nil
    public var meanPilotMonths: Double? = nil
    public var meanScaleUpMonths: Double? = nil
    public var meanRolloutMonths: Double? = nil
    /// Month-end values for months 1...⌊horizon⌋.
    public var monthEnds = MonthEndSeries()

    public init() {}

    @inlinable public var pilotToProductionRate: Double? {
        pilotsStarted > 0 ? Double(reachedProduction) / Double(pilotsStarted) : nil
    }
    @inlinable public var pilotToScaleRate: Double? {
        pilotsStarted > 0 ? Double(scaled) / Double(pilotsStarted) : nil
    }
    @inlinable public var netValue: Double { valueRealized - cost }
    @inlinable public var roi: Double? { cost > 0 ? netValue / cost : nil }

    /// The value of one column of `replications.csv`; nil where the figure is undefined.
    /// (Inlinable: a run reads every figure of every result through it, and a call across
    /// modules copied the whole result each time.)
    @inlinable
    public func value(of metric: ReplicationMetric) -> Double? {
        switch metric {
        case .useCases: Double(useCases)
        case .rejected: Double(rejected)
        case .deferred: Double(deferred)
        case .pilotsStarted: Double(pilotsStarted)
        case .pilotsSucceeded: Double(pilotsSucceeded)
        case .abandonedData: Double(abandonedData)
        case .failedTechnical: Double(failedTechnical)
        case .stalledPurgatory: Double(stalledPurgatory)
        case .inPurgatoryAtHorizon: Double(inPurgatoryAtHorizon)
        case .adoptionStalled: Double(adoptionStalled)
        case .reachedProduction: Double(reachedProduction)
        case .scaled: Double(scaled)
        case .pilotToProductionRate: pilotToProductionRate
        case .pilotToScaleRate: pilotToScaleRate
        case .timeToFirstValueMonths: timeToFirstValueMonths
        case .meanUseCaseTTVMonths: meanUseCaseTTVMonths
        case .meanPilotToProductionMonths: meanPilotToProductionMonths
        case .valueRealized: valueRealized
        case .cost: cost
        case .netValue: netValue
        case .roi: roi
        case .npv: npv
        case .breakEvenMonth: breakEvenMonth
        case .meanTeamWaitMonths: meanTeamWaitMonths
        case .meanG0WaitMonths: meanG0WaitMonths
        case .meanG1WaitMonths: meanG1WaitMonths
        case .squadUtilization: squadUtilization
        case .driftEvents: Double(driftEvents)
        case .complianceIncidents: Double(complianceIncidents)
        case .finalMeanReadiness: finalMeanReadiness
        case .squadCost: squadCost
        case .pilotCost: pilotCost
        case .scaleUpCost: scaleUpCost
        case .runCost: runCost
        case .meanDataPrepMonths: meanDataPrepMonths
        case .meanPilotMonths: meanPilotMonths
        case .meanScaleUpMonths: meanScaleUpMonths
        case .meanRolloutMonths: meanRolloutMonths
        }
    }
}
