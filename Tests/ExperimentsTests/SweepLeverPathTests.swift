import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// Sweep (and explore, which uses the same paths over the same full scenario tree) reach the
/// three levers of issue 13: `portfolio.prioritization` as a categorical, `teams.additions[0].month`
/// as a number, and the cost rates.
@Suite struct SweepLeverPathTests {
    private func plan(_ text: String, base: Scenario) throws -> SweepPlan {
        let file = try SweepFile.decode(json: try JSONParser.parse(text), file: "s.json")
        return try SweepPlan(file: file, baseTree: base.encode(), fileName: "s.json")
    }

    private var hireAsYouGo: Scenario {
        var s = Scenario()
        s.name = "hire"
        s.teams.delivery = 4
        s.teams.additions = [.init(month: 12, delivery: 4)]
        return s
    }

    @Test func gridOverPrioritizationAndAdditionMonthGivesTheScenarios() throws {
        let p = try plan("""
            {"name": "levers", "design": "grid",
             "parameters": [{"path": "portfolio.prioritization", "values": ["fifo", "value", "wsjf"]},
                            {"path": "teams.additions[0].month", "values": [6, 24]},
                            {"path": "economics.runCostPerMonth", "min": 0, "max": 10, "levels": 2}],
             "metrics": ["npv", "run_cost"]}
            """, base: hireAsYouGo)
        #expect(p.points.count == 12)
        let scenarios = try (0..<p.points.count).map { try p.scenario(point: $0) }
        #expect(scenarios.map(\.portfolio.prioritization) == [Scenario.Prioritization]([.fifo, .value, .wsjf])
            .flatMap { Array(repeating: $0, count: 4) })
        #expect(scenarios.map { $0.teams.additions[0].month } == [6, 6, 24, 24, 6, 6, 24, 24, 6, 6, 24, 24])
        #expect(scenarios.map(\.economics.runCostPerMonth) == [0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0, 10])
        // The rest of the addition stays as the base wrote it.
        #expect(scenarios.allSatisfy { $0.teams.additions[0].delivery == 4 && $0.teams.additions.count == 1 })
    }

    @Test func latinHypercubeOverTheAdditionMonthStaysInItsRange() throws {
        let p = try plan("""
            {"name": "when", "design": "lhs", "samples": 8, "seed": 3,
             "parameters": [{"path": "teams.additions[0].month", "min": 0, "max": 48}],
             "metrics": ["npv"]}
            """, base: hireAsYouGo)
        let months = try (0..<8).map { try p.scenario(point: $0).teams.additions[0].month }
        #expect(months.allSatisfy { (0...48).contains($0) })
        // One sample per stratum of width 6.
        #expect(Set(months.map { Int($0 / 6) }).count == 8)
    }

    @Test func invalidLeverValuesAreNamedAtTheirPoint() {
        do {
            _ = try plan("""
                {"name": "bad", "design": "grid",
                 "parameters": [{"path": "portfolio.prioritization", "values": ["fifo", "lifo"]}],
                 "metrics": ["npv"]}
                """, base: hireAsYouGo)
            Issue.record("expected an invalid point")
        } catch {
            let messages = (error as? ScenarioError)?.issues.map(\.description) ?? []
            #expect(messages == [#"s.json: $.parameters: point 1 (portfolio.prioritization = lifo) gives an invalid scenario: $.portfolio.prioritization: must be one of fifo, value, wsjf, got "lifo""#])
        }
        // A month beyond the horizon is refused the same way.
        #expect(throws: ScenarioError.self) {
            try plan("""
                {"name": "late", "design": "grid",
                 "parameters": [{"path": "teams.additions[0].month", "values": [61]}], "metrics": ["npv"]}
                """, base: hireAsYouGo)
        }
        // The baseline has no addition, so [0] addresses nothing there.
        #expect(throws: ScenarioError.self) {
            try plan("""
                {"name": "none", "design": "grid",
                 "parameters": [{"path": "teams.additions[0].month", "values": [6]}], "metrics": ["npv"]}
                """, base: Scenario())
        }
    }
}

/// The capacity chart draws the squads available from their series when a hiring plan changes
/// them, rather than the initial count as a constant.
@Suite struct CapacityChartHiringTests {
    private func rows(_ values: [Double]) -> [RunFolder.MonthRow] {
        values.enumerated().map { m, v in
            RunFolder.MonthRow(month: Double(m + 1), mean: v, p5: v, p25: v, p50: v, p75: v, p95: v)
        }
    }

    @Test func hiringShowsTheSquadsAvailableAtTheEnd() {
        let source = ChartSource(scenario: "hire", replications: 10, seed: 1)
        let hiring = CapacityChart.chart(series: ["squads_busy": rows([4, 4, 4, 6, 7]),
                                                  "squads_available": rows([4, 4, 4, 8, 8])],
                                         squads: 4, source: source)
        #expect(hiring.svg.contains("8 delivery squads"))
        #expect(!hiring.svg.contains("4 delivery squads"))
        let steady = CapacityChart.chart(series: ["squads_busy": rows([4, 4, 4]), "squads_available": rows([8, 8, 8])],
                                         squads: 8, source: source)
        #expect(steady.svg.contains("8 delivery squads"))
    }
}
