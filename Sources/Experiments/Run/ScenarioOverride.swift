import ProgramModel

/// One quick what-if from the command line, `PATH=VALUE` (`--set teams.delivery=12`): a sweep
/// path (docs/sweep.md) and a JSON value, where a bare word is a string
/// (`governance.style=federated`).
public struct ScenarioOverride: Sendable, Equatable {
    /// The argument as given, to name it in messages.
    public var text: String
    public var path: ScenarioPath
    public var value: JSONValue

    /// Reads `PATH=VALUE`; the error says what is wrong with the path or the form.
    public init(parsing text: String) throws(PathSyntaxError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw PathSyntaxError(message: "no '=', e.g. teams.delivery=12")
        }
        self.text = text
        path = try ScenarioPath(parsing: String(text[..<equals]))
        let valueText = String(text[text.index(after: equals)...])
        value = (try? JSONParser.parse(valueText)) ?? .string(valueText)
    }
}

extension Scenario {
    /// This scenario with `overrides` applied in order and then renamed to `name` (if given),
    /// each step checked by every rule of a scenario file. Issues name the `--set` argument
    /// that caused them ("--set teams.delivery=0: $.teams.delivery: must be …"), or `--name`.
    public func applying(_ overrides: [ScenarioOverride], name: String? = nil) throws(ScenarioError) -> Scenario {
        var scenario = self
        var tree = encode()
        for override in overrides {
            let label = "--set \(override.text)"
            do throws(PathSyntaxError) {
                _ = try override.path.apply(override.value, to: &tree)
            } catch {
                throw ScenarioError(issues: [ScenarioIssue(file: label, path: "$", message: error.message)])
            }
            scenario = try Scenario.decode(json: tree, file: label)
        }
        if let name {
            guard case .object(var members) = tree, let i = members.firstIndex(where: { $0.key == "name" }) else {
                preconditionFailure("an encoded scenario is an object with a name")
            }
            members[i].value = .string(name)
            scenario = try Scenario.decode(json: .object(members), file: "--name")
        }
        return scenario
    }
}
