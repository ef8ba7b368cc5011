import Foundation
import Testing
import StrictJSON
@testable import ProgramModel

private func problems(_ body: String) -> [String] {
    do {
        _ = try Scenario.parse(#"{"name": "x", "# + body + "}", file: "s.json")
        return []
    } catch {
        return error.issues.map { "\($0.path): \($0.message)" }
    }
}

/// Every count and size has a stated maximum (docs/limits.md) that `validate` enforces, and
/// values that cannot advance time or imply more events than a bound are refused with the
/// bound in the message: they used to validate and then trap, hang or exhaust memory.
@Suite struct ScenarioLimitTests {
    @Test(arguments: [
        (#""horizonMonths": 5e18"#, "$.horizonMonths: must be at most 1200, got 5e+18"),
        (#""horizonMonths": "101y""#, "$.horizonMonths: must be at most 1200, got 1212"),
        (#""businessUnits": 4294967296"#, "$.businessUnits: must be a whole number at most 1000, got 4294967296"),
        (#""replications": 1e12"#, "$.replications: must be a whole number at most 100000000, got 1000000000000"),
        (#""portfolio": {"initialUseCases": 250000}"#, "$.portfolio.initialUseCases: must be a whole number at most 200000, got 250000"),
        (#""teams": {"delivery": 123456789}"#, "$.teams.delivery: must be a whole number at most 100000, got 123456789"),
        (#""teams": {"costPerMonth": 1e300}"#, "$.teams.costPerMonth: must be at most 1000000000, got 1e+300"),
        (#""operations": {"driftPerYear": 5e5}"#, "$.operations.driftPerYear: must be at most 1000, got 500000"),
        (#""compliance": {"incidentsPerYear": {"unaudited": 1e308}}"#, "$.compliance.incidentsPerYear.unaudited: must be at most 1000, got 1e+308"),
        (#""stages": {"scaleApproval": {"maxResubmissions": 4611686018427387904}}"#, "$.stages.scaleApproval.maxResubmissions: must be a whole number at most 100, got 4.611686018427388e+18"),
        (#""seed": 3e19"#, "$.seed: must be a whole number at most 9007199254740992, got 3e+19"),
    ])
    func perFieldMaximaAreRefusedNamingTheMaximum(body: String, issue: String) {
        #expect(problems(body) == [issue])
    }

    @Test func committeeMeetingsBeyondTheBoundAreRefusedWithTheSmallestCadence() {
        let found = problems(#""horizonMonths": 100, "governance": {"committee": {"cadenceMonths": 1e-250}}"#)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("$.governance.committee.cadenceMonths: implies 9.99") == true)
        #expect(found.first?.hasSuffix("committee meetings over the horizon (horizonMonths / cadenceMonths); at most 100,000, so at least 0.001 months here") == true)
        #expect(problems(#""horizonMonths": 100, "governance": {"committee": {"cadenceMonths": 0.001}}"#).isEmpty)
    }

    @Test func foundationChunksBeyondTheBoundAreRefused() {
        // 40 squads in chunks of a day over 60 months: 73,050 chunks, within the bound.
        #expect(problems(#""teams": {"foundation": 40}, "dataFoundation": {"chunkMonths": "1d"}"#).isEmpty)
        #expect(problems(#""teams": {"foundation": 400}, "dataFoundation": {"chunkMonths": 1e-4}"#)
            == ["$.dataFoundation.chunkMonths: implies 240,000,000 foundation work chunks over the horizon (teams.foundation × horizonMonths / chunkMonths); at most 10,000,000"])
    }

    @Test func useCasesAndOperationsEventsAreEstimatedBeforeRunning() {
        #expect(problems(#""horizonMonths": 1200, "portfolio": {"initialUseCases": 0, "arrivalsPerMonth": 500, "arrivalsUntilMonth": 1200}"#)
            .contains("$.portfolio: implies 600,000 use cases per replication (initialUseCases + arrivalsPerMonth × months of arrivals); at most 200,000"))
        // Arrivals stop at the horizon: 500 a month over 60 months is 30,000.
        #expect(problems(#""portfolio": {"arrivalsPerMonth": 500, "arrivalsUntilMonth": 1200}"#).isEmpty)
        #expect(problems(#""portfolio": {"initialUseCases": 100000, "arrivalsPerMonth": 0}, "operations": {"driftPerYear": 1000}, "compliance": {"incidentsPerYear": {"audited": 0, "unaudited": 0}}"#)
            == ["$.operations.driftPerYear: with the incident rates, implies up to 500,000,000 drift and incident events per replication (use cases × years × rates); at most 10,000,000"])
    }

    @Test func aNameLongerThanAFolderNameIsRefused() {
        let long = String(repeating: "ü", count: 101)  // 202 bytes
        #expect(throws: DocumentError.self) { try Scenario.parse(#"{"name": "\#(long)"}"#, file: "s.json") }
        #expect((try? Scenario.parse(#"{"name": "\#(String(repeating: "ü", count: 100))"}"#, file: "s.json")) != nil)
    }

    @Test func duplicateArchetypeNamesAreRefused() {
        #expect(problems(#""portfolio": {"archetypes": [{"name": "pilot"}, {"name": "scale"}, {"name": "pilot"}]}"#)
            == [#"$.portfolio.archetypes[2].name: duplicate name "pilot" (first used at $.portfolio.archetypes[0].name)"#])
    }

    @Test func aScenarioAtTheMaximaRunsWithoutTrapping() {
        var s = Scenario()
        s.horizonMonths = ScenarioLimits.horizonMonths
        s.businessUnits = 50
        s.teams.delivery = 50
        s.teams.placement = .perBusinessUnit
        s.teams.costPerMonth = ScenarioLimits.costPerMonth
        s.stages.scaleApproval.maxResubmissions = ScenarioLimits.resubmissions
        s.stages.scaleApproval.reworkMonths = .fixed(0)
        #expect(throws: Never.self) { try s.validate() }
        var sim = ProgramSimulation(scenario: s)
        let r = sim.run(seed: 3, replication: 0)
        #expect(r.cost.isFinite && r.npv.isFinite)
        #expect(r.monthEnds.months == 1200)
    }
}
