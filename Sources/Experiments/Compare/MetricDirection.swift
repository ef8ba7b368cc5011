import ProgramModel

/// Which way is better for each figure of MODEL.md section 7: the one place directions live.
///
/// `execsim compare` uses it for the share of replications in which a scenario did better,
/// for multiple comparisons with the best and for selecting the best. The table in
/// `docs/compare.md` lists the same directions with the reason for each.
extension ReplicationMetric {
    /// True when a larger value is better for the program (rates, counts of progress, value,
    /// ROI, NPV, readiness, utilization); false for times, waits, losses, incidents and cost.
    public var higherIsBetter: Bool {
        switch self {
        // More of the portfolio moving forward is better.
        case .useCases, .pilotsStarted, .pilotsSucceeded, .reachedProduction, .scaled,
             .pilotToProductionRate, .pilotToScaleRate:
            true
        // Money: more value, net value, ROI and NPV are better; cost is lower-is-better.
        case .valueRealized, .netValue, .roi, .npv:
            true
        // Paid-for squads doing work rather than idling; readiness is the data asset built.
        case .squadUtilization, .finalMeanReadiness:
            true
        // Use cases lost or stuck, at any gate.
        case .rejected, .deferred, .abandonedData, .failedTechnical, .stalledPurgatory,
             .inPurgatoryAtHorizon, .adoptionStalled:
            false
        // Times and waits: sooner is better.
        case .timeToFirstValueMonths, .meanUseCaseTTVMonths, .meanPilotToProductionMonths,
             .breakEvenMonth, .meanTeamWaitMonths, .meanG0WaitMonths, .meanG1WaitMonths,
             .meanDataPrepMonths, .meanPilotMonths, .meanScaleUpMonths, .meanRolloutMonths:
            false
        case .cost, .driftEvents, .complianceIncidents:
            false
        }
    }

    /// "higher" or "lower": the word for the better direction, for tables and CSV files.
    public var betterDirection: String { higherIsBetter ? "higher" : "lower" }

    /// Whether `a` is strictly better than `b` in this metric's direction (a tie is not better).
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        higherIsBetter ? a > b : a < b
    }
}
