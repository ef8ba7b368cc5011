import SimKernel
import Testing

@Suite struct DurationTextTests {
    @Test func convertsUnitsToMonths() {
        #expect(DurationText.daysPerMonth == 30.4375)
        #expect(DurationText.months("10d") == 10 / 30.4375)
        #expect(DurationText.months("6w") == 6 * 7 / 30.4375)
        #expect(DurationText.months("3mo") == 3)
        #expect(DurationText.months("1.5y") == 18)
        #expect(DurationText.months("0d") == 0)
        #expect(DurationText.months("30.4375d") == 1)
    }

    @Test func isStrict() {
        for text in ["2", "", "d", "-1d", "+1d", " 3mo", "3mo ", "3 mo", "3MO", "3m", "3months", "1.d", ".5y",
                     "1e3d", "3mo3", "nand", "infd", "1,5y"] {
            #expect(DurationText.months(text) == nil, "\(text) should be rejected")
        }
        #expect(DurationText.months(String(repeating: "9", count: 400) + "y") == nil)
    }
}
