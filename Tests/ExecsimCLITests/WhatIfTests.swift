import Foundation
import Testing
@testable import ExecsimCLI
import Experiments
import ProgramModel

/// `--set PATH=VALUE` and `--name` on run, compare, trace and validate.
@Suite struct WhatIfTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    @Test func runAppliesTheSettingsNamesTheScenarioAndRecordsBoth() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = run(["run", shippedScenario("hybrid"), "--set", "teams.delivery=12", "--set=governance.style=federated",
                     "--set", "dataDomains[*].readiness=0.7", "--name", "hybrid-12", "--replications", "10",
                     "--out", out, "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        let written = try Scenario.load(contentsOf: out + "/hybrid-12/scenario.json")
        var expected = try Scenario.load(contentsOf: shippedScenario("hybrid"))
        expected.name = "hybrid-12"
        expected.teams.delivery = 12
        expected.governance.style = .federated
        for i in expected.dataDomains.indices { expected.dataDomains[i].readiness = 0.7 }
        expected.seed = written.seed
        expected.replications = 10
        #expect(written == expected)
        let manifest = try JSONParser.parse(try String(contentsOfFile: out + "/hybrid-12/manifest.json", encoding: .utf8))
        #expect(manifest["set"] == .array(["teams.delivery=12", "governance.style=federated", "dataDomains[*].readiness=0.7"].map { .string($0) }))
    }

    @Test func invalidValuesAreInvalidInputNamingTheSetArgument() {
        let r = run(["validate", shippedScenario("baseline"), "--set", "teams.delivery=0"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("--set teams.delivery=0: $.teams.delivery: must be a whole number at least 1, got 0"))
        let t = run(["trace", "--set", "governance.style=centralised"])
        #expect(t.code == 65)
        #expect(t.stderr.contains(#"--set governance.style=centralised: $.governance.style: must be one of centralized, federated, hybrid, got "centralised""#))
        let p = run(["validate", shippedScenario("baseline"), "--set", "teams.squads=3"])
        #expect(p.code == 65)
        #expect(p.stderr.contains("--set teams.squads=3: $:") && p.stderr.contains("'squads'"))
    }

    @Test func malformedSettingsAreUsageErrors() {
        let r = run(["validate", shippedScenario("baseline"), "--set", "teams.delivery"])
        #expect(r.code == 64)
        #expect(r.stderr.contains("'--set'") && r.stderr.contains("teams.delivery=12"))
    }

    @Test func compareTakesThemToo() {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // The same setting on both files: the names stay apart, so the comparison runs.
        let r = run(["compare", shippedScenario("baseline"), shippedScenario("more-squads"), "--set", "horizonMonths=24",
                     "--replications", "5", "--out", out, "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect((try? Scenario.load(contentsOf: out + "/runs/more-squads/scenario.json"))?.horizonMonths == 24)
        // --name on two files gives them one name: refused like any duplicate.
        #expect(run(["compare", shippedScenario("baseline"), shippedScenario("more-squads"), "--name", "x",
                     "--out", out, "--quiet"]).code == 65)
    }
}
