import Foundation
import SimKernel

/// Runs replications of one scenario (MODEL.md sections 2–8).
///
/// The value holds one replication's whole state, and each run replaces it whole: the
/// initializer gives every field its starting value, so nothing a replication changes can leak
/// into the next, and a new field cannot be forgotten in a reset. Only the storage of the flat
/// tables (use cases, squad queues, the event list) is handed from one replication to the next,
/// emptied, so a worker thread that owns one value allocates almost nothing per replication.
/// Each replication depends on (seed, replication index) alone, so results never depend on
/// which thread ran it.
///
/// Performance: the non-mutating helpers the event handlers call (probabilities, routing, the
/// new use case) are `@inline(__always)`; called out of line from a mutating handler, each
/// call would copy the whole state (about 600 bytes) first.
public struct ProgramSimulation {
    let p: ModelParameters
    /// `Xoshiro256StarStar.replicationKey` of (seed, replication): every stream of the
    /// replication is opened from it.
    let streamKey: UInt64
    var queue: EventQueue<ModelEvent>
    /// Rows written in place (no copy-on-write check per write); emptied at each start.
    var useCases: EntityTable<UseCase>
    var pools: [ServerPool]
    var committee: SteeringCommittee
    var readiness: [Double]
    /// Use cases deferred on each domain, in the order they started waiting (5.3).
    var deferredWaiters: [[Int32]]
    /// The domain each foundation squad is working on (6.2); -1 once it has stopped.
    var foundationDomain: [Int32]
    var ledger: ValueLedger
    var programRNG: Xoshiro256StarStar
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
    /// The month-end values recorded as the replication runs, one row of `monthCount` per
    /// series (`monthEnds[series.rawValue * monthCount + month - 1]`), copied into the result at
    /// the end: a store per value rather than an append to each series every month.
    var monthEnds: [Double]
    /// Month-end series that the scenario alone fixes, the same in every replication (see
    /// `fixedSeries`): computed once, and copied into each result rather than recorded month by month.
    let squadsAvailableSeries: [Double]
    let squadCostSeries: [Double]?
    var nextMonth = 1
    /// Events handled in the last replication, for throughput benchmarks.
    public internal(set) var eventsProcessed = 0
    /// The event log, kept only by `runTraced`.
    var trace: TraceRecorder

    /// Compiles a validated scenario. (Scenarios read with `Scenario.decode` are validated; call
    /// `Scenario.validate()` on one built in code.)
    public init(scenario: Scenario) {
        self.init(parameters: ModelParameters(scenario))
    }

    /// A simulation of an already compiled scenario: build the parameters once and give them
    /// to every worker.
    public init(parameters: ModelParameters) {
        self.init(parameters, seed: 0, replication: 0, tracing: false, recycling: RecycledStorage(parameters))
    }

    /// Replication `replication` of stream family `seed` at time 0, every field fresh except
    /// the recycled tables' capacity.
    init(_ p: ModelParameters, seed: UInt64, replication: UInt64, tracing: Bool,
         recycling storage: RecycledStorage) {
        self.p = p
        streamKey = Xoshiro256StarStar.replicationKey(seed: seed, replication: replication)
        programRNG = Xoshiro256StarStar(replicationKey: streamKey, stream: 0)
        queue = storage.queue
        useCases = storage.useCases
        pools = storage.pools
        committee = storage.committee
        deferredWaiters = storage.deferredWaiters
        readiness = storage.readiness
        foundationDomain = storage.foundationDomain
        ledger = ValueLedger(delta: p.discountPerMonth)
        trace = TraceRecorder(recording: tracing)
        squadsAvailableSeries = storage.squadsAvailableSeries
        squadCostSeries = storage.squadCostSeries
        valuedByMonth = storage.valuedByMonth
        monthEnds = storage.monthEnds
        deliverySquads = p.scenario.teams.delivery
        joinedSquads = p.scenario.teams.delivery + p.scenario.teams.foundation
        chargeSquads()
    }

    /// The tables whose storage one replication hands to the next, in their starting state.
    struct RecycledStorage {
        var queue: EventQueue<ModelEvent>
        var useCases: EntityTable<UseCase>
        var pools: [ServerPool]
        var committee: SteeringCommittee
        var deferredWaiters: [[Int32]]
        var readiness: [Double]
        var foundationDomain: [Int32]
        var valuedByMonth: [Int]
        var monthEnds: [Double]
        /// Not tables but the scenario's fixed series, computed once and handed on as they are.
        let squadsAvailableSeries: [Double]
        let squadCostSeries: [Double]?

        /// New tables, for the first replication.
        init(_ p: ModelParameters) {
            queue = EventQueue(reservingCapacity: 512)
            useCases = EntityTable(reservingCapacity: 128)
            let disciplines = ProgramSimulation.squadDisciplines(p)
            pools = p.poolSizes.map { ServerPool(servers: $0, disciplines: disciplines) }
            committee = SteeringCommittee(cadence: p.scenario.governance.committee.cadenceMonths,
                                          capacity: p.scenario.governance.committee.capacity)
            deferredWaiters = Array(repeating: [], count: p.initialReadiness.count)
            readiness = p.initialReadiness
            foundationDomain = Array(repeating: -1, count: p.foundationSquads)
            valuedByMonth = Array(repeating: 0, count: p.monthCount + 1)
            monthEnds = Array(repeating: 0, count: SeriesMetric.allCases.count * p.monthCount)
            (squadsAvailableSeries, squadCostSeries) = ProgramSimulation.fixedSeries(p, months: p.monthCount)
        }

        /// Moves the tables out of a finished replication and empties them, keeping their
        /// capacity. Empty values are left behind first, so the tables are uniquely referenced
        /// here and are emptied in place.
        init(taking s: inout ProgramSimulation) {
            // Emptied before it is taken: the rows are then this simulation's alone (see
            // `EntityTable`), and the old state that still refers to them is about to go.
            s.useCases.removeAll()
            queue = s.queue
            useCases = s.useCases
            pools = s.pools
            committee = s.committee
            deferredWaiters = s.deferredWaiters
            readiness = s.readiness
            foundationDomain = s.foundationDomain
            valuedByMonth = s.valuedByMonth
            // Every month end is written before it is read, so the values need no reset.
            monthEnds = s.monthEnds
            squadsAvailableSeries = s.squadsAvailableSeries
            squadCostSeries = s.squadCostSeries
            s.queue = EventQueue()
            s.pools = []
            s.committee = SteeringCommittee(cadence: committee.cadence, capacity: committee.capacity)
            s.deferredWaiters = []
            s.readiness = []
            s.foundationDomain = []
            s.valuedByMonth = []
            s.monthEnds = []

            queue.removeAll()
            for i in pools.indices { pools[i].reset() }
            committee.reset()
            for d in deferredWaiters.indices { deferredWaiters[d].removeAll(keepingCapacity: true) }
            for d in readiness.indices { readiness[d] = s.p.initialReadiness[d] }
            for j in foundationDomain.indices { foundationDomain[j] = -1 }
            for m in valuedByMonth.indices { valuedByMonth[m] = 0 }
        }
    }

    public var scenario: Scenario { p.scenario }

    /// Month ends recorded in the series, 1...⌊horizon⌋ (section 7).
    var monthCount: Int { p.monthCount }

    /// Runs replication `replication` of the stream family `seed`.
    public mutating func run(seed: UInt64, replication: Int) -> ReplicationResult {
        start(seed: seed, replication: replication, tracing: false)
        return simulate()
    }

    /// Runs one replication and returns its event log as well.
    public mutating func runTraced(seed: UInt64, replication: Int) -> (ReplicationResult, [TraceEvent]) {
        start(seed: seed, replication: replication, tracing: true)
        let r = simulate()
        return (r, trace.events)
    }

    /// Replaces the whole state with replication `replication`'s starting state.
    mutating func start(seed: UInt64, replication: Int, tracing: Bool) {
        self = ProgramSimulation(p, seed: seed, replication: UInt64(replication), tracing: tracing,
                                 recycling: RecycledStorage(taking: &self))
    }

    mutating func simulate() -> ReplicationResult {
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
        if s.portfolio.initialUseCases > 0 {
            queue.schedule(at: 0, ModelEvent(kind: .initialArrivals, subject: 0))
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

    mutating func handle(_ e: ModelEvent) {
        let uc = Int(e.subject)
        switch e.kind {
        case .initialArrivals: arriveAtStart()
        case .poissonArrival: arrive(poisson: true)
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

    // MARK: Month-end series (section 7)

    /// Records every month end strictly before t: all events at t ≤ m have run by then.
    @inline(__always)
    mutating func recordMonthEnds(before t: Double) {
        while nextMonth <= p.monthCount && Double(nextMonth) < t { recordMonthEnd() }
    }

    mutating func recordMonthEnds(through t: Double) {
        while nextMonth <= p.monthCount && Double(nextMonth) <= t { recordMonthEnd() }
    }

    mutating func recordMonthEnd() {
        let m = Double(nextMonth)
        var busy = 0, waiting = 0
        // By index: iterating `pools` would copy each pool (and retain its queues).
        for i in pools.indices { busy &+= pools[i].busy; waiting &+= pools[i].waiting }
        let value = ledger.cumulative(at: m), cost = ledger.cumulativeCost(at: m)
        let production = Double(productionSystems), pilots = Double(pilotsInProgress)
        let n = p.monthCount, month = nextMonth - 1
        precondition(month < n, "a month end past the last recorded month")
        // One exclusive access for all the stores; month < monthCount keeps them in bounds.
        monthEnds.withUnsafeMutableBufferPointer { table in
            table[SeriesMetric.cumulativeValue.rawValue * n + month] = value
            table[SeriesMetric.productionSystems.rawValue * n + month] = production
            table[SeriesMetric.pilotsInProgress.rawValue * n + month] = pilots
            table[SeriesMetric.squadsBusy.rawValue * n + month] = Double(busy)
            table[SeriesMetric.cumulativeCost.rawValue * n + month] = cost
            table[SeriesMetric.squadBacklog.rawValue * n + month] = Double(waiting)
        }
        nextMonth += 1
    }

    // MARK: The figures of one replication (section 7)

    mutating func finish() -> ReplicationResult {
        var r = result
        let n = monthCount
        // A copy: the table is reused by the next replication.
        var values = monthEnds.withUnsafeBufferPointer { Array($0) }
        values.withUnsafeMutableBufferPointer { table in
            func row(_ metric: SeriesMetric) -> UnsafeMutableBufferPointer<Double> {
                UnsafeMutableBufferPointer(rebasing: table[(metric.rawValue * n)..<((metric.rawValue + 1) * n)])
            }
            _ = row(.squadsAvailable).update(fromContentsOf: squadsAvailableSeries)
            if let squadCostSeries { _ = row(.cumulativeCost).update(fromContentsOf: squadCostSeries) }
            let valued = row(.useCasesValuedWithin)
            var within = 0
            for m in stride(from: 1, through: n, by: 1) {
                within += valuedByMonth[m]
                valued[m - 1] = Double(within)
            }
        }
        r.monthEnds = MonthEndSeries(months: n, values: values)
        r.useCases = useCases.count
        for u in useCases {
            if u.stage == .deferred { r.deferred += 1 }
            if u.stage.isInPurgatory { r.inPurgatoryAtHorizon += 1 }
        }
        r.meanUseCaseTTVMonths = ttvCount > 0 ? ttvSum / Double(ttvCount) : nil
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
