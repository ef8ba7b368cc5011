import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// "path: message" for every issue of `text`, in reported order; [] when it decodes.
private func problems(_ text: String) -> [String] {
    do {
        _ = try Scenario.parse(text, file: "plan.json")
        return []
    } catch {
        return error.issues.map { "\($0.path): \($0.message)" }
    }
}

/// The issues of a file that is `{"name": "x", <body>}`.
private func problems(body: String) -> [String] {
    problems(#"{"name": "x", "# + body + "}")
}

private func decoded(_ body: String) throws -> Scenario {
    try Scenario.parse(#"{"name": "x", "# + body + "}", file: "plan.json")
}

private let durationExpectation = #"a duration (a number of months or a string like "10d", "6w", "3mo", "1.5y")"#

@Suite struct ScenarioDecodingTests {
    // MARK: Defaults, merging, lists

    @Test func nameOnlyGivesTheDefaults() throws {
        var expected = Scenario()
        expected.name = "x"
        #expect(try Scenario.parse(#"{"name": "x"}"#, file: "plan.json") == expected)
    }

    @Test func objectsMergeKeyByKey() throws {
        let s = try decoded(#""governance": {"committee": {"capacity": 3}, "style": "hybrid"}, "teams": {"foundation": 2}"#)
        var expected = Scenario()
        expected.name = "x"
        expected.governance.committee.capacity = 3
        expected.governance.style = .hybrid
        expected.teams.foundation = 2
        #expect(s == expected)
        #expect(s.governance.committee.cadenceMonths == 1)
    }

    @Test func topLevelOptionalFields() throws {
        let s = try decoded(#""description": "d", "seed": 42, "replications": 500"#)
        #expect(s.description == "d")
        #expect(s.seed == 42)
        #expect(s.replications == 500)
    }

    @Test func listsReplaceTheDefaultAndElementsTakeDefaults() throws {
        let s = try decoded("""
            "portfolio": {"archetypes": [{"name": "big", "weight": 2}, {"domains": ["hr"]}]},
            "dataDomains": [{"name": "hr"}, {"name": "it", "readiness": 0.9}],
            "stages": {"rollout": {"phases": [{"name": "all", "share": 1}]}}
            """)
        var big = Scenario.Archetype()
        big.name = "big"
        big.weight = 2
        var second = Scenario.Archetype()
        second.domains = ["hr"]
        #expect(s.portfolio.archetypes == [big, second])
        #expect(s.dataDomains == [
            Scenario.DataDomainSpec(name: "hr", readiness: 0.5),
            Scenario.DataDomainSpec(name: "it", readiness: 0.9),
        ])
        #expect(s.stages.rollout.phases == [
            Scenario.Stages.Rollout.Phase(name: "all", share: 1, duration: .triangular(min: 1, mode: 2, max: 4)),
        ])
        #expect(s.stages.rollout.baseAdoption == 0.6)
    }

    // MARK: Durations and distributions

    @Test func durationStrings() throws {
        let s = try decoded("""
            "horizonMonths": "1.5y",
            "portfolio": {"arrivalsUntilMonth": "10d"},
            "governance": {"committee": {"cadenceMonths": "6w"}, "localDecisionMonths": "3mo",
                           "auditDuration": "10d"},
            "strategy": {"planningMonths": "1y"},
            "dataFoundation": {"chunkMonths": "2w"},
            "operations": {"detectionMonths": {"monitored": "7d", "unmonitored": "2mo"}},
            "stages": {"pilot": {"duration": {"dist": "triangular", "min": "6w", "mode": 2, "max": "1y"}}}
            """)
        #expect(s.horizonMonths == 18)
        #expect(s.portfolio.arrivalsUntilMonth == 10 / 30.4375)
        #expect(s.governance.committee.cadenceMonths == 6 * 7 / 30.4375)
        #expect(s.governance.localDecisionMonths == 3)
        #expect(s.governance.auditDuration == .fixed(10 / 30.4375))
        #expect(s.strategy.planningMonths == 12)
        #expect(s.dataFoundation.chunkMonths == 14 / 30.4375)
        #expect(s.operations.detectionMonths.monitored == 7 / 30.4375)
        #expect(s.operations.detectionMonths.unmonitored == 2)
        #expect(s.stages.pilot.duration == .triangular(min: 6 * 7 / 30.4375, mode: 2, max: 12))
    }

    @Test func everyDistributionKindDecodes() throws {
        let s = try decoded("""
            "portfolio": {"archetypes": [
              {"valuePerMonth": {"dist": "gamma", "mean": 100, "cv": 0.5}, "complexity": 1.2},
              {"valuePerMonth": {"dist": "empirical", "values": [1, 2, 3], "weights": [1, 1, 2]},
               "complexity": {"dist": "normal", "mean": 1, "sd": 0.2, "min": 0.5}}
            ]},
            "stages": {
              "dataPrep": {"duration": {"dist": "pert", "min": 1, "mode": 2, "max": 5}},
              "pilot": {"duration": {"dist": "pert", "min": 1, "mode": 2, "max": 5, "lambda": 6}},
              "scaleUp": {"duration": {"dist": "uniform", "min": "1mo", "max": 4}},
              "scaleApproval": {"reworkMonths": {"dist": "exponential", "mean": "6w"}}
            },
            "operations": {"retrainDuration": {"dist": "lognormal", "median": 0.5, "p90": 1}},
            "compliance": {"rollbackMonths": {"dist": "fixed", "value": "1y"}},
            "coDevelopment": {"embedMonths": {"dist": "empirical", "values": ["1mo", 2]}}
            """)
        #expect(s.portfolio.archetypes[0].valuePerMonth == .gamma(mean: 100, cv: 0.5))
        #expect(s.portfolio.archetypes[0].complexity == .fixed(1.2))
        #expect(s.portfolio.archetypes[1].valuePerMonth == .empirical(values: [1, 2, 3], weights: [1, 1, 2]))
        #expect(s.portfolio.archetypes[1].complexity == .normal(mean: 1, sd: 0.2, min: 0.5, max: nil))
        #expect(s.stages.dataPrep.duration == .pert(min: 1, mode: 2, max: 5, lambda: 4))
        #expect(s.stages.pilot.duration == .pert(min: 1, mode: 2, max: 5, lambda: 6))
        #expect(s.stages.scaleUp.duration == .uniform(min: 1, max: 4))
        #expect(s.stages.scaleApproval.reworkMonths == .exponential(mean: 42 / 30.4375))
        #expect(s.operations.retrainDuration == .lognormal(median: 0.5, p90: 1))
        #expect(s.compliance.rollbackMonths == .fixed(12))
        #expect(s.coDevelopment.embedMonths == .empirical(values: [1, 2], weights: nil))
    }

    // MARK: Issue kinds, each message and path pinned

    @Test func issueDescriptionAndErrorDescription() {
        let issue = ScenarioIssue(file: "plan.json", path: "$.governance.committee.capacity",
                                  message: "must be a whole number at least 1, got 0")
        #expect(issue.description == "plan.json: $.governance.committee.capacity: must be a whole number at least 1, got 0")
        let error = ScenarioError(issues: [issue, ScenarioIssue(file: "plan.json", path: "$", message: "m")])
        #expect(error.description == """
            plan.json: $.governance.committee.capacity: must be a whole number at least 1, got 0
            plan.json: $: m
            """)
        #expect(throws: ScenarioError(issues: [issue])) {
            try Scenario.parse(#"{"name": "x", "governance": {"committee": {"capacity": 0}}}"#, file: "plan.json")
        }
    }

    @Test func nameIsRequired() {
        #expect(problems("{}") == ["$: missing field 'name'"])
        #expect(problems(#"{"name": ""}"#) == ["$.name: must not be empty"])
        #expect(problems(#"{"name": 3}"#) == ["$.name: expected a string, got a number"])
        #expect(problems("[]") == ["$: expected an object, got a list"])
    }

    @Test func syntaxErrorsAndUnreadableFiles() {
        #expect(problems("{\"name\": \"x\",\n \"name\": \"y\"}") == ["$: invalid JSON at line 2, column 2: duplicate key 'name'"])
        #expect(throws: ScenarioError(issues: [ScenarioIssue(file: "/nonexistent/plan.json", path: "$", message: "cannot read the file")])) {
            try Scenario.load(contentsOf: "/nonexistent/plan.json")
        }
    }

    @Test func loadsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("execsim-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var s = Scenario()
        s.name = "from-file"
        s.teams.delivery = 12
        try s.jsonText().write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Scenario.load(contentsOf: path) == s)
        try #"{"name": "x", "teams": {"delivery": 0}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError(issues: [ScenarioIssue(file: path, path: "$.teams.delivery", message: "must be a whole number at least 1, got 0")])) {
            try Scenario.load(contentsOf: path)
        }
    }

    @Test func unknownKeys() {
        #expect(problems(body: #""governance": {"committee": {"capacty": 3}}"#)
            == ["$.governance.committee.capacty: unknown key 'capacty'; did you mean 'capacity'?"])
        #expect(problems(body: #""Horizonmonths": 3"#)
            == ["$.Horizonmonths: unknown key 'Horizonmonths'; did you mean 'horizonMonths'?"])
        #expect(problems(body: #""fit": {"x": 1}"#)
            == ["$.fit.x: unknown key 'x'; valid keys: pooled, perBusinessUnit"])
        #expect(problems(body: #""dataDomains": [{"name": "a", "ready": 1}]"#)
            == ["$.dataDomains[0].ready: unknown key 'ready'; valid keys: name, readiness"])
        #expect(problems(body: #""stages": {"pilot": {"duration": {"dist": "triangular", "min": 1, "mod": 2, "max": 3}}}"#)
            == ["$.stages.pilot.duration.mod: unknown key 'mod'; did you mean 'mode'?",
                "$.stages.pilot.duration: missing field 'mode' for a triangular distribution"])
        #expect(problems(body: #""a b": 1"#).first?.hasPrefix(#"$["a b"]: unknown key 'a b'; valid keys: name, description"#) == true)
    }

    @Test func wrongTypes() {
        #expect(problems(body: #""businessUnits": 2.5"#) == ["$.businessUnits: expected a whole number, got 2.5"])
        #expect(problems(body: #""businessUnits": "4""#) == ["$.businessUnits: expected a whole number, got a string"])
        #expect(problems(body: #""portfolio": {"arrivalsPerMonth": "0.5"}"#)
            == ["$.portfolio.arrivalsPerMonth: expected a number, got a string"])
        #expect(problems(body: #""architecture": {"eventDriven": 1}"#)
            == ["$.architecture.eventDriven: expected true or false, got a number"])
        #expect(problems(body: #""coDevelopment": {"enabled": "yes"}"#)
            == ["$.coDevelopment.enabled: expected true or false, got a string"])
        #expect(problems(body: #""teams": 8"#) == ["$.teams: expected an object, got a number"])
        #expect(problems(body: #""dataDomains": {"name": "a"}"#) == ["$.dataDomains: expected a list, got an object"])
        #expect(problems(body: #""horizonMonths": "3 months""#)
            == [#"$.horizonMonths: expected \#(durationExpectation), got "3 months""#])
        #expect(problems(body: #""horizonMonths": true"#)
            == [#"$.horizonMonths: expected \#(durationExpectation), got true"#])
        #expect(problems(body: #""description": null"#) == ["$.description: expected a string, got null"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"valuePerMonth": "200"}]}"#)
            == ["$.portfolio.archetypes[0].valuePerMonth: expected a number or a distribution object, got a string"])
        #expect(problems(body: #""stages": {"pilot": {"duration": "4 months"}}"#)
            == [#"$.stages.pilot.duration: expected \#(durationExpectation) or a distribution object, got "4 months""#])
        #expect(problems(body: #""stages": {"pilot": {"duration": [4]}}"#)
            == [#"$.stages.pilot.duration: expected \#(durationExpectation) or a distribution object, got a list"#])
        #expect(problems(body: #""portfolio": {"archetypes": [3]}"#) == ["$.portfolio.archetypes[0]: expected an object, got a number"])
    }

    @Test func ranges() {
        #expect(problems(body: #""fit": {"pooled": 1.2}"#) == ["$.fit.pooled: must be between 0 and 1, got 1.2"])
        #expect(problems(body: #""horizonMonths": 0"#) == ["$.horizonMonths: must be greater than 0, got 0"])
        #expect(problems(body: #""horizonMonths": "0d""#) == ["$.horizonMonths: must be greater than 0, got 0"])
        #expect(problems(body: #""teams": {"costPerMonth": -1}"#) == ["$.teams.costPerMonth: must be at least 0, got -1"])
        #expect(problems(body: #""governance": {"committee": {"capacity": 0}}"#)
            == ["$.governance.committee.capacity: must be a whole number at least 1, got 0"])
        #expect(problems(body: #""portfolio": {"initialUseCases": -1}"#)
            == ["$.portfolio.initialUseCases: must be a whole number at least 0, got -1"])
        #expect(problems(body: #""seed": -1"#) == ["$.seed: must be a whole number at least 0, got -1"])
        #expect(problems(body: #""seed": 1e20"#)
            == ["$.seed: must be a whole number at most 9007199254740992, got 1e+20"])
        #expect(problems(body: #""replications": 0"#) == ["$.replications: must be a whole number at least 1, got 0"])
        #expect(problems(body: #""economics": {"discountRatePerYear": -1}"#)
            == ["$.economics.discountRatePerYear: must be greater than -1, got -1"])
        #expect(problems(body: #""strategy": {"learningPilots": 0}"#)
            == ["$.strategy.learningPilots: must be greater than 0, got 0"])
        #expect(problems(body: #""dataFoundation": {"chunkMonths": 0}"#)
            == ["$.dataFoundation.chunkMonths: must be greater than 0, got 0"])
        #expect(problems(body: #""governance": {"committee": {"cadenceMonths": 0}}"#)
            == ["$.governance.committee.cadenceMonths: must be greater than 0, got 0"])
        #expect(problems(body: #""businessUnits": 0"#) == ["$.businessUnits: must be a whole number at least 1, got 0"])
        #expect(problems(body: #""teams": {"delivery": 0}"#) == ["$.teams.delivery: must be a whole number at least 1, got 0"])
    }

    @Test func enums() {
        #expect(problems(body: #""governance": {"style": "central"}"#)
            == [#"$.governance.style: must be one of centralized, federated, hybrid, got "central""#])
        #expect(problems(body: #""teams": {"placement": 1}"#)
            == ["$.teams.placement: must be one of pooled, perBusinessUnit, got a number"])
        #expect(problems(body: #""strategy": {"approach": "waterfall"}"#)
            == [#"$.strategy.approach: must be one of parallel, sequential, got "waterfall""#])
    }

    @Test func distributionObjects() {
        let base = "$.stages.pilot.duration"
        func pilot(_ d: String) -> [String] { problems(body: #""stages": {"pilot": {"duration": "# + d + "}}") }
        #expect(pilot(#"{"dist": "tri", "min": 1}"#)
            == ["\(base).dist: unknown distribution 'tri'; valid: fixed, uniform, triangular, pert, exponential, lognormal, gamma, normal, empirical"])
        #expect(pilot(#"{"dist": "triangulr"}"#) == ["\(base).dist: unknown distribution 'triangulr'; did you mean 'triangular'?"])
        #expect(pilot(#"{"min": 1}"#)
            == ["\(base): missing field 'dist'; valid: fixed, uniform, triangular, pert, exponential, lognormal, gamma, normal, empirical"])
        #expect(pilot(#"{"dist": 3}"#) == ["\(base).dist: expected a string, got a number"])
        #expect(pilot(#"{"dist": "triangular", "min": 1, "max": 3}"#)
            == ["\(base): missing field 'mode' for a triangular distribution"])
        #expect(pilot(#"{"dist": "exponential"}"#) == ["\(base): missing field 'mean' for an exponential distribution"])
        #expect(pilot(#"{"dist": "triangular", "min": 1, "mode": "2 months", "max": 3}"#)
            == [#"\#(base).mode: expected \#(durationExpectation), got "2 months""#])
        #expect(pilot(#"{"dist": "gamma", "mean": 1, "cv": "1d"}"#) == ["\(base).cv: expected a number, got a string"])
        #expect(pilot(#"{"dist": "pert", "min": 1, "mode": 2, "max": 3, "lambda": "4w"}"#)
            == ["\(base).lambda: expected a number, got a string"])
        #expect(pilot(#"{"dist": "empirical", "values": [1, 2], "weights": ["1d", 1]}"#)
            == ["\(base).weights[0]: expected a number, got a string"])
        #expect(pilot(#"{"dist": "empirical", "values": 3}"#) == ["\(base).values: expected a list, got a number"])
        // A non-duration distribution takes no unit strings at all.
        #expect(problems(body: #""portfolio": {"archetypes": [{"complexity": {"dist": "uniform", "min": "1d", "max": 2}}]}"#)
            == ["$.portfolio.archetypes[0].complexity.min: expected a number, got a string"])
    }

    @Test func distributionParameterErrorsForEveryKind() {
        func issues(_ d: String) -> [String] { problems(body: #""operations": {"retrainDuration": "# + d + "}") }
        let base = "$.operations.retrainDuration"
        #expect(issues(#"{"dist": "uniform", "min": 3, "max": 1}"#) == ["\(base).max: must be at least min (3)"])
        #expect(issues(#"{"dist": "triangular", "min": 2, "mode": 1, "max": 3}"#) == ["\(base).mode: must be at least min (2)"])
        #expect(issues(#"{"dist": "triangular", "min": 1, "mode": 4, "max": 3}"#) == ["\(base).max: must be at least mode (4)"])
        #expect(issues(#"{"dist": "pert", "min": 1, "mode": 2, "max": 3, "lambda": 0}"#) == ["\(base).lambda: must be greater than 0"])
        #expect(issues(#"{"dist": "pert", "min": 3, "mode": 2, "max": 4}"#) == ["\(base).mode: must be at least min (3)"])
        #expect(issues(#"{"dist": "exponential", "mean": -1}"#) == ["\(base).mean: must be at least 0"])
        #expect(issues(#"{"dist": "lognormal", "median": 0, "p90": 1}"#) == ["\(base).median: must be greater than 0"])
        #expect(issues(#"{"dist": "lognormal", "median": 2, "p90": 1}"#) == ["\(base).p90: must be at least median (2)"])
        #expect(issues(#"{"dist": "gamma", "mean": -1, "cv": 0}"#)
            == ["\(base).mean: must be at least 0", "\(base).cv: must be greater than 0"])
        #expect(issues(#"{"dist": "normal", "mean": 1, "sd": -1}"#) == ["\(base).sd: must be at least 0"])
        #expect(issues(#"{"dist": "normal", "mean": 1, "sd": 1, "min": 2, "max": 1}"#) == ["\(base).max: must be at least min (2)"])
        #expect(issues(#"{"dist": "normal", "mean": 0, "sd": 1, "min": 20}"#)
            == ["\(base).min: the interval [20, inf] must hold at least 1e-6 of the normal's probability"])
        #expect(issues(#"{"dist": "empirical", "values": []}"#) == ["\(base).values: must not be empty"])
        #expect(issues(#"{"dist": "empirical", "values": [1, 2], "weights": [1]}"#)
            == ["\(base).weights: must have one weight per value (2), got 1"])
        #expect(issues(#"{"dist": "empirical", "values": [1, 2], "weights": [1, -1]}"#) == ["\(base).weights[1]: must be at least 0"])
        #expect(issues(#"{"dist": "empirical", "values": [1, 2], "weights": [0, 0]}"#) == ["\(base).weights: must sum to a positive number"])
    }

    @Test func listRules() {
        #expect(problems(body: #""portfolio": {"archetypes": []}"#) == ["$.portfolio.archetypes: must not be empty"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"weight": 0}, {"weight": 0}]}"#)
            == ["$.portfolio.archetypes: weights must sum to a positive number, got 0"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"weight": -1}, {"weight": 0}]}"#)
            == ["$.portfolio.archetypes[0].weight: must be at least 0, got -1"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"highRiskShare": 2, "alignedShare": -0.5}]}"#)
            == ["$.portfolio.archetypes[0].highRiskShare: must be between 0 and 1, got 2",
                "$.portfolio.archetypes[0].alignedShare: must be between 0 and 1, got -0.5"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"domains": []}]}"#)
            == ["$.portfolio.archetypes[0].domains: must not be empty"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"domains": ["customer", "retail"]}]}"#)
            == [#"$.portfolio.archetypes[0].domains[1]: "retail" names no data domain; valid: customer, operations, finance, supply-chain"#])
        #expect(problems(body: #""dataDomains": []"#) == ["$.dataDomains: must not be empty"])
        #expect(problems(body: #""dataDomains": [{"readiness": 0.2}]"#) == ["$.dataDomains[0]: missing field 'name'"])
        #expect(problems(body: #""dataDomains": [{"name": "a"}, {"name": "b"}, {"name": "a", "readiness": 1.5}]"#)
            == [#"$.dataDomains[2].name: duplicate name "a" (first used at $.dataDomains[0].name)"#,
                "$.dataDomains[2].readiness: must be between 0 and 1, got 1.5"])
        #expect(problems(body: #""stages": {"rollout": {"phases": []}}"#) == ["$.stages.rollout.phases: must not be empty"])
        #expect(problems(body: #""stages": {"rollout": {"phases": [{"name": "a"}]}}"#)
            == ["$.stages.rollout.phases[0]: missing field 'share'"])
        #expect(problems(body: #""stages": {"rollout": {"phases": [{"share": 1}]}}"#)
            == ["$.stages.rollout.phases[0]: missing field 'name'"])
        #expect(problems(body: #""stages": {"rollout": {"phases": [{"name": "a", "share": 0.4}, {"name": "b", "share": 0.5}]}}"#)
            == ["$.stages.rollout.phases: shares must sum to 1, got 0.9"])
        #expect(problems(body: #""stages": {"rollout": {"phases": [{"name": "a", "share": 0.5}, {"name": "a", "share": 0.5}]}}"#)
            == [#"$.stages.rollout.phases[1].name: duplicate name "a" (first used at $.stages.rollout.phases[0].name)"#])
        #expect(problems(body: #""stages": {"rollout": {"phases": [{"name": "a", "share": 1, "duration": {"dist": "uniform", "min": 2, "max": 1}}]}}"#)
            == ["$.stages.rollout.phases[0].duration.max: must be at least min (2)"])
        // Shares within 1e-9 of 1 are accepted: 0.1 + 0.2 + 0.7 is not exactly 1 in binary.
        #expect(problems(body: #""stages": {"rollout": {"phases": [{"name": "a", "share": 0.1}, {"name": "b", "share": 0.2}, {"name": "c", "share": 0.7}]}}"#) == [])
    }

    @Test func crossFieldChecks() {
        #expect(problems(body: #""businessUnits": 4, "teams": {"delivery": 3, "placement": "perBusinessUnit"}"#)
            == ["$.teams.delivery: perBusinessUnit placement needs at least one squad per business unit (4), got 3"])
        #expect(problems(body: #""teams": {"delivery": 4, "placement": "perBusinessUnit"}"#) == [])
        // Only between fields valid on their own: no second issue about an invalid one.
        #expect(problems(body: #""businessUnits": 2.5, "teams": {"delivery": 1, "placement": "perBusinessUnit"}"#)
            == ["$.businessUnits: expected a whole number, got 2.5"])
        #expect(problems(body: #""portfolio": {"archetypes": [{"domains": ["hr"]}]}, "dataDomains": [{"name": "hr"}, {"name": "hr"}]"#)
            == [#"$.dataDomains[1].name: duplicate name "hr" (first used at $.dataDomains[0].name)"#])
        #expect(problems(body: #""portfolio": {"archetypes": [{"domains": ["hr"]}]}, "dataDomains": [{"name": "hr"}]"#) == [])
    }

    @Test func reportsEveryIssueOfAFile() {
        let text = """
            {
              "horizonMonths": -5,
              "teams": {"delivery": 0, "placment": "pooled"},
              "governance": {"style": "central", "committee": {"capacity": 2.5}},
              "stages": {"pilot": {"duration": {"dist": "uniform", "min": 5, "max": 1}}},
              "fit": {"pooled": 2}
            }
            """
        #expect(problems(text) == [
            "$: missing field 'name'",
            "$.horizonMonths: must be greater than 0, got -5",
            "$.teams.placment: unknown key 'placment'; did you mean 'placement'?",
            "$.teams.delivery: must be a whole number at least 1, got 0",
            "$.fit.pooled: must be between 0 and 1, got 2",
            #"$.governance.style: must be one of centralized, federated, hybrid, got "central""#,
            "$.governance.committee.capacity: expected a whole number, got 2.5",
            "$.stages.pilot.duration.max: must be at least min (5)",
        ])
    }

    // MARK: Writing and round trips

    @Test func defaultRoundTrips() throws {
        let s = Scenario()
        #expect(try Scenario.decode(json: s.encode(), file: "t") == s)
        #expect(try Scenario.parse(s.jsonText(), file: "t") == s)
    }

    @Test func everythingNonDefaultRoundTrips() throws {
        var s = Scenario()
        s.name = "everything \"quoted\" é"
        s.description = "line 1\nline 2"
        s.seed = 9_007_199_254_740_992
        s.replications = 250
        s.horizonMonths = 10 / 30.4375
        s.businessUnits = 3
        s.portfolio.initialUseCases = 0
        s.portfolio.arrivalsPerMonth = 0.123456789
        s.portfolio.arrivalsUntilMonth = 30
        s.portfolio.prioritization = .wsjf
        s.portfolio.valueEstimateP90Ratio = 1.75
        var a = Scenario.Archetype()
        a.name = "quick-win"
        a.weight = 0.25
        a.valuePerMonth = .empirical(values: [10, 20.5], weights: [0.3, 0.7])
        a.complexity = .normal(mean: 1, sd: 0.3, min: 0.1, max: nil)
        a.highRiskShare = 0
        a.alignedShare = 1
        a.domains = ["hr", "it"]
        var b = Scenario.Archetype()
        b.valuePerMonth = .gamma(mean: 300, cv: 1.5)
        b.complexity = .normal(mean: 1, sd: 0.3, min: nil, max: 3)
        var c = Scenario.Archetype()
        c.valuePerMonth = .empirical(values: [5], weights: nil)
        c.complexity = .pert(min: 0.5, mode: 1, max: 2, lambda: 3)
        s.portfolio.archetypes = [a, b, c]
        s.dataDomains = [.init(name: "hr", readiness: 0), .init(name: "it", readiness: 1)]
        s.teams.delivery = 5
        s.teams.placement = .perBusinessUnit
        s.teams.foundation = 2
        s.teams.costPerMonth = 99.5
        s.teams.additions = [.init(month: 0.3, delivery: 2, foundation: 1), .init(month: 0.1, delivery: 0, foundation: 3)]
        s.fit.pooled = 0.1
        s.fit.perBusinessUnit = 0.2
        s.governance.style = .federated
        s.governance.committee.cadenceMonths = 0.5
        s.governance.committee.capacity = 1
        s.governance.localDecisionMonths = 0
        s.governance.screening.committee = 0.11
        s.governance.screening.local = 0.12
        s.governance.approveAligned = 0.13
        s.governance.localAuditShare = 0.14
        s.governance.auditDuration = .uniform(min: 0.1, max: 0.2)
        s.strategy.approach = .sequential
        s.strategy.planningMonths = 0
        s.strategy.plannedScreening = 0.15
        s.strategy.learningPilots = 0.5
        s.strategy.deferBelowReadiness = 0.16
        s.coDevelopment.enabled = true
        s.coDevelopment.embedMonths = .exponential(mean: 1.5)
        s.coDevelopment.overlap = 0.17
        s.coDevelopment.fitGain = 0.18
        s.stages.dataPrep.duration = .fixed(0)
        s.stages.dataPrep.readinessPenalty = 2.5
        s.stages.dataPrep.blockerRate = 0.19
        s.stages.dataPrep.abandonOnBlocker = 0.2
        s.stages.dataPrep.remediationShare = 1.25
        s.stages.pilot.duration = .lognormal(median: 3, p90: 6)
        s.stages.pilot.baseSuccess = 0.21
        s.stages.pilot.dataSensitivity = 0.22
        s.stages.pilot.complexityExponent = 0
        s.stages.scaleApproval.base = 0.23
        s.stages.scaleApproval.misalignedEvidence = 0.24
        s.stages.scaleApproval.reworkMonths = .triangular(min: 1, mode: 1, max: 1.5)
        s.stages.scaleApproval.maxResubmissions = 0
        s.stages.scaleApproval.reworkFitGain = 0.25
        s.stages.scaleUp.duration = .pert(min: 1, mode: 2, max: 3, lambda: 4)
        s.stages.rollout.phases = [
            .init(name: "one", share: 0.25, duration: .fixed(1)),
            .init(name: "two", share: 0.75, duration: .gamma(mean: 2, cv: 0.1)),
        ]
        s.stages.rollout.baseAdoption = 0.26
        s.stages.rollout.changeManagement = 0.27
        s.stages.rollout.misalignedAdoption = 0.28
        s.architecture.coupling = 0
        s.architecture.eventDriven = true
        s.architecture.eventDrivenFactor = 1.1
        s.dataFoundation.chunkMonths = 0.25
        s.dataFoundation.gainPerSquadMonth = 0.1
        s.dataFoundation.maxReadiness = 1
        s.operations.driftPerYear = 0
        s.operations.driftValueLoss = 1
        s.operations.monitoring = true
        s.operations.detectionMonths.monitored = 0.01
        s.operations.detectionMonths.unmonitored = 7
        s.operations.retrainDuration = .fixed(1e-7)
        s.compliance.incidentsPerYear.audited = 0
        s.compliance.incidentsPerYear.unaudited = 2
        s.compliance.rollbackMonths = .normal(mean: 3, sd: 1, min: 0, max: 6)
        s.economics.discountRatePerYear = -0.5
        s.economics.pilotCostPerMonth = 10
        s.economics.scaleUpCostPerMonth = 20.5
        s.economics.runCostPerMonth = 3
        #expect(try Scenario.decode(json: s.encode(), file: "t") == s)
        #expect(try Scenario.parse(s.jsonText(), file: "t") == s)
        // Every field differs from the default, so the round trip covers every key.
        #expect(s != Scenario())
    }

    @Test func encodingOrderAndSpelling() throws {
        var s = Scenario()
        s.seed = 7
        guard case .object(let members) = s.encode() else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == [
            "name", "seed", "horizonMonths", "businessUnits", "portfolio", "dataDomains", "teams", "fit",
            "governance", "strategy", "coDevelopment", "stages", "architecture", "dataFoundation", "operations",
            "compliance", "economics",
        ])
        let json = s.encode()
        #expect(json["stages"]?["pilot"]?["duration"]
            == .object([("dist", .string("triangular")), ("min", .number(3)), ("mode", .number(4)), ("max", .number(6))]))
        #expect(json["compliance"]?["rollbackMonths"] == .number(3))
        #expect(json["portfolio"]?["archetypes"] == .array([.object([
            ("name", .string("typical")), ("weight", .number(1)),
            ("valuePerMonth", .object([("dist", .string("lognormal")), ("median", .number(200)), ("p90", .number(750))])),
            ("complexity", .object([("dist", .string("triangular")), ("min", .number(0.7)), ("mode", .number(1)), ("max", .number(1.6))])),
            ("highRiskShare", .number(0.3)), ("alignedShare", .number(0.6)),
        ])]))
        let text = Scenario().jsonText()
        #expect(text.hasPrefix("{\n  \"name\": \"baseline\",\n  \"horizonMonths\": 60,\n  \"businessUnits\": 4,\n  \"portfolio\": {\n    \"initialUseCases\": 24,\n"))
        #expect(text.hasSuffix("  \"economics\": {\n    \"discountRatePerYear\": 0.1,\n    \"pilotCostPerMonth\": 0,\n"
            + "    \"scaleUpCostPerMonth\": 0,\n    \"runCostPerMonth\": 0\n  }\n}\n"))
        // Every object's keys are the keys the decoder accepts, in the same order.
        #expect(json["governance"].flatMap(keys) == ScenarioSchema.keys(at: "governance"))
        #expect(json["operations"].flatMap(keys) == ScenarioSchema.keys(at: "operations"))
        #expect(json["stages"]?["rollout"].flatMap(keys) == ScenarioSchema.keys(at: "stages.rollout"))
        #expect(json["portfolio"].flatMap(keys) == ScenarioSchema.keys(at: "portfolio"))
        #expect(json["teams"].flatMap(keys) == ScenarioSchema.keys(at: "teams"))
        #expect(json["economics"].flatMap(keys) == ScenarioSchema.keys(at: "economics"))
    }
}

private func keys(_ v: JSONValue) -> [String]? {
    guard case .object(let members) = v else { return nil }
    return members.map(\.key)
}
