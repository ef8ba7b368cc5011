/// A summary statistic of an event log: what the approximate Bayesian computation matches and
/// the posterior predictive check sets against its simulated band. nil when undefined (a share
/// of nothing, a mean over no durations).
public struct LogStatistic: Sendable {
    public var name: String
    /// Whether the ABC distance uses it (the statistics the structural parameters move).
    public var matched: Bool
    public var value: @Sendable (LogObservations) -> Double?

    static func share(_ a: Int, _ n: Int) -> Double? { n > 0 ? Double(a) / Double(n) : nil }

    static func mean(_ t: [LogObservations.Timed]) -> Double? {
        let ended = t.filter { !$0.time.censored }
        return ended.isEmpty ? nil : ended.reduce(0) { $0 + $1.time.time } / Double(ended.count)
    }

    static func median(_ t: [LogObservations.Timed]) -> Double? {
        let ended = t.filter { !$0.time.censored }.map(\.time.time).sorted()
        guard !ended.isEmpty else { return nil }
        let n = ended.count
        return n % 2 == 1 ? ended[n / 2] : 0.5 * (ended[n / 2 - 1] + ended[n / 2])
    }

    /// Every statistic, in the order of check.csv.
    public static let all: [LogStatistic] = [
        LogStatistic(name: "use_cases", matched: false) { Double($0.cases) },
        LogStatistic(name: "g0_approval_share", matched: true) { share($0.g0Approved, $0.g0Approved + $0.g0Rejected) },
        LogStatistic(name: "prep_abandoned_share", matched: true) { share($0.abandoned, $0.prepEnded) },
        LogStatistic(name: "prep_remediated_share", matched: true) { share($0.remediated, $0.prepEnded) },
        LogStatistic(name: "pilot_success_share", matched: false) { share($0.pilotSuccesses, $0.pilotSuccesses + $0.pilotFailures) },
        LogStatistic(name: "g1_first_approval_share", matched: true) { share($0.g1FirstApproved, $0.g1FirstApproved + $0.g1FirstDenied) },
        LogStatistic(name: "g1_after_rework_approval_share", matched: true) { share($0.g1LaterApproved, $0.g1LaterApproved + $0.g1LaterDenied) },
        LogStatistic(name: "adoption_share", matched: true) { share($0.phaseAdopted.reduce(0, +), $0.phaseChecks.reduce(0, +)) },
        LogStatistic(name: "pilots_started_per_use_case", matched: false) { share($0.pilotsStarted, $0.cases) },
        LogStatistic(name: "production_per_pilot", matched: true) { share($0.production, $0.pilotsStarted) },
        LogStatistic(name: "scaled_per_pilot", matched: false) { share($0.scaled, $0.pilotsStarted) },
        LogStatistic(name: "mean_prep_squad_wait_months", matched: true) { mean($0.prepSquadWait) },
        LogStatistic(name: "waiting_for_prep_squad_at_end", matched: true) { o in
            Double(o.prepSquadWait.reduce(0) { $0 + ($1.time.censored ? 1 : 0) })
        },
        LogStatistic(name: "mean_scale_squad_wait_months", matched: true) { mean($0.scaleSquadWait) },
        LogStatistic(name: "mean_g0_decision_months", matched: false) { mean($0.g0Decision) },
        LogStatistic(name: "mean_g1_first_decision_months", matched: false) { mean($0.g1FirstDecision) },
        LogStatistic(name: "median_data_prep_months", matched: false) { median($0.dataPrep) },
        LogStatistic(name: "median_pilot_months", matched: false) { median($0.pilot) },
        LogStatistic(name: "median_scale_up_months", matched: false) { median($0.scaleUp) },
        LogStatistic(name: "drift_detections", matched: false) { Double($0.driftDetections) },
        LogStatistic(name: "incidents", matched: false) { Double($0.incidentsAudited + $0.incidentsUnaudited) },
    ]

    public static func values(_ o: LogObservations, _ statistics: [LogStatistic] = all) -> [Double?] {
        statistics.map { $0.value(o) }
    }
}
