import Testing
@testable import Experiments
import SimKernel

/// Normal data with known means and a component shared by all systems in a replication, as
/// common random numbers give: value(i, r) = μᵢ + 0.7·Z_r + 0.7·Zᵢ_r.
func syntheticValue(trial: UInt64, system: Int, replication: Int, means: [Double]) -> Double {
    var shared = Xoshiro256StarStar(seed: trial, replication: UInt64(replication), stream: 0)
    var own = Xoshiro256StarStar(seed: trial, replication: UInt64(replication), stream: UInt64(system) + 1)
    return means[system] + 0.7 * shared.standardNormal() + 0.7 * own.standardNormal()
}

@Suite struct MultipleComparisonsWithBestTests {
    @Test func handComputedTwoSystems() throws {
        // diffs 1, 1, 2, 1: mean 1.25, sd 0.5; one-sided t(0.95, 3) = 2.3533634348018233 (SciPy).
        let mcb = MultipleComparisonsWithBest(values: [[1, 2, 3, 4], [0, 1, 1, 3]], higherIsBetter: true)
        let w = 2.3533634348018233 * 0.5 / 2
        #expect(mcb.n == 4)
        #expect(mcb.verdicts == [.best, .notBest])
        #expect(mcb.low[0] == 0 && mcb.high[1] == 0)
        #expect(abs(try #require(mcb.high[0]) - (1.25 + w)) < 1e-9)
        #expect(abs(try #require(mcb.low[1]) + (1.25 + w)) < 1e-9)
        // Lower is better: the same data make the second system best, intervals in its units.
        let lower = MultipleComparisonsWithBest(values: [[1, 2, 3, 4], [0, 1, 1, 3]], higherIsBetter: false)
        #expect(lower.verdicts == [.notBest, .best])
        #expect(lower.low[0] == 0 && lower.high[1] == 0)
        #expect(abs(try #require(lower.high[0]) - (1.25 + w)) < 1e-9)
        #expect(abs(try #require(lower.low[1]) + (1.25 + w)) < 1e-9)
        #expect(lower.sampleBest(higherIsBetter: false) == 1)
    }

    @Test func picksAKnownBestAndRulesOutTheRest() {
        let means = [0.0, 0.2, 1.0, 0.1, 0.0]
        let values = means.indices.map { i in
            (0..<200).map { r -> Double? in syntheticValue(trial: 7, system: i, replication: r, means: means) }
        }
        let mcb = MultipleComparisonsWithBest(values: values, higherIsBetter: true)
        #expect(mcb.verdicts == [.notBest, .notBest, .best, .notBest, .notBest])
        #expect(mcb.sampleBest(higherIsBetter: true) == 2)
        let flipped = MultipleComparisonsWithBest(values: values.map { $0.map { $0.map { -$0 } } },
                                                  higherIsBetter: false)
        #expect(flipped.verdicts == mcb.verdicts)
    }

    @Test func equalSystemsStayContenders() {
        let means = [0.0, 0.0, 0.0]
        let values = means.indices.map { i in
            (0..<100).map { r -> Double? in syntheticValue(trial: 3, system: i, replication: r, means: means) }
        }
        let mcb = MultipleComparisonsWithBest(values: values, higherIsBetter: true)
        #expect(!mcb.verdicts.contains(.best))
        #expect(mcb.verdicts.contains(.contender))
    }

    @Test func identicalScenariosAreTiedContendersNotBest() {
        // Same values in every replication: every difference and its width is exactly 0.
        let same: [Double?] = [3, 1, 4, 1, 5, 9, 2, 6]
        let mcb = MultipleComparisonsWithBest(values: [same, same], higherIsBetter: true)
        #expect(mcb.verdicts == [.contender, .contender])
        #expect(mcb.low == [0, 0] && mcb.high == [0, 0])
        #expect(mcb.marks == [.contender, .contender])
        // A third, clearly worse scenario is ruled out; the two tied ones stay contenders.
        let worse = same.map { $0.map { $0 - 10 } }
        let three = MultipleComparisonsWithBest(values: [same, worse, same], higherIsBetter: true)
        #expect(three.verdicts == [.contender, .notBest, .contender])
        #expect(three.marks == [.contender, .none, .contender])
    }

    @Test func marksFollowTheVerdictsNotTheMeans() {
        // One separated best: ★ for it and no ☆ for anyone, whatever the other means.
        #expect(BestMark.marks([.notBest, .best, .contender]) == [.none, .best, .none])
        // Nobody separated: every contender is ☆, the ruled-out are not.
        #expect(BestMark.marks([.contender, .notBest, .contender]) == [.contender, .none, .contender])
        // The baseline (index 0 here) is eligible like any other.
        #expect(BestMark.marks(verdictTexts: ["best", "not best", nil]) == [.best, .none, .none])
        #expect(BestMark.marks(verdictTexts: ["contender", "contender"]).map(\.symbol) == ["☆", "☆"])
    }
}
