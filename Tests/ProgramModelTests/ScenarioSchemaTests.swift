import Foundation
import Testing
@testable import ProgramModel

@Suite struct ScenarioSchemaTests {
    @Test func aScenarioBuiltInCodeIsValidatedLikeAFile() throws {
        try Scenario().validate()
        var s = Scenario()
        s.teams.delivery = 0
        s.stages.rollout.phases[0].share = 0.5
        s.horizonMonths = .nan
        #expect(throws: ScenarioError(issues: [
            ScenarioIssue(file: "code", path: "$.horizonMonths", message: "must be a finite number, got nan"),
            ScenarioIssue(file: "code", path: "$.teams.delivery", message: "must be a whole number at least 1, got 0"),
            ScenarioIssue(file: "code", path: "$.stages.rollout.phases", message: "shares must sum to 1, got 1.4"),
        ])) {
            try s.validate(file: "code")
        }
    }

    @Test func crossFieldRulesApplyToValuesBuiltInCode() {
        var s = Scenario()
        s.teams.placement = .perBusinessUnit
        s.teams.delivery = 3
        s.portfolio.archetypes[0].domains = ["hr"]
        do throws(ScenarioError) {
            try s.validate()
            Issue.record("expected issues")
        } catch {
            #expect(error.issues.map(\.path) == ["$.teams.delivery", "$.portfolio.archetypes[0].domains[0]"])
        }
    }

    @Test func everyFieldHasARuleASectionAndAMeaning() {
        let fields = ScenarioSchema.descriptions
        #expect(fields.count > 60)
        for field in fields {
            #expect(!field.rule.isEmpty && !field.meaning.isEmpty, "\(field.path)")
            #expect(field.section.first?.isNumber == true, "\(field.path)")
        }
        #expect(Set(fields.map(\.path)).count == fields.count)
    }

    @Test func keyListsComeFromTheFields() {
        #expect(ScenarioSchema.keys(at: "governance.committee") == ["cadenceMonths", "capacity"])
        #expect(ScenarioSchema.keys(at: "").first == "name")
        #expect(ScenarioSchema.keys(at: "").last == "economics")
    }

    /// docs/scenario-reference.md is generated (`execsim defaults --reference`); it must be current.
    @Test func theReferenceInDocsIsCurrent() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/scenario-reference.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        #expect(text == ScenarioReference.markdown(), "regenerate with: execsim defaults --reference > docs/scenario-reference.md")
    }
}
