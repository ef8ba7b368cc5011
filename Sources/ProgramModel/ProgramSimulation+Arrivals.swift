import SimKernel

/// Arrivals and use-case attributes (MODEL.md 4.1, 4.2) and the planning hold (5.1).
extension ProgramSimulation {
    /// The Poisson arrivals draw from the program stream (section 8), up to
    /// min(arrivalsUntilMonth, horizon).
    mutating func scheduleNextPoissonArrival() {
        let rate = p.scenario.portfolio.arrivalsPerMonth
        guard rate > 0 else { return }
        let t = now + programRNG.exponential(mean: 1 / rate)
        if t <= Swift.min(p.scenario.portfolio.arrivalsUntilMonth, p.horizon) {
            queue.schedule(at: t, ModelEvent(kind: .poissonArrival, subject: 0))
        }
    }

    /// The use cases present at t = 0 arrive one after another in a single event. As events of
    /// their own, scheduled one after another at t = 0, they would run in the same order with
    /// nothing between them (whatever they schedule at t = 0 comes after the last of them), so
    /// this only saves the event list the work; each still counts as a model event.
    mutating func arriveAtStart() {
        let count = p.scenario.portfolio.initialUseCases
        for _ in 0..<count { arrive(poisson: false) }
        eventsProcessed &+= count &- 1
    }

    mutating func arrive(poisson: Bool) {
        let index = useCases.count
        useCases.append(makeUseCase(index: index))
        if poisson { scheduleNextPoissonArrival() }
        if trace.isRecording { trace.note(now, index, "arrive", Self.arrivalDetail(useCases[index], p)) }
        let planning = p.scenario.strategy.planningMonths
        if p.scenario.strategy.approach == .sequential && now < planning {
            // Arrivals are processed in order, so the FIFO tie rule of the event list makes the
            // held use cases enter G0 in arrival order.
            useCases[index].stage = .planningHold
            queue.schedule(at: planning, ModelEvent(kind: .enterG0, subject: Int32(index)))
            if trace.isRecording { trace.note(now, index, "planning_hold", "until=\(planning)") }
        } else {
            enterDecision(index, .g0)
        }
    }

    static func arrivalDetail(_ u: UseCase, _ p: ModelParameters) -> String {
        let ranked = p.ranksWork ? " rank=\(u.rank)" : ""
        return "unit=\(u.unit) domain=\(p.domainNames[Int(u.domain)]) value_per_month=\(u.valuePerMonth) complexity=\(u.complexity) high_risk=\(u.highRisk) aligned=\(u.aligned)\(ranked)"
    }

    /// Draws a use case's attributes from its own stream, always in the same order and with
    /// a fixed number of uniform draws for the discrete ones, so that scenarios differing
    /// only in, say, the number of archetypes still see aligned streams.
    @inline(__always)
    func makeUseCase(index: Int) -> UseCase {
        var rng = Xoshiro256StarStar(replicationKey: streamKey, stream: UInt64(index) + 1)
        let pick = rng.nextUnit() * p.totalArchetypeWeight
        // Indexing rather than binding an archetype avoids copying its samplers per use case.
        var a = p.archetypes.count - 1
        for i in p.archetypes.indices where pick < p.archetypes[i].cumulativeWeight {
            a = i
            break
        }
        let value = p.archetypes[a].valuePerMonth.sample(&rng)
        let complexity = Swift.max(0.05, p.archetypes[a].complexity.sample(&rng))
        let highRisk = rng.bernoulli(p.archetypes[a].highRiskShare)
        let aligned = rng.bernoulli(p.archetypes[a].alignedShare)
        let unit = Swift.min(p.businessUnits - 1, Int(rng.nextUnit() * Double(p.businessUnits)))
        let domainCount = p.archetypes[a].domains.count
        let d = Swift.min(domainCount - 1, Int(rng.nextUnit() * Double(domainCount)))
        let rank = workRank(value: value, complexity: complexity, rng: &rng)
        return UseCase(rng: rng, arrival: now, valuePerMonth: value, complexity: complexity,
                       highRisk: highRisk, aligned: aligned, unit: Int32(unit),
                       domain: p.archetypes[a].domains[d], fit: p.baseFit, rank: rank)
    }
}
