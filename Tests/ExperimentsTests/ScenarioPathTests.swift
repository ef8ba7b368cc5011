import Testing
import ProgramModel
@testable import Experiments

@Suite struct ScenarioPathTests {
    private func message(_ text: String) -> String? {
        do throws(PathSyntaxError) {
            _ = try ScenarioPath(parsing: text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func parsesKeysIndicesAndWildcards() throws {
        #expect(try ScenarioPath(parsing: "teams.delivery").steps == [.key("teams"), .key("delivery")])
        #expect(try ScenarioPath(parsing: "dataDomains[2].readiness").steps == [.key("dataDomains"), .index(2), .key("readiness")])
        #expect(try ScenarioPath(parsing: "dataDomains[*].readiness").steps == [.key("dataDomains"), .all, .key("readiness")])
        #expect(try ScenarioPath(parsing: "a[0][*]").steps == [.key("a"), .index(0), .all])
    }

    @Test func syntaxErrors() {
        #expect(message("") == "the path is empty")
        #expect(message("teams..delivery") == "'teams..delivery' is not a path: a field name is missing")
        #expect(message("a[x]") == "'a[x]' is not a path: '[x]' is neither an index (0, 1, ...) nor [*]")
        #expect(message("a[1") == "'a[1' is not a path: '[' without ']'")
        #expect(message("a b") == "'a b' is not a path: unexpected ' '")
        #expect(message("a[0]b") == "'a[0]b' is not a path: expected '.' or '[' after 'a'")
    }

    @Test func appliesToEveryElementWithWildcard() throws {
        var tree = Scenario().encode()
        let count = try ScenarioPath(parsing: "dataDomains[*].readiness").apply(.number(0.7), to: &tree)
        #expect(count == 4)
        let scenario = try Scenario.decode(json: tree, file: "t")
        #expect(scenario.dataDomains.allSatisfy { $0.readiness == 0.7 })
        try ScenarioPath(parsing: "dataDomains[1].readiness").apply(.number(0.1), to: &tree)
        try ScenarioPath(parsing: "teams.delivery").apply(.number(3), to: &tree)
        let changed = try Scenario.decode(json: tree, file: "t")
        #expect(changed.dataDomains.map(\.readiness) == [0.7, 0.1, 0.7, 0.7])
        #expect(changed.teams.delivery == 3)
    }

    @Test func pathsThatAddressNothingAreErrors() throws {
        let tree = Scenario().encode()
        func failure(_ text: String) -> String? {
            do throws(PathSyntaxError) {
                _ = try ScenarioPath(parsing: text).values(in: tree)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(failure("teams.deliverx")?.hasPrefix("addresses nothing: teams has no field 'deliverx' (it has: delivery, placement") == true)
        #expect(failure("dataDomains[4].readiness") == "addresses nothing: dataDomains has 4 elements, so [4] is out of range")
        #expect(failure("teams[0]") == "addresses nothing: [0] needs a list, but teams is an object")
        #expect(failure("horizonMonths.x") == "addresses nothing: field 'x' needs an object, but horizonMonths is a number")
    }
}
