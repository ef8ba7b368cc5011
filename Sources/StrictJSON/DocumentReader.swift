import Foundation

/// The range a plain number must lie in, each with its one fixed message.
public enum NumberRule: Sendable, Equatable {
    case any
    /// x ≥ bound: "must be at least 0, got -1".
    case atLeast(Double)
    /// x > bound: "must be greater than 0, got 0".
    case greaterThan(Double)
    /// 0 ≤ x ≤ 1: "must be between 0 and 1, got 1.2".
    case fraction

    /// The message for `x` outside this rule, or nil when it is inside.
    public func violation(_ x: Double) -> String? {
        let got = NumberText.format(x)
        switch self {
        case .any:
            return nil
        case .atLeast(let bound):
            return x >= bound ? nil : "must be at least \(NumberText.format(bound)), got \(got)"
        case .greaterThan(let bound):
            return x > bound ? nil : "must be greater than \(NumberText.format(bound)), got \(got)"
        case .fraction:
            return (0...1).contains(x) ? nil : "must be between 0 and 1, got \(got)"
        }
    }

    /// How the rule reads in a field reference ("≥ 0", "> 0", "0 to 1").
    public var summary: String {
        switch self {
        case .any: return "any number"
        case .atLeast(let bound): return "≥ \(NumberText.format(bound))"
        case .greaterThan(let bound): return "> \(NumberText.format(bound))"
        case .fraction: return "0 to 1"
        }
    }
}

/// A number a file may also spell as text, such as a duration "10d" (MODEL.md section 9).
public struct NumberSpelling: Sendable {
    /// What is expected, for messages: "a duration (a number of months or a string like …)".
    public var expectation: String
    /// The number for a text, or nil when the text is not valid.
    public var parse: @Sendable (String) -> Double?

    public init(expectation: String, parse: @escaping @Sendable (String) -> Double?) {
        self.expectation = expectation
        self.parse = parse
    }
}

/// The strict reader of every input file execsim takes (scenarios, sweeps and later formats):
/// reads JSON values into typed values, collecting every issue with its JSON path instead of
/// stopping at the first, so a user sees all their mistakes at once and every file error looks
/// the same ("file: $.path: message").
///
/// Each reader returns nil (or false) after reporting; callers keep their default and carry on,
/// and call `finish` at the end, which throws if anything was reported.
public final class DocumentReader {
    public let file: String
    public private(set) var issues: [DocumentIssue] = []

    public init(file: String) {
        self.file = file
    }

    public func report(_ path: String, _ message: String) {
        issues.append(DocumentIssue(file: file, path: path, message: message))
    }

    /// `value` when nothing was reported, else every issue.
    public func finish<T>(_ value: T) throws(DocumentError) -> T {
        if !issues.isEmpty { throw DocumentError(issues: issues) }
        return value
    }

    // MARK: Files

    /// The parsed document at `path` (the path as given names the file in issues); an
    /// unreadable file or a syntax error is one issue at `$`.
    public static func load(contentsOf path: String) throws(DocumentError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentError(issues: [DocumentIssue(file: path, path: "$", message: "cannot read the file")])
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    /// The parsed document of `bytes`; a syntax error is one issue at `$` naming `file`.
    public static func parse(bytes: [UInt8], file: String) throws(DocumentError) -> JSONValue {
        do throws(JSONSyntaxError) {
            return try JSONParser.parse(bytes)
        } catch {
            throw DocumentError(issues: [DocumentIssue(file: file, path: "$", message: "invalid JSON at \(error)")])
        }
    }

    // MARK: Messages

    /// Numbers in messages, written as the file would write them.
    public static func format(_ x: Double) -> String { NumberText.format(x) }

    /// How a wrong value is named after "got": strings are quoted so the user sees the very
    /// text they wrote, numbers as written, other values by their kind.
    public static func shown(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return JSONWriter.quote(s)
        default: return v.kindDescription
        }
    }

    /// `$.a.b` for identifier-like keys, `$.a["odd key"]` otherwise.
    public static func path(_ base: String, key: String) -> String {
        let identifier = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return identifier ? "\(base).\(key)" : "\(base)[\(JSONWriter.quote(key))]"
    }

    public static func path(_ base: String, index: Int) -> String { "\(base)[\(index)]" }

    /// Reports an unknown `name` at `path`: "unknown <what> 'x'; did you mean 'y'?", or the
    /// whole list of valid names when none is close.
    public func unknown(_ what: String, _ name: String, at path: String, valid: [String]) {
        if let close = ClosestMatch.to(name, among: valid) {
            report(path, "unknown \(what) '\(name)'; did you mean '\(close)'?")
        } else {
            report(path, "unknown \(what) '\(name)'; valid: \(valid.joined(separator: ", "))")
        }
    }

    // MARK: Values

    /// A plain number in `rule` and at most `maximum`; with a `spelling`, also its text form.
    public func number(_ v: JSONValue, at path: String, _ rule: NumberRule = .any,
                       maximum: Double? = nil, spelling: NumberSpelling? = nil) -> Double? {
        let x: Double
        switch v {
        case .number(let n):
            x = n
        case .string(let s) where spelling != nil:
            guard let parsed = spelling!.parse(s) else {
                report(path, "expected \(spelling!.expectation), got \(Self.shown(v))")
                return nil
            }
            x = parsed
        default:
            report(path, spelling.map { "expected \($0.expectation), got \(Self.shown(v))" }
                ?? "expected a number, got \(v.kindDescription)")
            return nil
        }
        guard finite(x, at: path) else { return nil }
        if let message = rule.violation(x) {
            report(path, message)
            return nil
        }
        if let maximum, x > maximum {
            report(path, "must be at most \(Self.format(maximum)), got \(Self.format(x))")
            return nil
        }
        return x
    }

    /// A whole number ≥ `minimum` and at most `maximum` (by default 2^53, the largest a JSON
    /// number holds exactly: larger "whole numbers" may already have been rounded).
    public func whole(_ v: JSONValue, at path: String, atLeast minimum: Int, atMost maximum: Int? = nil) -> Int? {
        guard case .number(let x) = v else {
            report(path, "expected a whole number, got \(v.kindDescription)")
            return nil
        }
        guard finite(x, at: path) else { return nil }
        guard x == x.rounded() else {
            report(path, "expected a whole number, got \(Self.format(x))")
            return nil
        }
        guard x >= Double(minimum) else {
            report(path, "must be a whole number at least \(minimum), got \(Self.format(x))")
            return nil
        }
        let limit = maximum.map(Double.init) ?? NumberText.maxExactInteger
        guard x <= limit else {
            report(path, "must be a whole number at most \(Self.format(limit)), got \(Self.format(x))")
            return nil
        }
        return Int(x)
    }

    /// Parsed files hold only finite numbers; a value built in code may not (see `Scenario.validate`).
    private func finite(_ x: Double, at path: String) -> Bool {
        if x.isFinite { return true }
        report(path, "must be a finite number, got \(x)")
        return false
    }

    public func bool(_ v: JSONValue, at path: String) -> Bool? {
        guard case .bool(let b) = v else {
            report(path, "expected true or false, got \(v.kindDescription)")
            return nil
        }
        return b
    }

    public func string(_ v: JSONValue, at path: String, nonEmpty: Bool = false) -> String? {
        guard case .string(let s) = v else {
            report(path, "expected a string, got \(v.kindDescription)")
            return nil
        }
        if nonEmpty && s.isEmpty {
            report(path, "must not be empty")
            return nil
        }
        return s
    }

    /// One of `valid`: "must be one of centralized, federated, hybrid, got \"central\"".
    public func choice(_ v: JSONValue, at path: String, among valid: [String]) -> String? {
        if case .string(let s) = v, valid.contains(s) { return s }
        report(path, "must be one of \(valid.joined(separator: ", ")), got \(Self.shown(v))")
        return nil
    }

    /// One of an enum's raw values.
    public func choice<E: RawRepresentable & CaseIterable>(_ v: JSONValue, at path: String) -> E? where E.RawValue == String {
        choice(v, at: path, among: E.allCases.map(\.rawValue)).flatMap(E.init(rawValue:))
    }

    public func list(_ v: JSONValue, at path: String, nonEmpty: Bool = false) -> [JSONValue]? {
        guard case .array(let elements) = v else {
            report(path, "expected a list, got \(v.kindDescription)")
            return nil
        }
        if nonEmpty && elements.isEmpty {
            report(path, "must not be empty")
            return nil
        }
        return elements
    }

    /// An object whose keys are all in `keys`; each unknown key is reported at its own path,
    /// with the closest valid key or else the whole list of valid keys.
    public func object(_ v: JSONValue, at path: String, keys: [String]) -> ObjectReader? {
        guard case .object(let members) = v else {
            report(path, "expected an object, got \(v.kindDescription)")
            return nil
        }
        for member in members where !keys.contains(member.key) {
            let memberPath = Self.path(path, key: member.key)
            if let close = ClosestMatch.to(member.key, among: keys) {
                report(memberPath, "unknown key '\(member.key)'; did you mean '\(close)'?")
            } else {
                report(memberPath, "unknown key '\(member.key)'; valid keys: \(keys.joined(separator: ", "))")
            }
        }
        return ObjectReader(reader: self, path: path, members: members)
    }
}

/// The members of one JSON object being read, with its path. The `read` helpers leave the
/// target untouched when the key is absent (the default stays) and return false only when the
/// key was present and invalid, which cross-field checks use to stay quiet about fields that
/// already have their own issue.
public struct ObjectReader {
    public let reader: DocumentReader
    public let path: String
    public let members: [(key: String, value: JSONValue)]

    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    public func path(_ key: String) -> String { DocumentReader.path(path, key: key) }

    @discardableResult
    public func number(_ key: String, into target: inout Double, _ rule: NumberRule = .any,
                       maximum: Double? = nil, spelling: NumberSpelling? = nil) -> Bool {
        guard let v = self[key] else { return true }
        guard let x = reader.number(v, at: path(key), rule, maximum: maximum, spelling: spelling) else { return false }
        target = x
        return true
    }

    @discardableResult
    public func whole(_ key: String, into target: inout Int, atLeast minimum: Int, atMost maximum: Int? = nil) -> Bool {
        guard let v = self[key] else { return true }
        guard let n = reader.whole(v, at: path(key), atLeast: minimum, atMost: maximum) else { return false }
        target = n
        return true
    }

    @discardableResult
    public func bool(_ key: String, into target: inout Bool) -> Bool {
        guard let v = self[key] else { return true }
        guard let b = reader.bool(v, at: path(key)) else { return false }
        target = b
        return true
    }

    @discardableResult
    public func string(_ key: String, into target: inout String, nonEmpty: Bool = false) -> Bool {
        guard let v = self[key] else { return true }
        guard let s = reader.string(v, at: path(key), nonEmpty: nonEmpty) else { return false }
        target = s
        return true
    }

    @discardableResult
    public func choice<E: RawRepresentable & CaseIterable>(_ key: String, into target: inout E) -> Bool where E.RawValue == String {
        guard let v = self[key] else { return true }
        guard let e: E = reader.choice(v, at: path(key)) else { return false }
        target = e
        return true
    }

    /// A nested object merged key by key: `body` runs only when the key is present and holds
    /// an object.
    @discardableResult
    public func object(_ key: String, keys: [String], _ body: (ObjectReader) -> Void) -> Bool {
        guard let v = self[key] else { return true }
        guard let nested = reader.object(v, at: path(key), keys: keys) else { return false }
        body(nested)
        return true
    }

    /// Reports `missing field 'x'` at this object when a required key is absent.
    public func require(_ key: String) -> JSONValue? {
        guard let v = self[key] else {
            reader.report(path, "missing field '\(key)'")
            return nil
        }
        return v
    }
}
