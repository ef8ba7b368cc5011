import Testing
@testable import Experiments

/// Kim–Nelson stops early, and says why, when no number of replications can separate the
/// scenarios: a metric that is never defined, or scenarios identical on it.
@Suite struct SelectionStopTests {
    @Test func identicalScenariosStopAfterTheStatedReplicationsAsATie() {
        var drawn = 0
        let selection = RankingAndSelection.kimNelson(k: 3, delta: 5, higherIsBetter: true, limit: 1_000_000) { i, r in
            drawn = max(drawn, r + 1)
            return Double((r * 7919) % 101) + (i == 2 ? -50 : 0)  // 0 and 1 identical, 2 far behind
        }
        guard case .identical(let scenarios, let n)? = selection.stopped else {
            Issue.record("no identical stop: \(selection)"); return
        }
        #expect(scenarios == [0, 1])
        #expect(n == RankingAndSelection.giveUpAfter)
        #expect(selection.selected == 0)
        #expect(drawn == RankingAndSelection.giveUpAfter)
    }

    @Test func aNeverDefinedMetricStopsWithinTheStatedReplications() {
        var drawn = 0
        let selection = RankingAndSelection.kimNelson(k: 2, delta: 0.1, higherIsBetter: true, limit: 1_000_000) { i, r in
            drawn = max(drawn, r + 1)
            return i == 1 ? nil : 1.0
        }
        #expect(selection.stopped == .undefined(scenario: 1, replications: RankingAndSelection.giveUpAfter))
        #expect(selection.selected == nil)
        #expect(drawn == RankingAndSelection.giveUpAfter)
    }

    @Test func scenariosEqualAtFirstAreNotCalledIdenticalWhenTheyLaterDiffer() {
        // Equal in the first 300 replications, then scenario 1 is better by 10 every time.
        let selection = RankingAndSelection.kimNelson(k: 2, delta: 1, higherIsBetter: true, limit: 1_000_000) { i, r in
            Double(r % 13) + (i == 1 && r >= 300 ? 10 : 0)
        }
        #expect(selection.stopped == nil)
        #expect(selection.selected == 1)
        #expect(!selection.hitLimit)
    }

    @Test func sparseButDefinedValuesAreStillUsed() {
        // Defined in one replication of 500: the gaps stay below the stated run of 1000.
        let selection = RankingAndSelection.kimNelson(k: 2, delta: 1, higherIsBetter: false, limit: 200_000) { i, r in
            r % 500 == 0 ? Double(r % 7) + (i == 0 ? 5 : 0) : nil
        }
        #expect(selection.stopped == nil)
        #expect(selection.selected == 1)
    }
}
