import Testing
@testable import Experiments

@Suite struct CSVReaderTests {
    @Test func quotedFieldsAndEmptyCells() throws {
        let t = try CSVTable(parsing: "a,b,c\r\n1,,\"x, \"\"y\"\"\nline\"\n\"\",2,3\n")
        #expect(t.header == ["a", "b", "c"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0] == ["1", nil, "x, \"y\"\nline"])
        #expect(t.rows[1] == ["", "2", "3"])  // a quoted empty string is a value, not a missing one
        #expect(t.doubles("b") == [nil, 2])
        #expect(t.doubles("missing") == [nil, nil])
    }

    @Test func readsBackWhatTheWriterWrote() throws {
        var w = CSVWriter(header: ["x", "label"])
        w.field(1.5); w.field("a,b"); w.endRow()
        w.field(nil as Double?); w.field("q\"q"); w.endRow()
        let t = try CSVTable(parsing: String(decoding: w.bytes, as: UTF8.self))
        #expect(t.doubles("x") == [1.5, nil])
        #expect(t.strings("label") == ["a,b", "q\"q"])
    }

    @Test func errors() {
        #expect(throws: CSVReadError.self) { try CSVTable(parsing: "a\n\"open\n") }
        #expect(throws: CSVReadError.self) { try CSVTable(parsing: "a,b\n1,2,3\n") }
        #expect(throws: CSVReadError.self) { try CSVTable(parsing: "") }
    }

    @Test(arguments: [("a,b\n1,2", 2, "truncated"), ("a,b\n1\n", 2, "1 fields, but the header has 2"),
                      ("a,b\n1,2\n3,4,5\n", 3, "3 fields")])
    func truncatedAndShortRowsNameTheirLine(text: String, line: Int, message: String) {
        do {
            _ = try CSVTable(parsing: text, requireLineEnd: true)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message))
        }
    }

    @Test(arguments: ["nan", "NaN", "-inf", "infinity", "1e400", "12abc", "0x1p3x", "1e101", "-2e200"])
    func numberColumnsRefuseTextAndNonFiniteCells(cell: String) throws {
        let t = try CSVTable(parsing: "label,value\nfirst,1\n\"x,y\",\(cell)\n")
        do {
            try t.check(required: ["value"], text: { $0 == "label" })
            Issue.record("accepted \(cell)")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.hasPrefix("column value: "))
        }
    }

    @Test func emptyCellsAndTextColumnsPassTheCheck() throws {
        let t = try CSVTable(parsing: "label,value\nnan,\nfirst,-1e100\n")
        try t.check(required: ["label", "value"], text: { $0 == "label" })
        #expect(throws: CSVReadError.self) { try t.check(required: ["label", "n"], text: { $0 == "label" }) }
    }
}
