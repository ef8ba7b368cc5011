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
}
