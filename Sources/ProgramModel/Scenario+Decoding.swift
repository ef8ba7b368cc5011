import Foundation
import SimKernel

/// Reading scenario files strictly (MODEL.md section 9): every field but `name` is optional and
/// merges over `Scenario()` key by key; lists replace the default list; unknown keys, wrong
/// types and out-of-range values are errors, all of them reported at once with their path.
/// What is valid comes from `ScenarioSchema`, the one description of every field.
extension Scenario {
    /// A scenario from a parsed document. Throws every issue found, each naming `file`.
    public static func decode(json: JSONValue, file: String) throws(ScenarioError) -> Scenario {
        let reader = DocumentReader(file: file)
        var scenario = Scenario()
        decode(json, reader: reader, into: &scenario)
        return try reader.finish(scenario)
    }

    /// Reads `json` over `scenario` (merging key by key), reporting every issue to `reader`.
    static func decode(_ json: JSONValue, reader: DocumentReader, into scenario: inout Scenario) {
        var invalid: Set<String> = []
        guard ScenarioSchema.object.decode(json, at: "$", reader: reader, into: &scenario, invalid: &invalid) else { return }
        for rule in ScenarioSchema.rules where invalid.isDisjoint(with: rule.fields) {
            rule.check(reader, scenario)
        }
    }

    /// A scenario from JSON text; a syntax error becomes an issue at `$`.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        try decode(json: DocumentReader.parse(bytes: Array(text.utf8), file: file), file: file)
    }

    /// A scenario from the file at `path` (the path as given names the file in issues).
    public static func load(contentsOf path: String) throws(ScenarioError) -> Scenario {
        try decode(json: DocumentReader.load(contentsOf: path), file: path)
    }

    /// Every rule of a scenario file checked on this value, however it was built: the same
    /// issues, at the same JSON paths, as its written file would give (`file` names it).
    /// A scenario built in code with, say, `teams.delivery = 0` is refused here rather than
    /// reaching the model.
    public func validate(file: String = "(scenario built in code)") throws(ScenarioError) {
        let reader = DocumentReader(file: file)
        var copy = Scenario()
        Self.decode(encode(), reader: reader, into: &copy)
        _ = try reader.finish(())
    }
}
