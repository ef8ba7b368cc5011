import Foundation

/// docs/scenario-reference.md, generated from `ScenarioSchema` so the reference cannot drift
/// from what the reader accepts (`execsim defaults --reference` prints it; a test checks the
/// file in the repository is current).
public enum ScenarioReference {
    public static func markdown() -> String {
        var out = """
            # Scenario file reference

            Generated from `ScenarioSchema` by `execsim defaults --reference`; do not edit by hand.
            Every field is optional except those marked required; a missing field takes the default
            shown (the calibrated baseline, MODEL.md section 10). `list[].field` is a field of each
            element of a list. Sections refer to MODEL.md.

            | path | rule | default | MODEL.md | meaning |
            |---|---|---|---|---|

            """
        for field in ScenarioSchema.descriptions {
            let defaultText: String
            if field.required {
                defaultText = "required"
            } else if let value = field.defaultValue {
                defaultText = "`" + inline(value) + "`"
            } else {
                defaultText = "unset"
            }
            var rule = field.rule
            if let maximum = field.maximum { rule += ", at most \(NumberText.format(maximum))" }
            out += "| `\(field.path)` | \(cell(rule)) | \(cell(defaultText)) | \(field.section) | \(cell(field.meaning)) |\n"
        }
        return out
    }

    /// A JSON value on one line, as a file could write it.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            return "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { JSONWriter.quote($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        default:
            return JSONWriter.prettyText(value).dropLast().description
        }
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
