/// Durations written with a unit, as scenario files allow ("10d", "6w", "3mo", "1.5y"),
/// converted to the model's unit, months.
///
/// Deliberately strict: a unit is required (a bare "2" is ambiguous in a file where some people
/// think in weeks), units are lowercase, no sign, no exponent, no surrounding or inner
/// whitespace. Anything else is rejected so a typo surfaces as an error instead of a wrong value.
public enum DurationText {
    /// Days in the average Gregorian month: 365.2425 / 12. Weeks per month follow as
    /// `daysPerMonth / 7`, years as 12 months.
    public static let daysPerMonth = 30.4375

    /// Months for `text` = digits, optional "." and digits, then one of `d`, `w`, `mo`, `y`;
    /// nil for anything else, including a bare number, a negative or a non-finite value.
    public static func months(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var k = 0
        var sawDigit = false
        while k < scalars.count, ("0"..."9").contains(scalars[k]) {
            k += 1
            sawDigit = true
        }
        guard sawDigit else { return nil }
        if k < scalars.count, scalars[k] == "." {
            k += 1
            var fractionDigit = false
            while k < scalars.count, ("0"..."9").contains(scalars[k]) {
                k += 1
                fractionDigit = true
            }
            guard fractionDigit else { return nil }
        }
        let number = String(String.UnicodeScalarView(scalars[0..<k]))
        let unit = String(String.UnicodeScalarView(scalars[k...]))
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let months: Double
        switch unit {
        case "d": months = value / daysPerMonth
        case "w": months = value * 7 / daysPerMonth
        case "mo": months = value
        case "y": months = value * 12
        default: return nil
        }
        return months.isFinite ? months : nil
    }
}
