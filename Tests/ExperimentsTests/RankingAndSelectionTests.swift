import Testing
@testable import Experiments

@Suite struct RankingAndSelectionTests {
    /// The slippage configuration (best exactly δ above the rest) is the least favourable one,
    /// where KN's guarantee P(correct selection) ≥ 0.95 is tightest. Over 200 seeded trials the
    /// observed share has a binomial standard error of √(0.95·0.05/200) ≈ 0.015; we accept
    /// anything above 0.95 − 3 SE ≈ 0.904 (KN is conservative, so typically about 0.99).
    @Test(arguments: [true, false])
    func selectsTheKnownBestAtTheStatedProbability(higherIsBetter: Bool) {
        let delta = 0.5
        let sign = higherIsBetter ? 1.0 : -1.0
        let means = [0.0, 0.0, delta, 0.0].map { sign * $0 }
        let trials = 200
        var correct = 0
        var replications = 0
        for trial in 0..<trials {
            let s = RankingAndSelection.kimNelson(
                k: means.count, delta: delta, higherIsBetter: higherIsBetter, firstStage: 10) { i, r in
                    syntheticValue(trial: UInt64(trial) + 1000, system: i, replication: r, means: means)
                }
            #expect(!s.hitLimit)
            if s.selected == 2 { correct += 1 }
            replications += s.replicationsDrawn
        }
        let pcs = Double(correct) / Double(trials)
        let se = (0.95 * 0.05 / Double(trials)).squareRoot()
        #expect(pcs >= 0.95 - 3 * se, "P(correct selection) \(pcs) over \(trials) trials")
        #expect(replications > trials * 10)  // it did go beyond the first stage
    }

    @Test func skipsReplicationsWithUndefinedValuesForEveryone() {
        let means = [0.0, 1.0]
        var asked: Set<Int> = []
        let s = RankingAndSelection.kimNelson(k: 2, delta: 0.5, higherIsBetter: true, firstStage: 5) { i, r in
            asked.insert(r)
            return r % 3 == 0 && i == 0 ? nil : syntheticValue(trial: 1, system: i, replication: r, means: means)
        }
        #expect(s.selected == 1)
        #expect(asked.contains(0) && asked.contains(3))
    }

    @Test func stopsAtTheLimitWithTheBestRunningMean() {
        let s = RankingAndSelection.kimNelson(k: 3, delta: 1e-6, higherIsBetter: true, firstStage: 5,
                                              limit: 50) { i, r in
            syntheticValue(trial: 2, system: i, replication: r, means: [0, 0, 0.3])
        }
        #expect(s.hitLimit)
        #expect(s.replicationsDrawn == 50)
        #expect(s.selected != nil)
    }

    @Test func oneScenarioIsTheBest() {
        let s = RankingAndSelection.kimNelson(k: 1, delta: 1, higherIsBetter: true) { _, _ in 0 }
        #expect(s.selected == 0 && !s.hitLimit)
    }
}
