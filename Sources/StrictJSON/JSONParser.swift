/// A JSON syntax error, located by 1-based line and column (columns count Unicode characters,
/// as an editor shows them) so a user can find it in their scenario file.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "line 3, column 7: duplicate key 'name'".
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A small, strict RFC 8259 parser.
///
/// Hand-written rather than Foundation's `JSONSerialization` because scenario files need what
/// that one does not give: member order preserved, duplicate keys rejected (a silently ignored
/// duplicate is a silently ignored setting), and errors with line and column. Beyond RFC 8259 it
/// only skips a leading UTF-8 byte order mark, which some editors add.
public enum JSONParser {
    /// Nesting deeper than this is rejected rather than risking a stack overflow.
    public static let maxDepth = 512

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        return try parser.document()
    }
}

private struct Parser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        let value = try self.value(depth: 0)
        skipWhitespace()
        if i < bytes.count {
            throw error(at: i, "unexpected \(found(at: i)) after the end of the JSON value")
        }
        return value
    }

    // MARK: Values

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error(at: i, "unexpected end of input; expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error(at: i, "expected a value, found \(found(at: i))")
        }
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maxDepth {
            throw error(at: i, "nesting deeper than \(JSONParser.maxDepth) levels")
        }
        i += 1  // {
        var members: [(key: String, value: JSONValue)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if peek(is: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error(at: i, "expected a string key, found \(found(at: i))")
            }
            let keyStart = i
            let key = try string()
            if !seen.insert(key).inserted {
                throw error(at: keyStart, "duplicate key '\(key)'")
            }
            skipWhitespace()
            guard peek(is: ":") else {
                throw error(at: i, "expected ':' after the key '\(key)', found \(found(at: i))")
            }
            i += 1
            skipWhitespace()
            members.append((key: key, value: try value(depth: depth)))
            skipWhitespace()
            if peek(is: ",") {
                i += 1
                continue
            }
            if peek(is: "}") {
                i += 1
                return .object(members)
            }
            throw error(at: i, "expected ',' or '}' in an object, found \(found(at: i))")
        }
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maxDepth {
            throw error(at: i, "nesting deeper than \(JSONParser.maxDepth) levels")
        }
        i += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(is: "]") {
            i += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            if peek(is: ",") {
                i += 1
                continue
            }
            if peek(is: "]") {
                i += 1
                return .array(elements)
            }
            throw error(at: i, "expected ',' or ']' in a list, found \(found(at: i))")
        }
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let start = i
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else {
                throw error(at: start, "expected a value, found \(found(at: start))")
            }
            i += 1
        }
    }

    // MARK: Strings

    mutating func string() throws(JSONSyntaxError) -> String {
        let start = i
        i += 1  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error(at: start, "unterminated string") }
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: utf8, as: UTF8.self) else {
                    throw error(at: start, "invalid UTF-8 in string")
                }
                return s
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                throw error(at: i, "control character U+\(hex4(UInt32(byte))) in a string must be escaped")
            default:
                utf8.append(byte)
                i += 1
            }
        }
    }

    mutating func escape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        let start = i
        i += 1  // backslash
        guard i < bytes.count else { throw error(at: start, "unterminated string") }
        let c = bytes[i]
        i += 1
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw error(at: start, "invalid escape '\\\(Unicode.Scalar(c).escaped(asASCII: true))'")
        }
        if let simple {
            utf8.append(simple)
            return
        }
        var code = try hexQuad(escapeStart: start)
        if (0xDC00...0xDFFF).contains(code) {
            throw error(at: start, "unpaired surrogate \\u\(hex4(code))")
        }
        if (0xD800...0xDBFF).contains(code) {
            // A high surrogate must be followed by an escaped low surrogate (RFC 8259 section 7).
            let lowStart = i
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw error(at: start, "unpaired surrogate \\u\(hex4(code))")
            }
            i += 2
            let low = try hexQuad(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(at: start, "unpaired surrogate \\u\(hex4(code))")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        // Every non-surrogate code point is a valid scalar.
        utf8.append(contentsOf: Unicode.Scalar(code)!.utf8)
    }

    mutating func hexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count, let digit = hexValue(bytes[i]) else {
                throw error(at: escapeStart, "invalid \\u escape: expected 4 hexadecimal digits")
            }
            code = code << 4 | digit
            i += 1
        }
        return code
    }

    // MARK: Numbers

    /// RFC 8259 number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = i
        if peek(is: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw error(at: start, "invalid number: expected a digit after '-'")
        }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) {
                throw error(at: start, "invalid number: leading zeros are not allowed")
            }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if peek(is: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error(at: start, "invalid number: expected a digit after '.'")
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if peek(is: "e") || peek(is: "E") {
            i += 1
            if peek(is: "+") || peek(is: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error(at: start, "invalid number: expected a digit in the exponent")
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let x = Double(text), x.isFinite else {
            throw error(at: start, "number \(text) is too large")
        }
        return x
    }

    // MARK: Helpers

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    func peek(is ascii: Unicode.Scalar) -> Bool {
        i < bytes.count && bytes[i] == UInt8(ascii: ascii)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// How the character at `offset` is named in an error message.
    func found(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of input" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Unicode.Scalar(b))'" }
        if b < 0x80 { return "U+\(hex4(UInt32(b)))" }
        return "a non-ASCII character"
    }

    /// An error at byte `offset`, converted to line and column (counting Unicode scalars, i.e.
    /// UTF-8 lead bytes, on the line). Computed only when an error happens.
    func error(at offset: Int, _ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        var k = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, bytes.count)
        while k < end {
            let b = bytes[k]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }
}
