import Foundation
import ProgramModel

/// From an organization's event log to a calibrated scenario and its evidence
/// (docs/calibrate.md): direct estimates, then ABC for the structural parameters, then the
/// posterior predictive check of the result.
public struct Calibration: Sendable {
    public struct Settings: Sendable {
        /// What the log cannot show (complexity, readiness, the model's structure) comes from here.
        public var base = Scenario()
        public var name = "calibrated"
        /// Prior draws of the ABC and simulated data sets per draw.
        public var draws = 2000
        public var replicationsPerDraw = 4
        /// The share of all simulated data sets accepted (sets the tolerance).
        public var acceptShare = 0.02
        public var checkReplications = 500
        public var seed: UInt64 = 1
        public var threads = 0
        public var bootstrapResamples = 200
        /// Told about the two simulation steps (the ABC, then the check) as they run.
        public var progress: ProgressHandler? = nil
        /// Where the log came from, for the scenario's description.
        public var source = "an event log"

        public init() {}
    }

    public var scenario: Scenario
    public var rows: [CalibrationRow]
    public var posterior: ApproximateBayesianComputation.Posterior?
    public var check: PosteriorPredictiveCheck
    public var observations: LogObservations
    public var abcSeconds: Double

    public init(_ log: EventLog, _ settings: Settings) throws {
        let o = LogObservations(log)
        observations = o
        guard o.cases > 0, o.asOfMonth > 0 else {
            throw EventLogError(file: settings.source, line: nil, message: "the log holds no use case with events before its end")
        }
        if let phases = o.phasesOfScaledCases.max(), phases != settings.base.stages.rollout.phases.count {
            throw EventLogError(file: settings.source, line: nil,
                                message: "scaled cases went through \(phases) rollout phases, but the base scenario has \(settings.base.stages.rollout.phases.count); pass a --base scenario with \(phases) phases")
        }
        let direct = DirectEstimates(log, o, base: settings.base, bootstrapResamples: settings.bootstrapResamples, seed: settings.seed)
        var rows = direct.rows
        var scenario = direct.scenario

        // Structural parameters by ABC, on the directly estimated scenario.
        let parameters = StructuralParameter.all(for: scenario)
        let matched = LogStatistic.all.filter(\.matched)
        let observed = LogStatistic.values(o, matched)
        let windowed = LogSimulation.window(scenario, asOf: o.asOfMonth)
        let seed = settings.seed
        let total = settings.draws * settings.replicationsPerDraw
        let progress = settings.progress
        progress?(.started(label: "ABC simulations", total: total))
        let start = Date()
        let posterior = ApproximateBayesianComputation.run(
            priors: parameters.map(\.prior), observed: observed, draws: settings.draws,
            replicationsPerDraw: settings.replicationsPerDraw, acceptShare: settings.acceptShare,
            seed: seed, threads: settings.threads, progress: progress.map { p in { @Sendable n in p(.advanced(by: n)) } }) { theta, replication in
            var s = windowed
            for (p, v) in zip(parameters, theta) { p.set(&s, v) }
            return LogStatistic.values(LogSimulation.observations(s, seed: seed, replication: replication), matched)
        }
        progress?(.finished)
        abcSeconds = Date().timeIntervalSince(start)
        for (i, p) in parameters.enumerated() {
            let value = p.prior.integer ? posterior.mean[i].rounded() : posterior.mean[i]
            p.set(&scenario, value)
            rows.append(CalibrationRow(
                parameter: p.path, inScenario: true, estimate: posterior.mean[i], lower: posterior.p5[i], upper: posterior.p95[i],
                level: 0.9, unit: p.unit,
                method: "rejection ABC; posterior mean and 5%–95% quantiles (uniform prior \(MetricFormat.figure(p.prior.lower))–\(MetricFormat.figure(p.prior.upper)))",
                observations: posterior.simulations,
                note: "\(settings.draws) draws × \(settings.replicationsPerDraw) replications with common random numbers; tolerance \(MetricFormat.figure(posterior.tolerance)) (the \(MetricFormat.figure(100 * settings.acceptShare))% closest); effective sample size \(MetricFormat.figure(posterior.effectiveSampleSize))"
                    + (p.prior.integer ? "; the scenario takes the mean rounded" : ""),
                scenarioValue: p.prior.integer ? MetricFormat.figure(value) : nil))
        }
        self.posterior = posterior
        scenario.name = settings.name
        scenario.description = Self.describe(rows, source: settings.source)
        // A calibrated scenario must read back as a valid scenario file.
        scenario = try Scenario.decode(json: scenario.encode(), file: "\(settings.name).json")
        self.scenario = scenario
        self.rows = rows

        progress?(.started(label: "posterior predictive check", total: settings.checkReplications))
        check = PosteriorPredictiveCheck(calibrated: scenario, observed: o, replications: settings.checkReplications,
                                         seed: seed &+ 1, threads: settings.threads,
                                         progress: progress.map { p in { @Sendable n in p(.advanced(by: n)) } })
        progress?(.finished)
    }

    /// Every field the calibration set, with its source: the scenario file's own record of
    /// where its numbers come from.
    static func describe(_ rows: [CalibrationRow], source: String) -> String {
        let fields = rows.filter(\.inScenario).map { r in
            "\(r.parameter) = \(r.scenarioValue ?? r.estimate.map(MetricFormat.figure) ?? "") (\(r.method.split(separator: ";").first ?? ""))"
        }
        return "Calibrated by execsim calibrate from \(source). Fitted: " + fields.joined(separator: "; ")
            + ". Everything else is the base scenario's; calibration.csv has the intervals."
    }
}
