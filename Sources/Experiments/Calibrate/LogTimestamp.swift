import Foundation

/// A timestamp of an event log: an ISO 8601 date or date-time, or a number of months since
/// the program's start.
///
/// Dates become months at 1 month = 30.4375 days (MODEL.md section 2), counted from the log's
/// earliest timestamp. A date-time without an offset is read as UTC, so a log reads the same
/// on every machine.
public enum LogTimestamp: Equatable, Sendable {
    /// Months since the program's start.
    case months(Double)
    /// Seconds since 1970-01-01T00:00:00Z.
    case instant(Double)

    public static let secondsPerMonth = 30.4375 * 86_400

    /// What a valid timestamp looks like, for error messages.
    public static let validForms = "an ISO 8601 date (2024-03-15) or date-time (2024-03-15T09:30:00Z, optional offset like +01:00), or a number of months (12.5)"

    /// Parses `text`, or returns nil when it is neither form.
    public static func parse(_ text: String) -> LogTimestamp? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let months = Double(t), months.isFinite, !t.hasPrefix("0x") { return .months(months) }
        return parseISO(t).map { .instant($0) }
    }

    /// Seconds since the epoch for `YYYY-MM-DD[THH:MM[:SS[.fff]][Z|±HH:MM]]`.
    static func parseISO(_ t: String) -> Double? {
        let s = Array(t.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = s[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        guard i < s.count else { return seconds }
        guard expect("T") || expect(" ") else { return nil }
        guard let hour = digits(2), expect(":"), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect(":") {
            guard let second = digits(2), second < 61 else { return nil }
            seconds += Double(second)
            if expect(".") {
                var scale = 0.1
                var any = false
                while i < s.count, s[i] >= 48, s[i] <= 57 {
                    seconds += Double(s[i] - 48) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
            }
        }
        guard i < s.count else { return seconds }
        if expect("Z") { return i == s.count ? seconds : nil }
        let sign: Double
        if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
        guard let oh = digits(2), oh < 24 else { return nil }
        _ = expect(":")
        guard let om = digits(2), om < 60, i == s.count else { return nil }
        return seconds - sign * Double(oh * 3600 + om * 60)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `seconds` since the epoch as `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, rounded).
    public static func isoText(seconds: Double) -> String {
        let total = Int((seconds).rounded())
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Inverse of daysFromCivil.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}
