import Testing
@testable import ProgramModel

/// Every validation error of the three levers (MODEL.md 9): the file, the JSON path and what
/// would be valid, pinned in full.
@Suite struct LeverValidationTests {
    private func problems(_ body: String) -> [String] {
        do {
            _ = try Scenario.parse(#"{"name": "x", "# + body + "}", file: "plan.json")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func prioritizationAndEstimateError() {
        #expect(problems(#""portfolio": {"prioritization": "lifo"}"#)
            == [#"plan.json: $.portfolio.prioritization: must be one of fifo, value, wsjf, got "lifo""#])
        #expect(problems(#""portfolio": {"prioritization": 1}"#)
            == ["plan.json: $.portfolio.prioritization: must be one of fifo, value, wsjf, got a number"])
        #expect(problems(#""portfolio": {"valueEstimateP90Ratio": 0.5}"#)
            == ["plan.json: $.portfolio.valueEstimateP90Ratio: must be at least 1, got 0.5"])
        #expect(problems(#""portfolio": {"valueEstimateP90Ratio": "2"}"#)
            == ["plan.json: $.portfolio.valueEstimateP90Ratio: expected a number, got a string"])
        #expect(problems(#""portfolio": {"prioritisation": "wsjf"}"#)
            == ["plan.json: $.portfolio.prioritisation: unknown key 'prioritisation'; did you mean 'prioritization'?"])
    }

    @Test func additionMonths() {
        #expect(problems(#""teams": {"additions": [{"month": 61, "delivery": 1}]}"#)
            == ["plan.json: $.teams.additions[0].month: must be a month in [0, horizonMonths = 60], got 61"])
        #expect(problems(#""teams": {"additions": [{"month": 12}, {"month": -1, "delivery": 1}]}"#)
            == ["plan.json: $.teams.additions[1].month: must be at least 0, got -1"])
        // Against the file's own horizon, and months may be duration strings: "6y" is 72 months.
        #expect(problems(#""horizonMonths": 36, "teams": {"additions": [{"month": "6y"}]}"#)
            == ["plan.json: $.teams.additions[0].month: must be a month in [0, horizonMonths = 36], got 72"])
        #expect(problems(#""teams": {"additions": [{"month": "2y", "delivery": 1}]}"#) == [])
        #expect(problems(#""teams": {"additions": [{"month": "soon"}]}"#)
            == [#"plan.json: $.teams.additions[0].month: expected a duration (a number of months or a string like "10d", "6w", "3mo", "1.5y"), got "soon""#])
        #expect(problems(#""teams": {"additions": [{"delivery": 2}]}"#)
            == ["plan.json: $.teams.additions[0]: missing field 'month'"])
        // A negative month is refused on its own; with an invalid horizon that is all that can be judged.
        #expect(problems(#""horizonMonths": 0, "teams": {"additions": [{"month": 5}, {"month": -2}]}"#)
            == ["plan.json: $.horizonMonths: must be greater than 0, got 0",
                "plan.json: $.teams.additions[1].month: must be at least 0, got -2"])
        // Month 0 and the horizon itself are both valid.
        #expect(problems(#""teams": {"additions": [{"month": 0, "delivery": 1}, {"month": 60, "foundation": 1}]}"#) == [])
    }

    @Test func additionCountsAndShape() {
        #expect(problems(#""teams": {"additions": [{"month": 1, "delivery": -1}]}"#)
            == ["plan.json: $.teams.additions[0].delivery: must be a whole number at least 0, got -1"])
        #expect(problems(#""teams": {"additions": [{"month": 1, "foundation": 1.5}]}"#)
            == ["plan.json: $.teams.additions[0].foundation: expected a whole number, got 1.5"])
        #expect(problems(#""teams": {"additions": [{"month": 1, "squads": 2}]}"#)
            == ["plan.json: $.teams.additions[0].squads: unknown key 'squads'; valid keys: month, delivery, foundation"])
        #expect(problems(#""teams": {"additions": {"month": 1}}"#)
            == ["plan.json: $.teams.additions: expected a list, got an object"])
        #expect(problems(#""teams": {"additions": [3]}"#)
            == ["plan.json: $.teams.additions[0]: expected an object, got a number"])
        // An empty list is the default; counts default to 0.
        #expect(problems(#""teams": {"additions": []}"#) == [])
        let s = try? Scenario.parse(#"{"name": "x", "teams": {"additions": [{"month": 3}]}}"#, file: "plan.json")
        #expect(s?.teams.additions == [Scenario.SquadAddition(month: 3, delivery: 0, foundation: 0)])
    }

    @Test func negativeCosts() {
        #expect(problems(#""economics": {"pilotCostPerMonth": -1, "scaleUpCostPerMonth": -0.5, "runCostPerMonth": -2}"#)
            == ["plan.json: $.economics.pilotCostPerMonth: must be at least 0, got -1",
                "plan.json: $.economics.scaleUpCostPerMonth: must be at least 0, got -0.5",
                "plan.json: $.economics.runCostPerMonth: must be at least 0, got -2"])
        #expect(problems(#""economics": {"runCostPerMonth": true}"#)
            == ["plan.json: $.economics.runCostPerMonth: expected a number, got true"])
    }
}
