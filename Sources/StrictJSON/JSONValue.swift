/// A JSON document as read from or written to a scenario file.
///
/// Objects are an ordered list of members, not a Dictionary: a scenario written back must list
/// its keys in the documented order (MODEL.md section 10), and Dictionary iteration order is
/// unspecified and varies between runs. Key uniqueness is enforced by `JSONParser`.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Structural equality; objects compare member by member, in order (tuples are not
    /// Equatable, so this cannot be synthesized).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case let (.bool(a), .bool(b)):
            return a == b
        case let (.number(a), .number(b)):
            return a == b
        case let (.string(a), .string(b)):
            return a == b
        case let (.array(a), .array(b)):
            return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.key != y.key || x.value != y.value {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// What kind of value this is, phrased for error messages ("got a string").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

extension JSONValue {
    /// The number, when this is one.
    public var number: Double? { if case .number(let x) = self { return x } else { return nil } }
    /// The string, when this is one.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
}
