import Testing
@testable import Experiments

@Suite struct CSVWriterTests {
    private func text(_ csv: CSVWriter) -> String { String(decoding: csv.bytes, as: UTF8.self) }

    @Test func headerThenRows() {
        var csv = CSVWriter(header: ["replication", "cost", "label"])
        csv.field(1); csv.field(12.5); csv.field("a"); csv.endRow()
        csv.field(2); csv.field(nil as Double?); csv.field(""); csv.endRow()
        #expect(text(csv) == "replication,cost,label\n1,12.5,a\n2,,\n")
    }

    @Test func numberFormatting() {
        let cases: [(Double?, String)] = [
            (12, "12"), (-3, "-3"), (0, "0"), (-0.0, "0"), (0.1, "0.1"), (1e-5, "1e-05"),
            (2.5e-7, "2.5e-07"), (1234.5678, "1234.5678"), (9_007_199_254_740_992, "9007199254740992"),
            (1e20, "1e+20"), (nil, ""), (.nan, ""), (.infinity, ""), (-.infinity, ""),
        ]
        for (value, expected) in cases {
            #expect(CSVWriter.format(value) == expected, "\(String(describing: value))")
            var csv = CSVWriter(header: ["x"])
            csv.field(value)
            csv.endRow()
            #expect(text(csv) == "x\n\(expected)\n")
        }
    }

    @Test func integers() {
        var csv = CSVWriter(header: ["a", "b", "c", "d"])
        csv.field(0); csv.field(-42); csv.field(Int.max); csv.field(Int.min); csv.endRow()
        #expect(text(csv) == "a,b,c,d\n0,-42,\(Int.max),\(Int.min)\n")
    }

    @Test func quotingOnlyWhenNeeded() {
        var csv = CSVWriter(header: ["name"])
        for s in ["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "é ✓"] {
            csv.appendRow([s])
        }
        #expect(text(csv) == "name\nplain\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"line\nbreak\"\n\"cr\rhere\"\né ✓\n")
    }

    @Test func headerIsEscapedToo() {
        let csv = CSVWriter(header: ["a,b", "c"])
        #expect(text(csv) == "\"a,b\",c\n")
    }

    @Test func numericRowsAndTakeBytes() {
        var csv = CSVWriter(header: ["x", "y"])
        let header = csv.takeBytes()
        csv.appendRow([1.5, nil])
        #expect(String(decoding: header, as: UTF8.self) == "x,y\n")
        #expect(String(decoding: csv.takeBytes(), as: UTF8.self) == "1.5,\n")
        #expect(csv.bytes.isEmpty)
    }
}
