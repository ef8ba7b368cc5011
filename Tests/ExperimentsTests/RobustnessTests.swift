import Testing
@testable import Experiments

@Suite struct RobustnessTests {
    // Two worlds, three policies, higher is better. World 0: 3, 5, 4 → regrets 2, 0, 1;
    // world 1: 6, 2, undefined → regrets 0, 4, undefined.
    let values: [[Double?]] = [[3, 5, 4], [6, 2, nil]]
    // World 0: policy 1 is best and the others are separated (2 > 1.5, 1 > 0.5): a win.
    // World 1: policy 1's regret 4 is within its half-width 5: a tie with policy 0.
    let halfWidths: [[Double?]] = [[1.5, 0, 0.5], [0, 5, nil]]

    @Test func regretByHand() {
        #expect(Robustness.regrets(values, higherIsBetter: true) == [[2, 0, 1], [0, 4, nil]])
        #expect(Robustness.regrets(values, higherIsBetter: false) == [[0, 2, 1], [4, 0, nil]])
    }

    @Test func summariesByHand() throws {
        let s = Robustness.summaries(values: values, halfWidths: halfWidths, higherIsBetter: true, threshold: 4)
        #expect(s.map(\.worlds) == [2, 2, 1])
        #expect(s.map(\.mean) == [4.5, 3.5, 4])
        #expect(s.map(\.worst) == [3, 2, 4])
        #expect(s.map(\.regretMean) == [1, 2, 1])
        #expect(s.map(\.regretMax) == [2, 4, 1])
        // p90 of regrets {0, 2} by linear interpolation: 0 + 0.9·2.
        #expect(abs(try #require(s[0].regretP90) - 1.8) < 1e-12)
        #expect(abs(try #require(s[0].p10) - 3.3) < 1e-12)
        #expect(s.map(\.shareBest) == [0, 0.5, 0])
        #expect(s.map(\.shareBestOrTied) == [0.5, 1, 0])
        // Satisficing at ≥ 4: policy 0 meets it in world 1, policy 1 in world 0, policy 2 in
        // world 0 (undefined in world 1 does not meet it).
        #expect(s.map(\.shareMeetingThreshold) == [0.5, 0.5, 0.5])
    }

    @Test func satisficingFollowsTheDirectionAndNeedsEveryThreshold() {
        #expect(Robustness.meets(3, threshold: 4, higherIsBetter: false))
        #expect(!Robustness.meets(5, threshold: 4, higherIsBetter: false))
        #expect(Robustness.meets(4, threshold: 4, higherIsBetter: true))
        #expect(!Robustness.meets(nil, threshold: 4, higherIsBetter: true))
        // Two metrics over two worlds for two policies: policy 0 meets both only in world 0.
        let meeting: [[[Bool]]] = [[[true, true], [true, false]], [[true, false], [false, true]]]
        #expect(Robustness.shareMeetingAll(meeting, policies: 2) == [0.5, 0])
    }
}
