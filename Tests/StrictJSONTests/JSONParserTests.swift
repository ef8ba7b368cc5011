import Testing
@testable import StrictJSON

/// The syntax error for `text`, or nil when it parses.
private func syntaxError(_ text: String) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONParserTests {
    @Test func parsesScalarsAndNesting() throws {
        let value = try JSONParser.parse(#" { "a": [1, -2.5e2, true, false, null], "b": {"c": "d"}, "e": 0 } "#)
        #expect(value == .object([
            ("a", .array([.number(1), .number(-250), .bool(true), .bool(false), .null])),
            ("b", .object([("c", .string("d"))])),
            ("e", .number(0)),
        ]))
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
        // Order matters for equality: objects are ordered lists of members.
        #expect(value != (try JSONParser.parse(#"{"a": 2, "z": 1, "m": 3}"#)))
    }

    @Test func decodesEscapes() throws {
        let value = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "é"]"#)
        #expect(value == .array([
            .string("\"\\/\u{08}\u{0C}\n\r\t"),
            .string("é€"),
            .string("😀"),
            .string("é"),
        ]))
    }

    @Test func parsesNumbers() throws {
        #expect(try JSONParser.parse("0.1") == .number(0.1))
        #expect(try JSONParser.parse("-0") == .number(0))
        #expect(try JSONParser.parse("1E-3") == .number(0.001))
        // Beyond 2^53 a literal rounds to the nearest Double, as strtod does.
        #expect(try JSONParser.parse("12345678901234567") == .number(12345678901234568))
    }

    @Test func rejectsInvalidInputWithLineAndColumn() {
        #expect(syntaxError("") == JSONSyntaxError(line: 1, column: 1, message: "unexpected end of input; expected a value"))
        #expect(syntaxError("{\n  \"a\": 1,\n  \"a\": 2\n}")
            == JSONSyntaxError(line: 3, column: 3, message: "duplicate key 'a'"))
        #expect(syntaxError("{\"a\": 1,}") == JSONSyntaxError(line: 1, column: 9, message: "expected a string key, found '}'"))
        #expect(syntaxError("[1, 2") == JSONSyntaxError(line: 1, column: 6, message: "expected ',' or ']' in a list, found the end of input"))
        #expect(syntaxError("{\"a\" 1}") == JSONSyntaxError(line: 1, column: 6, message: "expected ':' after the key 'a', found '1'"))
        #expect(syntaxError("{\"a\": 1 \"b\": 2}") == JSONSyntaxError(line: 1, column: 9, message: "expected ',' or '}' in an object, found '\"'"))
        #expect(syntaxError("01") == JSONSyntaxError(line: 1, column: 1, message: "invalid number: leading zeros are not allowed"))
        #expect(syntaxError("1.") == JSONSyntaxError(line: 1, column: 1, message: "invalid number: expected a digit after '.'"))
        #expect(syntaxError("-") == JSONSyntaxError(line: 1, column: 1, message: "invalid number: expected a digit after '-'"))
        #expect(syntaxError("1e") == JSONSyntaxError(line: 1, column: 1, message: "invalid number: expected a digit in the exponent"))
        #expect(syntaxError("+1") == JSONSyntaxError(line: 1, column: 1, message: "expected a value, found '+'"))
        #expect(syntaxError("1e400") == JSONSyntaxError(line: 1, column: 1, message: "number 1e400 is too large"))
        #expect(syntaxError("tru") == JSONSyntaxError(line: 1, column: 1, message: "expected a value, found 't'"))
        #expect(syntaxError("[1] x") == JSONSyntaxError(line: 1, column: 5, message: "unexpected 'x' after the end of the JSON value"))
        #expect(syntaxError("\"abc") == JSONSyntaxError(line: 1, column: 1, message: "unterminated string"))
        #expect(syntaxError("\"a\nb\"") == JSONSyntaxError(line: 1, column: 3, message: "control character U+000A in a string must be escaped"))
        #expect(syntaxError(#""\q""#) == JSONSyntaxError(line: 1, column: 2, message: "invalid escape '\\q'"))
        #expect(syntaxError(#""\u12G4""#) == JSONSyntaxError(line: 1, column: 2, message: "invalid \\u escape: expected 4 hexadecimal digits"))
        #expect(syntaxError(#""\ud83d""#) == JSONSyntaxError(line: 1, column: 2, message: "unpaired surrogate \\uD83D"))
        #expect(syntaxError(#""\ude00""#) == JSONSyntaxError(line: 1, column: 2, message: "unpaired surrogate \\uDE00"))
        // Columns count characters, not bytes: "é" is two bytes but one column.
        #expect(syntaxError(#"["é", ?]"#) == JSONSyntaxError(line: 1, column: 7, message: "expected a value, found '?'"))
        #expect(syntaxError("[1, 'a']") == JSONSyntaxError(line: 1, column: 5, message: "expected a value, found '''"))
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError(line: 1, column: 1, message: "invalid UTF-8 in string")) {
            try JSONParser.parse([0x22, 0xFF, 0x22])
        }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(syntaxError(deep)?.message == "nesting deeper than 512 levels")
    }

    @Test func syntaxErrorDescription() {
        #expect(JSONSyntaxError(line: 3, column: 7, message: "duplicate key 'name'").description
            == "line 3, column 7: duplicate key 'name'")
    }

    @Test func writerOutputIsPinned() {
        let value = JSONValue.object([
            ("name", .string("a \"b\"\n\u{01}")),
            ("n", .number(60)),
            ("x", .number(0.1)),
            ("big", .number(1e20)),
            ("neg", .number(-3)),
            ("list", .array([.bool(true), .null])),
            ("empty", .array([])),
            ("obj", .object([])),
            ("nested", .object([("k", .number(2.5))])),
        ])
        let expected = """
        {
          "name": "a \\"b\\"\\n\\u0001",
          "n": 60,
          "x": 0.1,
          "big": 1e+20,
          "neg": -3,
          "list": [
            true,
            null
          ],
          "empty": [],
          "obj": {},
          "nested": {
            "k": 2.5
          }
        }

        """
        #expect(JSONWriter.prettyText(value) == expected)
    }

    @Test func writerNumberFormat() {
        #expect(JSONWriter.format(number: 60) == "60")
        #expect(JSONWriter.format(number: -0.0) == "0")
        #expect(JSONWriter.format(number: 0.30000000000000004) == "0.30000000000000004")
        #expect(JSONWriter.format(number: 9_007_199_254_740_991) == "9007199254740991")
        // 2^53 is exact in a Double: an integer in JSON as in CSV (it was "9007199254740992.0").
        #expect(JSONWriter.format(number: 9_007_199_254_740_992) == "9007199254740992")
        #expect(NumberText.format(9_007_199_254_740_994) == "9.007199254740994e+15")
        #expect(NumberText.integral(-0.0) == 0)
        #expect(JSONWriter.format(number: 1e300) == "1e+300")
        #expect(JSONWriter.format(number: .infinity) == "null")
    }

    @Test func roundTripsThroughText() throws {
        let value = JSONValue.object([
            ("s", .string("tab\t quote\" slash\\ emoji 😀 e\u{301} ctl \u{1F}")),
            ("numbers", .array([.number(0.1), .number(1e-7), .number(-2.5), .number(123456789), .number(.pi)])),
            ("deep", .object([("a", .array([.object([("b", .null)])]))])),
        ])
        #expect(try JSONParser.parse(JSONWriter.prettyText(value)) == value)
    }
}

@Suite struct DocumentReaderTests {
    @Test func closestMatchIsCaseInsensitiveThenWithinAThirdOfTheLength() {
        #expect(ClosestMatch.to("CAPACITY", among: ["cadence", "capacity"]) == "capacity")
        #expect(ClosestMatch.to("capcity", among: ["cadence", "capacity"]) == "capacity")
        // 18 characters allow 6 edits; "zz" is 2 edits from nothing useful.
        #expect(ClosestMatch.to("arrivalsUntillMnth", among: ["arrivalsUntilMonth"]) == "arrivalsUntilMonth")
        #expect(ClosestMatch.to("zz", among: ["capacity"]) == nil)
    }

    @Test func issuesNameFileAndPathAndAreAllCollected() {
        let reader = DocumentReader(file: "f.json")
        let json = try! JSONParser.parse(#"{"a": -1, "b": 1.5, "c": "x", "capcity": 1}"#)
        let o = reader.object(json, at: "$", keys: ["a", "b", "c", "capacity"])!
        var a = 0.0, b = 0, c = false
        #expect(!o.number("a", into: &a, .atLeast(0)))
        #expect(!o.whole("b", into: &b, atLeast: 0))
        #expect(!o.bool("c", into: &c))
        #expect(reader.issues.map(\.description) == [
            "f.json: $.capcity: unknown key 'capcity'; did you mean 'capacity'?",
            "f.json: $.a: must be at least 0, got -1",
            "f.json: $.b: expected a whole number, got 1.5",
            "f.json: $.c: expected true or false, got a string",
        ])
        #expect(throws: DocumentError.self) { try reader.finish(()) }
    }

    @Test func maximaAreStatedInTheMessage() {
        let reader = DocumentReader(file: "f.json")
        #expect(reader.number(.number(11), at: "$.x", .atLeast(0), maximum: 10) == nil)
        #expect(reader.whole(.number(1e6), at: "$.n", atLeast: 1, atMost: 1000) == nil)
        #expect(reader.issues.map(\.message) == ["must be at most 10, got 11", "must be a whole number at most 1000, got 1000000"])
    }

    @Test func unreadableAndInvalidFilesAreOneIssueAtTheRoot() {
        #expect(throws: DocumentError(issues: [DocumentIssue(file: "/no/such.json", path: "$", message: "cannot read the file")])) {
            try DocumentReader.load(contentsOf: "/no/such.json")
        }
        #expect(throws: DocumentError(issues: [DocumentIssue(file: "t", path: "$", message: "invalid JSON at line 1, column 2: expected a string key, found the end of input")])) {
            try DocumentReader.parse(bytes: Array("{".utf8), file: "t")
        }
    }
}
