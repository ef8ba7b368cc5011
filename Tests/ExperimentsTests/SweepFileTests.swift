import Foundation
import Testing
import ProgramModel
@testable import Experiments

@Suite struct SweepFileTests {
    private func issues(_ text: String) -> [String] {
        do throws(ScenarioError) {
            let json = try! JSONParser.parse(text)
            let file = try SweepFile.decode(json: json, file: "s.json")
            _ = try SweepPlan(file: file, baseTree: Scenario().encode(), fileName: "s.json")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func theIssueExampleRunsWithThreeLevelsForItsRange() throws {
        let text = """
            {"name": "squads-vs-readiness", "base": "../scenarios/baseline.json", "design": "grid",
             "replications": 500, "seed": 7,
             "parameters": [
               {"path": "teams.delivery", "values": [6, 8, 10, 12]},
               {"path": "governance.style", "values": ["centralized", "federated", "hybrid"]},
               {"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.8}],
             "metrics": ["pilot_to_scale_rate", "time_to_first_value_months"]}
            """
        #expect(issues(text) == [])
        // Without `levels` the range is cut at min, middle and max: 4 × 3 × 3 points.
        let file = try SweepFile.decode(json: try JSONParser.parse(text), file: "s.json")
        let plan = try SweepPlan(file: file, baseTree: Scenario().encode(), fileName: "s.json")
        #expect(plan.points.count == 36)
        let readiness = plan.points.compactMap { point -> Double? in
            if case .number(let x)? = point[2] { return x } else { return nil }
        }
        #expect(Array(Set(readiness)).sorted() == [0.2, 0.5, 0.8])
    }

    @Test func everyIssueNamesFileAndPath() {
        let found = issues("""
            {"name": "x", "design": "lhs", "samples": 0, "seedd": 1,
             "parameters": [{"path": "teams.delivery", "min": 8, "max": 2},
                            {"path": "nope.here", "min": 0, "max": 1},
                            {"path": "teams.delivery", "values": [1], "low": 1}],
             "metrics": ["pilot_to_scale_rate", "speed"]}
            """)
        #expect(found.contains("s.json: $.seedd: unknown key 'seedd'; did you mean 'seed'?"))
        #expect(found.contains("s.json: $.samples: must be a whole number at least 1, got 0"))
        #expect(found.contains("s.json: $.parameters[0].max: must be greater than min (8), got 2"))
        #expect(found.contains("s.json: $.parameters[2].low: unknown key 'low'; valid keys: path, values, min, max, integer"))
        #expect(found.contains { $0.hasPrefix("s.json: $.metrics[1]: unknown metric 'speed'; valid: use_cases,") })
    }

    @Test func pathAddressingNothingIsAnErrorAtItsParameter() {
        let found = issues("""
            {"name": "x", "design": "oat", "parameters": [{"path": "teams.squads", "low": 1, "high": 2}],
             "metrics": ["cost"]}
            """)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("s.json: $.parameters[0].path: 'teams.squads' addresses nothing: teams has no field 'squads'"))
    }

    @Test func designPointsThatGiveInvalidScenariosAreNamed() {
        let found = issues("""
            {"name": "x", "design": "grid", "parameters": [{"path": "teams.delivery", "values": [2, 0]}],
             "metrics": ["cost"]}
            """)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("s.json: $.parameters: point 1 (teams.delivery = 0) gives an invalid scenario: $.teams.delivery:"))
    }

    @Test func designSpecificKeys() {
        let found = issues("""
            {"name": "x", "design": "morris", "levels": 3,
             "parameters": [{"path": "teams.delivery", "values": [1, 2]}], "metrics": ["cost"]}
            """)
        #expect(found.contains("s.json: $: missing field 'trajectories' (a morris design needs it)"))
        #expect(found.contains { $0.hasPrefix("s.json: $.levels: expected an even number") })
        #expect(found.contains("s.json: $.parameters[0].values: unknown key 'values'; valid keys: path, min, max, integer"))
    }
}
