import Testing
import ProgramModel
@testable import Experiments

@Suite struct DiscoveryCaseTests {
    let policies = ["a", "b", "c"]
    let metrics: [ReplicationMetric] = [.npv, .timeToFirstValueMonths]

    @Test func theThreeFormsParseAndJudgeByTheMetricsDirection() throws {
        let beats = try DiscoveryCase(parsing: "b  beats a on time_to_first_value_months", policies: policies, metrics: metrics)
        #expect(beats.description == "b beats a on time_to_first_value_months")
        // Lower is better for a time.
        #expect(beats.holds(means: [20, 18, nil], metric: .timeToFirstValueMonths))
        #expect(!beats.holds(means: [18, 18, nil], metric: .timeToFirstValueMonths))
        // Clearly: by more than √(3² + 4²) = 5.
        let clearly = try DiscoveryCase(parsing: "a clearly beats b on npv", policies: policies, metrics: metrics)
        #expect(clearly.holds(means: [10, 4.9, nil], halfWidths: [3, 4, nil], metric: .npv))
        #expect(!clearly.holds(means: [10, 5, nil], halfWidths: [3, 4, nil], metric: .npv))
        #expect(!clearly.holds(means: [10, 0, nil], halfWidths: [3, nil, nil], metric: .npv))
        let sooner = try DiscoveryCase(parsing: "b clearly beats a on time_to_first_value_months", policies: policies, metrics: metrics)
        #expect(sooner.holds(means: [20, 14, nil], halfWidths: [3, 4, nil], metric: .timeToFirstValueMonths))
        let best = try DiscoveryCase(parsing: "c is best on npv", policies: policies, metrics: metrics)
        #expect(best.holds(means: [1, 2, 3], metric: .npv))
        #expect(!best.holds(means: [3, 2, 3], metric: .npv))  // an equal mean of an earlier policy wins the tie
        #expect(!best.holds(means: [1, 2, nil], metric: .npv))
        let below = try DiscoveryCase(parsing: "npv of a < 0", policies: policies, metrics: metrics)
        #expect(below.holds(means: [-1, 5, 5], metric: .npv) && !below.holds(means: [0, 5, 5], metric: .npv))
        let atLeast = try DiscoveryCase(parsing: "npv of a >= 0", policies: policies, metrics: metrics)
        #expect(atLeast.holds(means: [0, 5, 5], metric: .npv))
    }

    @Test(arguments: ["a beats a on npv", "a clearly beats a on npv", "a clearly b on npv", "d beats a on npv", "a beats b on roi", "npv of a < x", "a wins"])
    func badCasesAreRejected(text: String) {
        #expect(throws: DiscoveryCaseError.self) { try DiscoveryCase(parsing: text, policies: policies, metrics: metrics) }
    }
}
