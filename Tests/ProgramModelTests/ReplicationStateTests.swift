import Testing
@testable import ProgramModel

/// Each replication replaces the simulation's whole state, so nothing of one replication can
/// reach the next on the same worker (issue 10, item 5).
@Suite struct ReplicationStateTests {
    /// Every part of the state in play: a committee, foundation squads, deferrals, drift,
    /// incidents and rework.
    private func busyScenario() -> Scenario {
        var s = Scenario()
        s.strategy.approach = .sequential
        s.teams.foundation = 2
        s.governance.style = .hybrid
        return s
    }

    @Test func aWorkersTenthReplicationEqualsTheSameReplicationRunAlone() {
        for scenario in [Scenario(), busyScenario()] {
            let parameters = ModelParameters(scenario)
            var worker = ProgramSimulation(parameters: parameters)
            // Nine others first, from two seeds and out of order, one of them traced.
            for (seed, replication) in [(7, 3), (7, 0), (8, 12), (7, 1), (8, 2), (7, 40), (9, 9), (7, 5), (7, 6)] as [(UInt64, Int)] {
                if replication == 12 {
                    _ = worker.runTraced(seed: seed, replication: replication)
                } else {
                    _ = worker.run(seed: seed, replication: replication)
                }
            }
            let tenth = worker.run(seed: 7, replication: 4)
            var alone = ProgramSimulation(scenario: scenario)
            let reference = alone.run(seed: 7, replication: 4)
            #expect(tenth == reference)
            #expect(worker.eventsProcessed == alone.eventsProcessed)
            #expect(worker.trace.events.isEmpty, "an untraced replication keeps no log")
            #expect(reference.pilotsStarted > 0 && reference.useCases > 20, "the replication must do something")
        }
    }

    /// A copy of a simulation is independent of the original (the trace is a value too).
    @Test func copiesDoNotShareState() {
        var a = ProgramSimulation(scenario: busyScenario())
        let (_, traceA) = a.runTraced(seed: 3, replication: 0)
        let arrivalsA = a.useCases.map(\.arrival), stagesA = a.useCases.map(\.stage)
        var b = a
        _ = b.runTraced(seed: 3, replication: 1)
        #expect(a.trace.events == traceA)
        #expect(b.trace.events != traceA)
        // The use-case rows are written in place (EntityTable): the copy must have taken rows
        // of its own when it started.
        #expect(a.useCases.map(\.arrival) == arrivalsA && a.useCases.map(\.stage) == stagesA)
        #expect(b.useCases.map(\.arrival) != arrivalsA)
    }
}
