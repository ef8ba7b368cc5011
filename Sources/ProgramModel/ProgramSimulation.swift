import Foundation
import SimKernel

/// Runs replications of one scenario (MODEL.md sections 2–8).
///
/// One value per worker thread: it keeps its flat tables (use cases, squad pools, the event
/// list) and reuses their storage from one replication to the next. Each replication depends
/// on (seed, replication index) alone, so results never depend on which thread ran it.
public struct ProgramSimulation {
    let p: ModelParameters
    var queue = EventQueue<ModelEvent>(reservingCapacity: 512)
    var useCases: [UseCase] = []
    var pools: [ServerPool]
    var committee: SteeringCommittee
    var decided: [Int32] = []
    var readiness: [Double]
    /// Use cases deferred on each domain, in the order they started waiting (5.3).
    var deferredWaiters: [[Int32]]
    /// The domain each foundation squad is working on (6.2); -1 once it has stopped.
    var foundationDomain: [Int32]
    var ledger: ValueLedger
    var programRNG = Xoshiro256StarStar(seed: 0)
    var seed: UInt64 = 0
    var replication: UInt64 = 0
    var now = 0.0

    var result = ReplicationResult()
    var pilotsFinished = 0
    var productionSystems = 0
    var pilotsInProgress = 0
    var scaleUpsInProgress = 0
    /// Delivery squads, and all squads (delivery and foundation), that have joined (4.3).
    var deliverySquads = 0
    var joinedSquads = 0
    var ttvSum = 0.0, ttvCount = 0
    /// Use cases by the whole month of their time to value, ⌈ttv⌉ (at least 1): the
    /// `use_cases_valued_within` series is its running sum.
    var valuedByMonth: [Int] = []
    var p2pSum = 0.0, p2pCount = 0
    /// Durations of the work steps finished within the horizon (where the time goes).
    var steps = StepDurations()
    var g0WaitSum = 0.0, g0Count = 0
    var g1WaitSum = 0.0, g1Count = 0
    let monthCount: Int
    /// Month-end series that the scenario alone fixes, the same in every replication (see
    /// `fixedSeries`): shared by every result instead of appended to month by month.
    let squadsAvailableSeries: [Double]
    let squadCostSeries: [Double]?
    var nextMonth = 1
    /// Events handled over the simulation's lifetime, for throughput benchmarks.
    public private(set) var eventsProcessed = 0

    /// The event log, kept only by `runTraced`. A reference so that `note`, called with
    /// details that read the simulation's state, need not mutate the simulation itself.
    let traceLog = TraceLog()

    /// Compiles a validated scenario. (Scenarios read with `Scenario.decode` are validated; call
    /// `Scenario.validate()` on one built in code.)
    public init(scenario: Scenario) {
        p = ModelParameters(scenario)
        let disciplines = Self.squadDisciplines(p)
        pools = p.poolSizes.map { ServerPool(servers: $0, disciplines: disciplines) }
        committee = SteeringCommittee(cadence: scenario.governance.committee.cadenceMonths,
                                      capacity: scenario.governance.committee.capacity)
        readiness = p.initialReadiness
        deferredWaiters = Array(repeating: [], count: p.initialReadiness.count)
        foundationDomain = Array(repeating: -1, count: p.foundationSquads)
        ledger = ValueLedger(delta: p.discountPerMonth)
        monthCount = Int(scenario.horizonMonths.rounded(.down))
        (squadsAvailableSeries, squadCostSeries) = Self.fixedSeries(p, months: monthCount)
        valuedByMonth = Array(repeating: 0, count: monthCount + 1)
    }

    public var scenario: Scenario { p.scenario }

    /// Runs replication `replication` of the stream family `seed`.
    public mutating func run(seed: UInt64, replication: Int) -> ReplicationResult {
        traceLog.isRecording = false
        return simulate(seed: seed, replication: replication)
    }

    /// Runs one replication and returns its event log as well.
    public mutating func runTraced(seed: UInt64, replication: Int) -> (ReplicationResult, [TraceEvent]) {
        traceLog.events.removeAll()
        traceLog.isRecording = true
        let r = simulate(seed: seed, replication: replication)
        traceLog.isRecording = false
        return (r, traceLog.events)
    }

    mutating func simulate(seed: UInt64, replication: Int) -> ReplicationResult {
        reset(seed: seed, replication: replication)
        let s = p.scenario
        // At t = 0, in this order: foundation squads, the additions' joins, the first
        // committee meeting, the arrivals (sections 2, 4.3).
        for squad in 0..<s.teams.foundation {
            queue.schedule(at: 0, ModelEvent(kind: .foundationStart, subject: Int32(squad)))
        }
        scheduleSquadJoins()
        if s.governance.style != .federated && committee.nextMeetingTime <= p.horizon {
            queue.schedule(at: committee.nextMeetingTime, ModelEvent(kind: .committeeMeeting, subject: 0))
        }
        for _ in 0..<s.portfolio.initialUseCases {
            queue.schedule(at: 0, ModelEvent(kind: .arrival, subject: 0))
        }
        scheduleNextPoissonArrival()

        while let event = queue.popNext(notAfter: p.horizon) {
            recordMonthEnds(before: event.time)
            now = event.time
            eventsProcessed &+= 1
            handle(event.payload)
        }
        now = p.horizon
        recordMonthEnds(through: p.horizon)
        ledger.advance(to: p.horizon)
        return finish()
    }

    mutating func reset(seed: UInt64, replication: Int) {
        self.seed = seed
        self.replication = UInt64(replication)
        programRNG = Xoshiro256StarStar(seed: seed, replication: UInt64(replication), stream: 0)
        queue.removeAll()
        useCases.removeAll(keepingCapacity: true)
        for i in pools.indices { pools[i].reset() }
        committee.reset()
        readiness = p.initialReadiness
        for d in deferredWaiters.indices { deferredWaiters[d].removeAll(keepingCapacity: true) }
        for j in foundationDomain.indices { foundationDomain[j] = -1 }
        ledger = ValueLedger(delta: p.discountPerMonth)
        now = 0
        deliverySquads = p.scenario.teams.delivery
        joinedSquads = p.scenario.teams.delivery + p.scenario.teams.foundation
        chargeSquads()
        result = ReplicationResult()
        result.series = Array(repeating: [], count: SeriesMetric.allCases.count)
        result.series[SeriesMetric.squadsAvailable.rawValue] = squadsAvailableSeries
        if let squadCostSeries { result.series[SeriesMetric.cumulativeCost.rawValue] = squadCostSeries }
        for m in result.series.indices where result.series[m].isEmpty { result.series[m].reserveCapacity(monthCount) }
        pilotsFinished = 0
        productionSystems = 0
        pilotsInProgress = 0
        scaleUpsInProgress = 0
        ttvSum = 0; ttvCount = 0
        for m in valuedByMonth.indices { valuedByMonth[m] = 0 }
        p2pSum = 0; p2pCount = 0
        steps = StepDurations()
        g0WaitSum = 0; g0Count = 0
        g1WaitSum = 0; g1Count = 0
        nextMonth = 1
    }

    mutating func handle(_ e: ModelEvent) {
        let uc = Int(e.subject)
        switch e.kind {
        case .arrival: arrive(poisson: e.subject == 1)
        case .enterG0: enterDecision(uc, .g0)
        case .localDecision: decide(uc)
        case .committeeMeeting: holdCommitteeMeeting()
        case .dataPrepEnd: endDataPrep(uc)
        case .remediationEnd: startPilot(uc)
        case .pilotEnd: endPilot(uc)
        case .auditEnd: enterDecision(uc, .g1)
        case .reworkEnd: endRework(uc)
        case .scaleUpEnd: endScaleUp(uc)
        case .rolloutPhaseEnd: endRolloutPhase(uc)
        case .drift: drift(uc)
        case .driftDetected: requestSquad(uc, .retrain)
        case .retrainEnd: endRetraining(uc)
        case .incident: incident(uc)
        case .rollbackEnd: endRollback(uc)
        case .foundationStart: assignFoundationSquad(uc)
        case .foundationChunkEnd: endFoundationChunk(uc)
        case .squadsJoin: joinSquads(uc)
        }
    }

    /// Schedules `kind` for use case `uc` after `delay` months.
    @inline(__always)
    mutating func schedule(_ kind: ModelEventKind, _ uc: Int, after delay: Double) {
        queue.schedule(at: now + delay, ModelEvent(kind: kind, subject: Int32(uc)))
    }

    /// A duration drawn from the use case's own stream, clamped at 0 (section 3).
    @inline(__always)
    mutating func duration(_ sampler: Sampler, _ uc: Int) -> Double {
        Swift.max(0, sampler.sample(&useCases[uc].rng))
    }

    @inline(__always)
    func note(_ uc: Int, _ event: String, _ detail: @autoclosure () -> String = "") {
        if traceLog.isRecording {
            traceLog.events.append(TraceEvent(time: now, useCase: uc, event: event, detail: detail()))
        }
    }

    // MARK: Month-end series (section 7)

    /// Records every month end strictly before t: all events at t ≤ m have run by then.
    @inline(__always)
    mutating func recordMonthEnds(before t: Double) {
        while nextMonth <= monthCount && Double(nextMonth) < t { recordMonthEnd() }
    }

    mutating func recordMonthEnds(through t: Double) {
        while nextMonth <= monthCount && Double(nextMonth) <= t { recordMonthEnd() }
    }

    mutating func recordMonthEnd() {
        let m = Double(nextMonth)
        var busy = 0, waiting = 0
        // By index: iterating `pools` would copy each pool (and retain its queues).
        for i in pools.indices { busy &+= pools[i].busy; waiting &+= pools[i].waiting }
        let value = ledger.cumulative(at: m), cost = ledger.cumulativeCost(at: m)
        let production = Double(productionSystems), pilots = Double(pilotsInProgress)
        let costVaries = squadCostSeries == nil
        // One exclusive access to the outer array for all the appends.
        result.series.withUnsafeMutableBufferPointer { series in
            series[SeriesMetric.cumulativeValue.rawValue].append(value)
            series[SeriesMetric.productionSystems.rawValue].append(production)
            series[SeriesMetric.pilotsInProgress.rawValue].append(pilots)
            series[SeriesMetric.squadsBusy.rawValue].append(Double(busy))
            if costVaries { series[SeriesMetric.cumulativeCost.rawValue].append(cost) }
            series[SeriesMetric.squadBacklog.rawValue].append(Double(waiting))
        }
        nextMonth += 1
    }

    // MARK: The figures of one replication (section 7)

    mutating func finish() -> ReplicationResult {
        var r = result
        r.useCases = useCases.count
        for u in useCases {
            if u.stage == .deferred { r.deferred += 1 }
            if u.stage.isInPurgatory { r.inPurgatoryAtHorizon += 1 }
        }
        r.meanUseCaseTTVMonths = ttvCount > 0 ? ttvSum / Double(ttvCount) : nil
        var within = 0
        for m in stride(from: 1, through: monthCount, by: 1) {
            within += valuedByMonth[m]
            r.series[SeriesMetric.useCasesValuedWithin.rawValue].append(Double(within))
        }
        r.meanPilotToProductionMonths = p2pCount > 0 ? p2pSum / Double(p2pCount) : nil
        r.valueRealized = ledger.cumulative(at: p.horizon)
        recordCosts(into: &r)
        r.npv = ledger.npv(horizon: p.horizon)
        r.breakEvenMonth = ledger.breakEven(horizon: p.horizon)
        var waitSum = 0.0, granted = 0, busyMonths = 0.0, squadMonths = 0.0
        for pool in pools {
            waitSum += pool.waitSum
            granted += pool.grantedCount
            busyMonths += pool.busyTimeIntegral(upTo: p.horizon)
            squadMonths += pool.serverTimeIntegral(upTo: p.horizon)
        }
        r.meanTeamWaitMonths = granted > 0 ? waitSum / Double(granted) : nil
        r.meanG0WaitMonths = g0Count > 0 ? g0WaitSum / Double(g0Count) : nil
        r.meanG1WaitMonths = g1Count > 0 ? g1WaitSum / Double(g1Count) : nil
        // Each squad counted from the month it joins (6.7).
        r.squadUtilization = busyMonths / squadMonths
        r.finalMeanReadiness = readiness.reduce(0, +) / Double(readiness.count)
        r.meanDataPrepMonths = steps.mean(.dataPrep)
        r.meanPilotMonths = steps.mean(.pilot)
        r.meanScaleUpMonths = steps.mean(.scaleUp)
        r.meanRolloutMonths = steps.mean(.rollout)
        return r
    }
}
