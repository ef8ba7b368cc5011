import ProgramModel

/// The parameters no single event shows, fitted by ``ApproximateBayesianComputation``: the
/// screening strength (what G0 rejects among unaligned use cases), the operational fit (G1
/// approval and adoption), the data blocker rate (abandonment and remediation) and the number
/// of delivery squads (the waits for a squad).
struct StructuralParameter: Sendable {
    var path: String
    var unit: String
    var prior: ApproximateBayesianComputation.Prior
    var set: @Sendable (inout Scenario, Double) -> Void

    /// The four parameters for `base`, each on the field its governance style and placement
    /// use.
    static func all(for base: Scenario) -> [StructuralParameter] {
        var list: [StructuralParameter] = []
        switch base.governance.style {
        case .centralized:
            list.append(StructuralParameter(path: "governance.screening.committee", unit: "probability",
                                            prior: .init(lower: 0, upper: 1)) { $0.governance.screening.committee = $1 })
        case .federated:
            list.append(StructuralParameter(path: "governance.screening.local", unit: "probability",
                                            prior: .init(lower: 0, upper: 1)) { $0.governance.screening.local = $1 })
        case .hybrid:
            list.append(StructuralParameter(path: "governance.screening.committee+local", unit: "probability",
                                            prior: .init(lower: 0, upper: 1)) {
                $0.governance.screening.committee = $1
                $0.governance.screening.local = $1
            })
        }
        if base.teams.placement == .pooled {
            list.append(StructuralParameter(path: "fit.pooled", unit: "fit", prior: .init(lower: 0, upper: 1)) { $0.fit.pooled = $1 })
        } else {
            list.append(StructuralParameter(path: "fit.perBusinessUnit", unit: "fit", prior: .init(lower: 0, upper: 1)) { $0.fit.perBusinessUnit = $1 })
        }
        list.append(StructuralParameter(path: "stages.dataPrep.blockerRate", unit: "probability",
                                        prior: .init(lower: 0, upper: 1)) { $0.stages.dataPrep.blockerRate = $1 })
        let lowest = base.teams.placement == .perBusinessUnit ? base.businessUnits : 1
        let highest = max(2 * base.teams.delivery + 4, lowest + 8)
        list.append(StructuralParameter(path: "teams.delivery", unit: "squads",
                                        prior: .init(lower: Double(lowest), upper: Double(highest), integer: true)) {
            $0.teams.delivery = Int($1.rounded())
        })
        return list
    }
}

/// Simulates a scenario over a log's window and reads its history back as a log would show
/// it, so simulated and observed statistics are computed by the same code.
enum LogSimulation {
    /// The scenario cut to the window [0, asOf], with arrivals through it.
    static func window(_ s: Scenario, asOf: Double) -> Scenario {
        var w = s
        w.horizonMonths = asOf
        w.portfolio.arrivalsUntilMonth = max(w.portfolio.arrivalsUntilMonth, asOf)
        return w
    }

    static func observations(_ windowed: Scenario, seed: UInt64, replication: Int) -> LogObservations {
        var sim = ProgramSimulation(scenario: windowed)
        let (_, trace) = sim.runTraced(seed: seed, replication: replication)
        return LogObservations(TraceEventLog.log(trace, horizon: windowed.horizonMonths))
    }
}
