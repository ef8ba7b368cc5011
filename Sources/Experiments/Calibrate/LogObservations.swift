/// What an event log shows, counted and timed stage by stage: the input of the direct
/// estimators, and (through ``LogStatistic``) the summary statistics that the approximate
/// Bayesian computation and the posterior predictive check compare.
///
/// Durations still running at the log's end are right-censored at it.
public struct LogObservations: Sendable {
    /// A stage duration and the case it belongs to (for per-case multipliers such as the
    /// domain's readiness).
    public struct Timed: Sendable, Equatable {
        public var time: CensoredTime
        public var caseIndex: Int
        /// Production systems when the stage started (used for scale-up, 5.7).
        public var productionSystems: Int = 0
    }

    public var asOfMonth = 0.0
    public var cases = 0
    /// Intakes at month 0: the initial portfolio (4.2).
    public var initialCases = 0
    public var g0Approved = 0, g0Rejected = 0
    public var prepEnded = 0, abandoned = 0, remediated = 0
    public var pilotsStarted = 0, pilotSuccesses = 0, pilotFailures = 0
    public var g1FirstApproved = 0, g1FirstDenied = 0, g1LaterApproved = 0, g1LaterDenied = 0
    public var stalled = 0, production = 0, scaled = 0, decommissioned = 0
    /// The most G1 denials a case had before it stalled (the resubmission limit + 1).
    public var maxDenialsBeforeStall: Int?
    /// Adoption checks at the end of each rollout phase: successes and trials.
    public var phaseAdopted: [Int] = [], phaseChecks: [Int] = []
    /// Phases completed by each scaled case (all should equal the scenario's phase count).
    public var phasesOfScaledCases: [Int] = []

    public var g0Decision: [Timed] = []
    public var prepSquadWait: [Timed] = []
    public var dataPrep: [Timed] = []
    public var pilot: [Timed] = []
    public var audit: [Timed] = []
    public var g1FirstDecision: [Timed] = []
    public var scaleSquadWait: [Timed] = []
    public var scaleUp: [Timed] = []
    public var phases: [[Timed]] = []

    /// Months with value (from the first successful rollout phase to the log's end), split by
    /// whether the case was audited (6.5).
    public var valueMonthsAudited = 0.0, valueMonthsUnaudited = 0.0
    public var incidentsAudited = 0, incidentsUnaudited = 0
    /// Months from each incident to the log's end, audited and not, for the rollback
    /// correction of the exposure.
    public var incidentMonthsLeftAudited: [Double] = [], incidentMonthsLeftUnaudited: [Double] = []
    public var driftDetections = 0
    /// Months between a detection and its retraining (or the log's end).
    public var driftedMonths = 0.0

    /// Remediation shows as a pilot starting later than its data preparation ended; this
    /// tolerance (about 40 minutes) keeps timestamps rounded to the second from counting.
    public static let remediationGapMonths = 1e-3

    public init(_ log: EventLog) {
        asOfMonth = log.asOfMonth
        cases = log.cases.count
        let end = log.asOfMonth
        // Production systems over time (5.7): +1 at each production, −1 at each decommission.
        var changes: [(month: Double, delta: Int)] = []
        for c in log.cases {
            for e in c.events {
                if e.activity == .production { changes.append((e.month, 1)) }
                if e.activity == .decommissioned { changes.append((e.month, -1)) }
            }
        }
        changes.sort { $0.month < $1.month }
        func productionSystems(at t: Double) -> Int {
            var n = 0
            for ch in changes where ch.month <= t { n += ch.delta }
            return n
        }

        for (ci, c) in log.cases.enumerated() {
            guard let intake = c.events.first, intake.activity == .intake else { continue }
            if intake.month == 0 { initialCases += 1 }
            var approvedAt: Double?, prepStartAt: Double?, prepEndAt: Double?, pilotStartAt: Double?
            var pilotSuccessAt: Double?, auditEndAt: Double?, g1ApprovedAt: Double?, scaleStartAt: Double?
            var scaleStartSystems = 0
            var phaseStartAt: Double?, phase = 0
            var g1Decisions = 0, denials = 0
            var valueFrom: Double?, audited = false
            var detectedAt: Double?
            var g0Done = false, g1Entered: Double?
            var closed = false
            for e in c.events.dropFirst() {
                let t = e.month
                switch e.activity {
                case .g0Approved, .g0Rejected:
                    g0Decision.append(Timed(time: CensoredTime(t - intake.month), caseIndex: ci))
                    g0Done = true
                    if e.activity == .g0Approved { g0Approved += 1; approvedAt = t } else { g0Rejected += 1; closed = true }
                case .dataPrepStart:
                    if let a = approvedAt { prepSquadWait.append(Timed(time: CensoredTime(t - a), caseIndex: ci)) }
                    approvedAt = nil
                    prepStartAt = t
                case .dataPrepEnd:
                    if let s = prepStartAt { dataPrep.append(Timed(time: CensoredTime(t - s), caseIndex: ci)) }
                    prepStartAt = nil
                    prepEnded += 1
                    prepEndAt = t
                case .abandonedData:
                    abandoned += 1
                    prepEndAt = nil
                    closed = true
                case .pilotStart:
                    if let p = prepEndAt, t - p > Self.remediationGapMonths { remediated += 1 }
                    prepEndAt = nil
                    pilotsStarted += 1
                    pilotStartAt = t
                case .pilotSuccess, .pilotFailure:
                    if let s = pilotStartAt { pilot.append(Timed(time: CensoredTime(t - s), caseIndex: ci)) }
                    pilotStartAt = nil
                    if e.activity == .pilotSuccess {
                        pilotSuccesses += 1
                        pilotSuccessAt = t
                        g1Entered = t
                    } else { pilotFailures += 1; closed = true }
                case .auditEnd:
                    if let s = pilotSuccessAt { audit.append(Timed(time: CensoredTime(t - s), caseIndex: ci)) }
                    pilotSuccessAt = nil
                    audited = true
                    auditEndAt = t
                    g1Entered = t
                case .g1Approved, .g1Denied:
                    if g1Decisions == 0 {
                        if let s = g1Entered { g1FirstDecision.append(Timed(time: CensoredTime(t - s), caseIndex: ci)) }
                        if e.activity == .g1Approved { g1FirstApproved += 1 } else { g1FirstDenied += 1 }
                    } else if e.activity == .g1Approved { g1LaterApproved += 1 } else { g1LaterDenied += 1 }
                    g1Decisions += 1
                    g1Entered = nil
                    pilotSuccessAt = nil
                    if e.activity == .g1Approved { g1ApprovedAt = t } else { denials += 1 }
                case .stalledPurgatory:
                    stalled += 1
                    maxDenialsBeforeStall = max(maxDenialsBeforeStall ?? 0, denials)
                    closed = true
                case .scaleUpStart:
                    if let a = g1ApprovedAt { scaleSquadWait.append(Timed(time: CensoredTime(t - a), caseIndex: ci)) }
                    g1ApprovedAt = nil
                    scaleStartAt = t
                    // This case is not yet in production; systems that reached it at this very
                    // moment (and released the squad) are.
                    scaleStartSystems = productionSystems(at: t)
                case .production:
                    if let s = scaleStartAt {
                        scaleUp.append(Timed(time: CensoredTime(t - s), caseIndex: ci, productionSystems: scaleStartSystems))
                    }
                    scaleStartAt = nil
                    production += 1
                    phaseStartAt = t
                    phase = 0
                case .rolloutPhaseEnd, .adoptionStalled:
                    addPhase(phase, phaseStartAt.map { t - $0 }, censored: false, ci, adopted: e.activity == .rolloutPhaseEnd)
                    if e.activity == .rolloutPhaseEnd {
                        if valueFrom == nil { valueFrom = t }
                        phase += 1
                        phaseStartAt = t
                    } else { phaseStartAt = nil }
                case .scaled:
                    scaled += 1
                    phasesOfScaledCases.append(phase)
                    phaseStartAt = nil
                case .decommissioned:
                    decommissioned += 1
                    closed = true
                case .driftDetected:
                    driftDetections += 1
                    detectedAt = t
                case .retrained:
                    if let d = detectedAt { driftedMonths += t - d }
                    detectedAt = nil
                case .incident:
                    if audited {
                        incidentsAudited += 1
                        incidentMonthsLeftAudited.append(end - t)
                    } else {
                        incidentsUnaudited += 1
                        incidentMonthsLeftUnaudited.append(end - t)
                    }
                case .intake:
                    break
                }
            }
            // What is still under way at the log's end is censored there.
            if !closed {
                if !g0Done { g0Decision.append(Timed(time: CensoredTime(end - intake.month, censored: true), caseIndex: ci)) }
                if let a = approvedAt { prepSquadWait.append(Timed(time: CensoredTime(end - a, censored: true), caseIndex: ci)) }
                if let s = prepStartAt { dataPrep.append(Timed(time: CensoredTime(end - s, censored: true), caseIndex: ci)) }
                if prepEndAt != nil { remediated += 1 }
                if let s = pilotStartAt { pilot.append(Timed(time: CensoredTime(end - s, censored: true), caseIndex: ci)) }
                if let s = pilotSuccessAt, g1Decisions == 0 {
                    audit.append(Timed(time: CensoredTime(end - s, censored: true), caseIndex: ci))
                }
                if let s = g1Entered, g1Decisions == 0, auditEndAt != nil || pilotSuccessAt == nil {
                    g1FirstDecision.append(Timed(time: CensoredTime(end - s, censored: true), caseIndex: ci))
                }
                if let a = g1ApprovedAt { scaleSquadWait.append(Timed(time: CensoredTime(end - a, censored: true), caseIndex: ci)) }
                if let s = scaleStartAt {
                    scaleUp.append(Timed(time: CensoredTime(end - s, censored: true), caseIndex: ci, productionSystems: scaleStartSystems))
                }
                if let s = phaseStartAt { addPhase(phase, end - s, censored: true, ci, adopted: nil) }
            }
            if let v = valueFrom {
                if audited { valueMonthsAudited += end - v } else { valueMonthsUnaudited += end - v }
            }
            if let d = detectedAt { driftedMonths += end - d }
        }
    }

    private mutating func addPhase(_ phase: Int, _ duration: Double?, censored: Bool, _ ci: Int, adopted: Bool?) {
        while phases.count <= phase {
            phases.append([])
            phaseAdopted.append(0)
            phaseChecks.append(0)
        }
        if let duration { phases[phase].append(Timed(time: CensoredTime(duration, censored: censored), caseIndex: ci)) }
        if let adopted {
            phaseChecks[phase] += 1
            if adopted { phaseAdopted[phase] += 1 }
        }
    }

    static func times(_ timed: [Timed]) -> [CensoredTime] { timed.map(\.time) }
}
