import Testing
import SimKernel
@testable import ProgramModel

/// Delivery squads: placement, priority classes, and coupling of scale-up (MODEL.md 4.3, 5.7).
@Suite struct SquadTests {
    /// 5 squads over 4 units: squad b goes to unit b mod 4, so unit 0 has 2 and the others 1.
    /// Every pilot takes 2 months and fails (releasing its squad), so the i-th use case of a
    /// unit with s squads starts at ⌊i/s⌋·2, whatever the other units are doing.
    @Test func perBusinessUnitSquadsServeOnlyTheirOwnUnit() throws {
        var s = exactScenario(useCases: 16, squads: 5, horizon: 30)
        s.businessUnits = 4
        s.teams.placement = .perBusinessUnit
        s.stages.pilot.duration = .fixed(2)
        s.stages.pilot.baseSuccess = 0
        var sim = ProgramSimulation(scenario: s)
        #expect(sim.p.poolSizes == [2, 1, 1, 1])
        // b mod B, not contiguous blocks (which would give [2, 1, 2, 1] and [3, 2, 2]).
        for (delivery, units, sizes) in [(6, 4, [2, 2, 1, 1]), (7, 3, [3, 2, 2]), (4, 4, [1, 1, 1, 1])] {
            var other = s
            other.teams.delivery = delivery
            other.businessUnits = units
            #expect(ProgramSimulation(scenario: other).p.poolSizes == sizes)
        }
        let (r, trace) = sim.runTraced(seed: 11, replication: 0)

        var seen = [0, 0, 0, 0]
        var expectedWaits: [Double] = []
        for arrival in trace.named("arrive") {
            let unit = try #require(Int(arrival.field("unit") ?? ""))
            let squads = unit == 0 ? 2 : 1
            let expected = Double(seen[unit] / squads) * 2
            #expect(trace.time("data_prep_start", arrival.useCase) == expected,
                    "use case \(arrival.useCase) of unit \(unit)")
            expectedWaits.append(expected)
            seen[unit] += 1
        }
        // The layout must exercise unit 0's two squads and a queue in a one-squad unit.
        #expect(seen[0] >= 3, "units: \(seen)")
        #expect(seen[1...].contains { $0 >= 2 }, "units: \(seen)")
        #expect(close(r.meanTeamWaitMonths, expectedWaits.reduce(0, +) / 16))
    }

    /// Class 0 retraining before class 1 scale-up before class 2 new work, first come first
    /// served within a class, non-preemptive.
    ///
    /// Exact part, one squad, 4 use cases at 0 (pilot 1, scale-up 2): the pilot of 0 ends at 1
    /// and the squad goes to 1's pilot (released before 0 asks for scale-up); at 2 it goes to
    /// 0's scale-up although 2 and 3 have waited since 0.
    /// Replay part: over a busy run with drift, every grant from the queue must be the first
    /// request of the lowest waiting class, and holds of the one squad never overlap.
    @Test func freedSquadGoesToRetrainingThenScaleUpThenNewWork() throws {
        var s = exactScenario(useCases: 8, squads: 1, horizon: 60)
        s.stages.rollout.phases = [.init(name: "all", share: 1, duration: .fixed(0.5))]
        s.operations.driftPerYear = 6
        s.operations.monitoring = true
        s.operations.detectionMonths.monitored = 0
        s.operations.retrainDuration = .fixed(1)
        let (r, trace) = traced(s, seed: 5)

        #expect(trace.time("data_prep_start", 1) == 1)
        #expect(trace.time("scale_up_start", 0) == 2)
        #expect(trace.time("scale_up_start", 1) == 4, "scale-up of 1 (queued at 2) before 2's new work")
        #expect(try #require(trace.time("data_prep_start", 2)) >= 6)

        func startClass(_ event: String) -> Int? {
            switch event {
            case "retrain_start": 0
            case "scale_up_start": 1
            case "data_prep_start": 2
            default: nil
            }
        }
        var waiting: [(uc: Int, cls: Int, order: Int)] = []
        var overtakes = [String: Int]()
        for (order, e) in trace.enumerated() {
            if e.event == "squad_queued" {
                waiting.append((e.useCase, try #require(Int(e.field("class") ?? "")), order))
            } else if let cls = startClass(e.event) {
                if let i = waiting.firstIndex(where: { $0.uc == e.useCase && $0.cls == cls }) {
                    let best = waiting.min { ($0.cls, $0.order) < ($1.cls, $1.order) }!
                    #expect(best.uc == e.useCase && best.cls == cls,
                            "at \(e.time): \(e.event) of \(e.useCase) while \(best) waits")
                    for w in waiting where w.order < waiting[i].order && w.cls > cls {
                        overtakes["\(cls) over \(w.cls)", default: 0] += 1
                    }
                    waiting.remove(at: i)
                } else {
                    #expect(waiting.isEmpty, "at \(e.time): \(e.event) of \(e.useCase) served at once while others wait")
                }
            }
        }
        #expect(overtakes["0 over 1", default: 0] > 0, "\(overtakes)")
        #expect(overtakes["0 over 2", default: 0] > 0, "\(overtakes)")
        #expect(overtakes["1 over 2", default: 0] > 0, "\(overtakes)")

        // Holds of the single squad: prep+pilot, scale-up, retraining; none may overlap.
        var holds: [(start: Double, end: Double)] = []
        var open: [Int: Double] = [:]
        let endsOfHold: Set<String> = ["pilot_succeeded", "failed_technical", "abandoned_data", "reached_production", "retrain_end"]
        for e in trace {
            if startClass(e.event) != nil {
                #expect(open[e.useCase] == nil)
                open[e.useCase] = e.time
            } else if endsOfHold.contains(e.event), let start = open.removeValue(forKey: e.useCase) {
                holds.append((start, e.time))
            }
        }
        for start in open.values { holds.append((start, s.horizonMonths)) }
        holds.sort { $0.start < $1.start }
        for (a, b) in zip(holds, holds.dropFirst()) {
            #expect(b.start >= a.end, "hold \(b) starts inside \(a)")
        }
        let busy = holds.reduce(0) { $0 + $1.end - $1.start }
        #expect(close(r.squadUtilization, busy / s.horizonMonths))
    }

    /// Scale-up lasts base·c·(1 + k·L), L production systems when it starts; eventDriven
    /// multiplies k by eventDrivenFactor. One squad, c = 1.5 (pilot 1.5, scale-up 3):
    /// 0 scales up at 3 with L = 0, 1 at 6 with L = 1, 2 at 10.8 (event-driven: 10.575) with L = 2.
    @Test(arguments: [false, true])
    func scaleUpDurationGrowsWithProductionSystems(eventDriven: Bool) throws {
        var s = exactScenario(useCases: 3, squads: 1)
        s.portfolio.archetypes[0].complexity = .fixed(1.5)
        s.architecture.coupling = 0.1
        s.architecture.eventDriven = eventDriven
        s.architecture.eventDrivenFactor = 0.25
        let (_, trace) = traced(s)
        let starts = trace.named("scale_up_start")
        #expect(starts.map(\.useCase) == [0, 1, 2])
        #expect(starts.map { $0.number("production_systems") } == [0, 1, 2])
        let k = eventDriven ? 0.025 : 0.1
        for (L, start) in starts.enumerated() {
            let expected = 2 * 1.5 * (1 + k * Double(L))
            #expect(close(start.number("duration"), expected), "L = \(L)")
            #expect(close(trace.time("reached_production", start.useCase), start.time + expected))
        }
        #expect(starts.map(\.time)[0...1] == [3, 6])
    }
}
