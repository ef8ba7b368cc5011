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
            queue.schedule(at: t, ModelEvent(kind: .arrival, subject: 1))
        }
    }

    mutating func arrive(poisson: Bool) {
        let index = useCases.count
        useCases.append(makeUseCase(index: index))
        if poisson { scheduleNextPoissonArrival() }
        let u = useCases[index]
        note(index, "arrive", "unit=\(u.unit) domain=\(p.domainNames[Int(u.domain)]) value_per_month=\(u.valuePerMonth) complexity=\(u.complexity) high_risk=\(u.highRisk) aligned=\(u.aligned)")
        let planning = p.scenario.strategy.planningMonths
        if p.scenario.strategy.approach == .sequential && now < planning {
            // Arrivals are processed in order, so the FIFO tie rule of the event list makes the
            // held use cases enter G0 in arrival order.
            useCases[index].stage = .planningHold
            queue.schedule(at: planning, ModelEvent(kind: .enterG0, subject: Int32(index)))
            note(index, "planning_hold", "until=\(planning)")
        } else {
            enterDecision(index, .g0)
        }
    }

    /// Draws a use case's attributes from its own stream, always in the same order and with
    /// a fixed number of uniform draws for the discrete ones, so that scenarios differing
    /// only in, say, the number of archetypes still see aligned streams.
    func makeUseCase(index: Int) -> UseCase {
        var rng = Xoshiro256StarStar(seed: seed, replication: replication, stream: UInt64(index) + 1)
        let pick = rng.nextUnit() * p.totalArchetypeWeight
        var a = p.archetypes[p.archetypes.count - 1]
        for candidate in p.archetypes where pick < candidate.cumulativeWeight {
            a = candidate
            break
        }
        let value = a.valuePerMonth.sample(&rng)
        let complexity = Swift.max(0.05, a.complexity.sample(&rng))
        let highRisk = rng.bernoulli(a.highRiskShare)
        let aligned = rng.bernoulli(a.alignedShare)
        let unit = Swift.min(p.businessUnits - 1, Int(rng.nextUnit() * Double(p.businessUnits)))
        let d = Swift.min(a.domains.count - 1, Int(rng.nextUnit() * Double(a.domains.count)))
        return UseCase(rng: rng, arrival: now, valuePerMonth: value, complexity: complexity,
                       highRisk: highRisk, aligned: aligned, unit: Int32(unit),
                       domain: a.domains[d], fit: p.baseFit)
    }
}
