import Foundation
import ProgramModel
import SimKernel

/// The parameters a log shows directly (docs/calibrate.md, "Direct estimates"): counts and
/// rates by censored maximum likelihood with profile-likelihood intervals, stage durations by
/// censored maximum likelihood among the MODEL.md families chosen by AIC with bootstrap
/// intervals, gate shares with Wilson intervals.
struct DirectEstimates {
    var rows: [CalibrationRow] = []
    var scenario: Scenario
    let level: Double
    let bootstrapResamples: Int
    let seed: UInt64

    init(_ log: EventLog, _ o: LogObservations, base: Scenario, level: Double = 0.95,
         bootstrapResamples: Int = 200, seed: UInt64 = 1) {
        scenario = base
        self.level = level
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        let x = ModelExpectations(base)
        portfolio(log, o)
        durations(log, o, base, x)
        gates(log, o, base, x)
        rates(o, base)
    }

    // MARK: Portfolio

    mutating func portfolio(_ log: EventLog, _ o: LogObservations) {
        rows.append(CalibrationRow(parameter: "portfolio.initialUseCases", inScenario: true,
                                   estimate: Double(o.initialCases), lower: nil, upper: nil, level: level,
                                   unit: "use cases", method: "count of intakes at month 0", observations: o.initialCases))
        scenario.portfolio.initialUseCases = o.initialCases
        let arrivals = o.cases - o.initialCases
        if let r = CensoredMaximumLikelihood.poissonRate(events: arrivals, exposure: o.asOfMonth, level: level) {
            rows.append(CalibrationRow(parameter: "portfolio.arrivalsPerMonth", inScenario: true, estimate: r.value,
                                       lower: r.lower, upper: r.upper, level: level, unit: "per month",
                                       method: "Poisson MLE; profile-likelihood interval",
                                       observations: arrivals, note: "intakes after month 0 over \(MetricFormat.figure(o.asOfMonth)) months"))
            scenario.portfolio.arrivalsPerMonth = r.value
            scenario.portfolio.arrivalsUntilMonth = max(scenario.portfolio.arrivalsUntilMonth, o.asOfMonth)
        }
        var units: [String] = []
        for c in log.cases { if let u = c.businessUnit, !units.contains(u) { units.append(u) } }
        if !units.isEmpty {
            rows.append(CalibrationRow(parameter: "businessUnits", inScenario: true, estimate: Double(units.count),
                                       lower: nil, upper: nil, level: level, unit: "units",
                                       method: "distinct business_unit values", observations: o.cases))
            scenario.businessUnits = units.count
            if scenario.teams.placement == .perBusinessUnit && scenario.teams.delivery < units.count {
                scenario.teams.delivery = units.count
            }
        }
        let values = log.cases.compactMap(\.valuePerMonth).map { CensoredTime($0) }
        if values.count >= 3, scenario.portfolio.archetypes.count == 1,
           let (fit, interval, note) = fitDistribution(values, factor: 1, families: [.lognormal, .gamma, .exponential]) {
            scenario.portfolio.archetypes[0].valuePerMonth = fit
            rows.append(CalibrationRow(parameter: "portfolio.archetypes[0].valuePerMonth", inScenario: true,
                                       estimate: fit.mean, lower: interval?.0, upper: interval?.1, level: level,
                                       unit: "k$ per month (mean)",
                                       method: "MLE, family by AIC among lognormal, gamma, exponential; expanded-percentile bootstrap interval of the mean",
                                       observations: values.count, note: note, scenarioValue: fit.summaryText))
        }
    }

    // MARK: Durations

    mutating func durations(_ log: EventLog, _ o: LogObservations, _ base: Scenario, _ x: ModelExpectations) {
        let c = x.meanComplexity
        let complexityNote = "divided by E[c] = \(MetricFormat.figure(c)) (the base scenario's complexity; a log cannot tell c from the base duration)"
        let penalty = base.stages.dataPrep.readinessPenalty
        fitStage("stages.dataPrep.duration", o.dataPrep, factor: 1 / c,
                 multiplier: { 1 + penalty * (1 - x.readiness(log.cases[$0.caseIndex].domain)) },
                 note: "durations divided by 1 + readinessPenalty·(1 − r) with the base readiness of each case's domain, then \(complexityNote)") {
            $0.stages.dataPrep.duration = $1
        }
        fitStage("stages.pilot.duration", o.pilot, factor: 1 / c, multiplier: { _ in 1 },
                 note: complexityNote + (base.coDevelopment.enabled ? "; the co-development embedding time is included" : "")) {
            $0.stages.pilot.duration = $1
        }
        let k = base.architecture.coupling * (base.architecture.eventDriven ? base.architecture.eventDrivenFactor : 1)
        fitStage("stages.scaleUp.duration", o.scaleUp, factor: 1 / c,
                 multiplier: { 1 + k * Double($0.productionSystems) },
                 note: "durations divided by 1 + coupling·L (L production systems at the start, from the log; base coupling \(MetricFormat.figure(k))), then \(complexityNote)") {
            $0.stages.scaleUp.duration = $1
        }
        fitStage("governance.auditDuration", o.audit, factor: 1, multiplier: { _ in 1 },
                 note: "from pilot success to audit end; still-open ones censored (a local G1 without audit may count as one)") {
            $0.governance.auditDuration = $1
        }
        for (p, timed) in o.phases.enumerated() where p < base.stages.rollout.phases.count {
            fitStage("stages.rollout.phases[\(p)].duration", timed, factor: 1, multiplier: { _ in 1 },
                     note: "phase '\(base.stages.rollout.phases[p].name)'") {
                $0.stages.rollout.phases[p].duration = $1
            }
        }
    }

    mutating func fitStage(_ path: String, _ timed: [LogObservations.Timed], factor: Double,
                           multiplier: (LogObservations.Timed) -> Double, note: String,
                           set: (inout Scenario, Distribution) -> Void) {
        let y = timed.map { CensoredTime($0.time.time / multiplier($0), censored: $0.time.censored) }
        let ended = y.filter { !$0.censored }.count
        guard let (fit, interval, fitNote) = fitDistribution(y, factor: factor, families: DurationFit.Family.allCases) else {
            rows.append(CalibrationRow(parameter: path, inScenario: false, estimate: nil, lower: nil, upper: nil,
                                       level: level, unit: "months (mean)", method: "not estimated",
                                       observations: ended, censored: y.count - ended,
                                       note: "too few ended durations to fit; the base scenario's value is kept"))
            return
        }
        set(&scenario, fit)
        rows.append(CalibrationRow(parameter: path, inScenario: true, estimate: fit.mean, lower: interval?.0,
                                   upper: interval?.1, level: level, unit: "months (mean)",
                                   method: "censored MLE, family by AIC among exponential, gamma, lognormal, triangular; "
                                       + (fitNote.hasPrefix("exponential") ? "profile-likelihood interval of the mean" : "expanded-percentile bootstrap interval of the mean (\(bootstrapResamples) resamples)"),
                                   observations: ended, censored: y.count - ended, note: fitNote + "; " + note,
                                   scenarioValue: fit.summaryText))
    }

    /// The best family by AIC, scaled by `factor`, with an interval for its mean and a note
    /// naming the fit and the runners-up.
    func fitDistribution(_ y: [CensoredTime], factor: Double, families: [DurationFit.Family])
        -> (Distribution, (Double, Double)?, String)? {
        let fits = DurationFit.fitAll(y, families: families)
        guard let best = fits.first else { return nil }
        let d = best.distribution.scaled(by: factor)
        var interval: (Double, Double)?
        if best.family == .exponential, let e = CensoredMaximumLikelihood.exponentialMean(y, level: level) {
            interval = (e.lower * factor, e.upper * factor)
        } else {
            interval = bootstrapMean(y, best.family, factor: factor)
        }
        let aics = fits.map { "\($0.family.rawValue) \(String(format: "%.1f", $0.aic))" }.joined(separator: ", ")
        return (d, interval, "\(d.summaryText); AIC \(aics)")
    }

    /// Percentile interval of the fitted mean over resamples of the durations (cases drawn
    /// with replacement, censored ones with them; Efron and Tibshirani 1993), with the
    /// expanded percentiles of Hesterberg (2015): the tail share α/2 becomes
    /// Φ(−√(n/(n−1))·t_{n−1}(1 − α/2)), since plain percentile intervals are too narrow for the
    /// 15–60 durations a log typically has.
    func bootstrapMean(_ y: [CensoredTime], _ family: DurationFit.Family, factor: Double) -> (Double, Double)? {
        guard bootstrapResamples > 0 else { return nil }
        var means: [Double] = []
        var g = Xoshiro256StarStar(seed: seed, replication: UInt64(y.count), stream: 0xB00757)
        for _ in 0..<bootstrapResamples {
            let sample = (0..<y.count).map { _ in y[min(y.count - 1, Int(g.nextUnit() * Double(y.count)))] }
            if let f = DurationFit.fit(family, sample) { means.append(f.distribution.mean * factor) }
        }
        guard means.count >= bootstrapResamples / 2 else { return nil }
        means.sort()
        let n = Double(y.count)
        let alpha = y.count > 2
            ? NormalDistribution.cdf(-(n / (n - 1)).squareRoot() * StudentT.quantile(0.5 + level / 2, degreesOfFreedom: y.count - 1))
            : (1 - level) / 2
        return (Percentile.linear(means, alpha), Percentile.linear(means, 1 - alpha))
    }

    // MARK: Gates

    mutating func share(_ name: String, _ successes: Int, _ trials: Int, method: String = "share; Wilson interval", note: String = "") {
        guard trials > 0 else {
            rows.append(CalibrationRow(parameter: name, inScenario: false, estimate: nil, lower: nil, upper: nil, level: level,
                                       unit: "share", method: method, observations: 0, note: "no observations"))
            return
        }
        let w = WilsonInterval(successes: successes, trials: trials, confidence: level)
        rows.append(CalibrationRow(parameter: name, inScenario: false, estimate: Double(successes) / Double(trials),
                                   lower: w.lower, upper: w.upper, level: level, unit: "share", method: method,
                                   observations: trials, note: note))
    }

    mutating func gates(_ log: EventLog, _ o: LogObservations, _ base: Scenario, _ x: ModelExpectations) {
        share("observed: G0 approval share", o.g0Approved, o.g0Approved + o.g0Rejected,
              note: "mixes aligned and screened use cases; the screening strength is fitted by ABC")
        share("observed: data blocker share", o.abandoned + o.remediated, o.prepEnded,
              note: "blockerRate·(1 − r); blockerRate is fitted by ABC")
        if o.abandoned + o.remediated > 0 {
            let n = o.abandoned + o.remediated
            let w = WilsonInterval(successes: o.abandoned, trials: n, confidence: level)
            let p = Double(o.abandoned) / Double(n)
            scenario.stages.dataPrep.abandonOnBlocker = p
            rows.append(CalibrationRow(parameter: "stages.dataPrep.abandonOnBlocker", inScenario: true, estimate: p,
                                       lower: w.lower, upper: w.upper, level: level, unit: "share",
                                       method: "abandoned / (abandoned + remediated); Wilson interval", observations: n,
                                       note: "a remediation shows as a pilot starting after its data preparation ended"))
        }
        let trials = o.pilotSuccesses + o.pilotFailures
        share("observed: pilot success share", o.pilotSuccesses, trials)
        if trials > 0 {
            // p = baseSuccess · E[1 − dataSensitivity·(1 − r)] · E[c^−e] (5.5), r by each
            // pilot's domain in the base scenario.
            let ds = base.stages.pilot.dataSensitivity
            let readinessFactor = o.pilot.isEmpty ? 1 - ds * (1 - x.meanReadiness)
                : o.pilot.reduce(0) { $0 + 1 - ds * (1 - x.readiness(log.cases[$1.caseIndex].domain)) } / Double(o.pilot.count)
            let factor = readinessFactor * x.meanComplexityPower
            let w = WilsonInterval(successes: o.pilotSuccesses, trials: trials, confidence: level)
            let p = Double(o.pilotSuccesses) / Double(trials)
            scenario.stages.pilot.baseSuccess = min(1, p / factor)
            rows.append(CalibrationRow(parameter: "stages.pilot.baseSuccess", inScenario: true, estimate: min(1, p / factor),
                                       lower: min(1, w.lower / factor), upper: min(1, w.upper / factor), level: level,
                                       unit: "probability", method: "pilot success share divided by E[(1 − dataSensitivity·(1 − r))·c^−complexityExponent]; Wilson interval likewise",
                                       observations: trials,
                                       note: "divisor \(MetricFormat.figure(factor)) from the base scenario's readiness and complexity (confounded with them)"))
        }
        share("observed: G1 first approval share", o.g1FirstApproved, o.g1FirstApproved + o.g1FirstDenied,
              note: "base + (1 − base)·fit·evidence; the fit is fitted by ABC")
        share("observed: G1 approval share after rework", o.g1LaterApproved, o.g1LaterApproved + o.g1LaterDenied)
        for p in o.phaseChecks.indices {
            let name = p < base.stages.rollout.phases.count ? base.stages.rollout.phases[p].name : "\(p + 1)"
            share("observed: adoption share, phase \(p + 1) (\(name))", o.phaseAdopted[p], o.phaseChecks[p])
        }
        if let denials = o.maxDenialsBeforeStall {
            scenario.stages.scaleApproval.maxResubmissions = max(0, denials - 1)
            rows.append(CalibrationRow(parameter: "stages.scaleApproval.maxResubmissions", inScenario: true,
                                       estimate: Double(max(0, denials - 1)), lower: nil, upper: nil, level: level,
                                       unit: "resubmissions", method: "most G1 denials of a stalled case, minus 1; a lower bound", observations: o.stalled))
        }
    }

    // MARK: Rates per production-month

    mutating func rates(_ o: LogObservations, _ base: Scenario) {
        let detection = base.operations.monitoring ? base.operations.detectionMonths.monitored : base.operations.detectionMonths.unmonitored
        let valueMonths = o.valueMonthsAudited + o.valueMonthsUnaudited
        let driftExposure = valueMonths - o.driftedMonths - Double(o.driftDetections) * detection
        if driftExposure > 0, let r = CensoredMaximumLikelihood.poissonRate(events: o.driftDetections, exposure: driftExposure, level: level) {
            scenario.operations.driftPerYear = 12 * r.value
            rows.append(CalibrationRow(parameter: "operations.driftPerYear", inScenario: true, estimate: 12 * r.value,
                                       lower: 12 * r.lower, upper: 12 * r.upper, level: level, unit: "per year",
                                       method: "Poisson MLE per production-month; profile-likelihood interval", observations: o.driftDetections,
                                       note: "exposure \(MetricFormat.figure(driftExposure)) months with value, less detected-to-retrained time and the base's mean detection delay (\(MetricFormat.figure(detection)) months, not identified) per detection"))
        }
        let rollback = base.compliance.rollbackMonths.mean
        for (audited, count, left, months, path) in [
            (true, o.incidentsAudited, o.incidentMonthsLeftAudited, o.valueMonthsAudited, "compliance.incidentsPerYear.audited"),
            (false, o.incidentsUnaudited, o.incidentMonthsLeftUnaudited, o.valueMonthsUnaudited, "compliance.incidentsPerYear.unaudited"),
        ] {
            let exposure = months - left.reduce(0) { $0 + min(rollback, $1) }
            guard exposure > 0, let r = CensoredMaximumLikelihood.poissonRate(events: count, exposure: exposure, level: level) else { continue }
            if audited { scenario.compliance.incidentsPerYear.audited = 12 * r.value } else {
                scenario.compliance.incidentsPerYear.unaudited = 12 * r.value
            }
            rows.append(CalibrationRow(parameter: path, inScenario: true, estimate: 12 * r.value, lower: 12 * r.lower,
                                       upper: 12 * r.upper, level: level, unit: "per year",
                                       method: "Poisson MLE per production-month; profile-likelihood interval", observations: count,
                                       note: "exposure \(MetricFormat.figure(exposure)) months with value of \(audited ? "audited" : "unaudited") cases, less the base's rollback (\(MetricFormat.figure(rollback)) months) after each incident"))
        }
    }
}
