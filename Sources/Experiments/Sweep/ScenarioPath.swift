import ProgramModel

/// A path to fields of a scenario, as written in a sweep file: `teams.delivery`,
/// `dataDomains[2].readiness`, `dataDomains[*].readiness` (`[*]`: every element of a list).
///
/// A sweep sets a parameter by replacing the JSON value at its path in the base scenario's
/// full tree (every field present, see ``SweepPlan``) and decoding the result, so any field
/// the scenario format has is addressable and every design point is validated like a file.
public struct ScenarioPath: Sendable, Equatable, CustomStringConvertible {
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
        case all
    }

    public let steps: [Step]
    /// The path as written.
    public let description: String

    /// Parses `text`; the error message says what is wrong, for the caller to place.
    public init(parsing text: String) throws(PathSyntaxError) {
        var steps: [Step] = []
        var chars = Array(text)[...]
        func fail(_ why: String) -> PathSyntaxError { PathSyntaxError(message: "'\(text)' is not a path: \(why)") }
        guard !chars.isEmpty else { throw PathSyntaxError(message: "the path is empty") }
        while true {
            var key = ""
            while let c = chars.first, c != ".", c != "[" {
                guard c.isLetter || c.isNumber || c == "_" || c == "-" else { throw fail("unexpected '\(c)'") }
                key.append(c)
                chars.removeFirst()
            }
            guard !key.isEmpty else { throw fail("a field name is missing") }
            steps.append(.key(key))
            while chars.first == "[" {
                chars.removeFirst()
                guard let close = chars.firstIndex(of: "]") else { throw fail("'[' without ']'") }
                let inside = String(chars[chars.startIndex..<close])
                if inside == "*" {
                    steps.append(.all)
                } else if let index = Int(inside), index >= 0, inside.allSatisfy(\.isASCII) {
                    steps.append(.index(index))
                } else {
                    throw fail("'[\(inside)]' is neither an index (0, 1, ...) nor [*]")
                }
                chars = chars[chars.index(after: close)...]
            }
            guard let next = chars.first else { break }
            guard next == "." else { throw fail("expected '.' or '[' after '\(key)'") }
            chars.removeFirst()
        }
        self.steps = steps
        self.description = text
    }

    /// Whether the two paths can address the same field, or one a field inside the other's
    /// (`teams` and `teams.delivery`, `dataDomains[*].readiness` and `dataDomains[0].readiness`).
    public func overlaps(_ other: ScenarioPath) -> Bool {
        zip(steps, other.steps).allSatisfy { a, b in
            switch (a, b) {
            case (.all, .all), (.all, .index), (.index, .all): true
            default: a == b
            }
        }
    }

    /// Replaces every value the path addresses in `tree` with `value`.
    ///
    /// - Returns: how many places were set (more than one with `[*]`).
    /// - Throws: when the path addresses nothing, saying where it stopped.
    @discardableResult
    public func apply(_ value: JSONValue, to tree: inout JSONValue) throws(PathSyntaxError) -> Int {
        try Self.apply(value, steps[...], to: &tree, at: "")
    }

    /// The values the path addresses in `tree`, in list order.
    public func values(in tree: JSONValue) throws(PathSyntaxError) -> [JSONValue] {
        var found: [JSONValue] = []
        try Self.collect(steps[...], in: tree, at: "", into: &found)
        return found
    }

    private static func apply(_ value: JSONValue, _ steps: ArraySlice<Step>, to tree: inout JSONValue,
                              at location: String) throws(PathSyntaxError) -> Int {
        guard let step = steps.first else {
            tree = value
            return 1
        }
        let rest = steps.dropFirst()
        switch (step, tree) {
        case (.key(let key), .object(var members)):
            guard let i = members.firstIndex(where: { $0.key == key }) else {
                throw missingKey(key, members, location)
            }
            let count = try apply(value, rest, to: &members[i].value, at: join(location, key))
            tree = .object(members)
            return count
        case (.index(let index), .array(var elements)):
            guard index < elements.count else { throw outOfRange(index, elements.count, location) }
            let count = try apply(value, rest, to: &elements[index], at: location + "[\(index)]")
            tree = .array(elements)
            return count
        case (.all, .array(var elements)):
            guard !elements.isEmpty else { throw emptyList(location) }
            var count = 0
            for i in elements.indices {
                count += try apply(value, rest, to: &elements[i], at: location + "[\(i)]")
            }
            tree = .array(elements)
            return count
        default:
            throw wrongKind(step, tree, location)
        }
    }

    private static func collect(_ steps: ArraySlice<Step>, in tree: JSONValue, at location: String,
                                into found: inout [JSONValue]) throws(PathSyntaxError) {
        guard let step = steps.first else {
            found.append(tree)
            return
        }
        let rest = steps.dropFirst()
        switch (step, tree) {
        case (.key(let key), .object(let members)):
            guard let member = members.first(where: { $0.key == key }) else {
                throw missingKey(key, members, location)
            }
            try collect(rest, in: member.value, at: join(location, key), into: &found)
        case (.index(let index), .array(let elements)):
            guard index < elements.count else { throw outOfRange(index, elements.count, location) }
            try collect(rest, in: elements[index], at: location + "[\(index)]", into: &found)
        case (.all, .array(let elements)):
            guard !elements.isEmpty else { throw emptyList(location) }
            for (i, element) in elements.enumerated() {
                try collect(rest, in: element, at: location + "[\(i)]", into: &found)
            }
        default:
            throw wrongKind(step, tree, location)
        }
    }

    private static func join(_ location: String, _ key: String) -> String {
        location.isEmpty ? key : location + "." + key
    }

    private static func place(_ location: String) -> String {
        location.isEmpty ? "the scenario" : location
    }

    private static func missingKey(_ key: String, _ members: [(key: String, value: JSONValue)],
                                   _ location: String) -> PathSyntaxError {
        PathSyntaxError(message: "addresses nothing: \(place(location)) has no field '\(key)' (it has: "
            + members.map(\.key).joined(separator: ", ") + ")")
    }

    private static func outOfRange(_ index: Int, _ count: Int, _ location: String) -> PathSyntaxError {
        PathSyntaxError(message: "addresses nothing: \(place(location)) has \(count) element\(count == 1 ? "" : "s"), so [\(index)] is out of range")
    }

    private static func emptyList(_ location: String) -> PathSyntaxError {
        PathSyntaxError(message: "addresses nothing: \(place(location)) is an empty list")
    }

    private static func wrongKind(_ step: Step, _ tree: JSONValue, _ location: String) -> PathSyntaxError {
        let wanted: String
        switch step {
        case .key(let key): wanted = "field '\(key)' needs an object"
        case .index(let i): wanted = "[\(i)] needs a list"
        case .all: wanted = "[*] needs a list"
        }
        return PathSyntaxError(message: "addresses nothing: \(wanted), but \(place(location)) is \(tree.kindDescription)")
    }
}

/// Why a path cannot be read or addresses nothing; the sweep file reader adds file and JSON path.
public struct PathSyntaxError: Error, Equatable, Sendable {
    public var message: String
}
