import Testing
import StrictJSON
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

    /// Doubles are written through `Double.write(to:)` into the bytes: the text must be
    /// `description`'s for every kind of double (long and short, subnormal, huge, negative).
    @Test func doublesWriteTheirDescription() {
        var state: UInt64 = 11
        var values: [Double] = [0.1, -0.1, 1 / 3, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                                0.6363636363636364, 123456789.123, 1e16 + 2, -1e-300]
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let x = Double(bitPattern: state)
            if x.isFinite { values.append(x) }
        }
        var csv = CSVWriter(continuingWithColumns: 1)
        var expected = ""
        for x in values {
            csv.field(x)
            csv.endRow()
            expected += CSVWriter.format(x) + "\n"
        }
        #expect(text(csv) == expected)
        #expect(values.filter { NumberText.integral($0) == nil }.allSatisfy { CSVWriter.format($0) == $0.description })
    }

    /// A row written at once through `CSVRow` is the text of the same fields written one by
    /// one: empty cells first, in the middle and last, the longest texts a double and an Int64
    /// have (which is the room a field is given), integral doubles, and doubles ShortestDecimal
    /// leaves to `description`.
    @Test func rowsWrittenAtOnceAreTheirFieldsOneByOne() {
        let rows: [(Int, [Double?])] = [
            (0, [nil, 0.1, -2.2250738585072014e-308, nil]),
            (Int.min, [-1.7976931348623157e308, 1e-5, 57_600, -0.0]),
            (Int.max, [.nan, 123_456_789_012.3456, 1e14 + 0.5, .infinity]),
            (-7, [0.00009999, 1.0 / 3, 9_007_199_254_740_992, -12.75]),
        ]
        var atOnce = CSVWriter(header: ["i", "a", "b", "c", "d"]), oneByOne = CSVWriter(header: ["i", "a", "b", "c", "d"])
        for (i, values) in rows {
            atOnce.row(fields: 5) { row in
                row.field(i)
                for v in values { row.field(v) }
            }
            oneByOne.field(i)
            for v in values { oneByOne.field(v) }
            oneByOne.endRow()
        }
        #expect(text(atOnce) == text(oneByOne))
        #expect(text(atOnce).split(separator: "\n")[2] == "\(Int.min),-1.7976931348623157e+308,1e-05,57600,0")
        var leadingEmpty = CSVWriter(continuingWithColumns: 2)
        leadingEmpty.row(fields: 2) { row in row.field(nil as Double?); row.field(nil as Double?) }
        #expect(text(leadingEmpty) == ",\n")
    }

    @Test func integers() {
        var csv = CSVWriter(header: ["a", "b", "c", "d"])
        csv.field(0); csv.field(-42); csv.field(Int.max); csv.field(Int.min); csv.endRow()
        #expect(text(csv) == "a,b,c,d\n0,-42,\(Int.max),\(Int.min)\n")
    }

    /// Digits are counted and then written in place, two at a time: every digit count, each side
    /// of every power of ten, and both signs give `String`'s text.
    @Test func integersOfEveryLengthWriteTheirDecimalText() {
        var values: [Int] = [0, 1, -1, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 1...18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        var csv = CSVWriter(header: ["n"])
        for v in values { csv.field(v); csv.endRow() }
        #expect(text(csv) == "n\n" + values.map { "\($0)\n" }.joined())
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
