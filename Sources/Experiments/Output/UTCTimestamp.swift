import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment as manifests and lock files state it: ISO 8601 in UTC to the second,
/// "2026-12-01T23:08:23Z", what `ISO8601DateFormatter` writes by default.
///
/// From the C library's calendar (`gmtime_r`) rather than Foundation's formatter, whose first
/// use loads time-zone and calendar machinery: about 1.4 ms of CPU a process, a sixth of a
/// one-replication run's.
enum UTCTimestamp {
    /// - Precondition: `date` is after 1970 and before 10000.
    static func text(_ date: Date) -> String {
        // Whole seconds as the formatter counts them: the time since 1970 rounded to the
        // millisecond, then cut to the second (…:37.9995 is :38; no difference in 300,000
        // random times checked while writing it).
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        var seconds = time_t((milliseconds / 1000).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var bytes = [UInt8]("0000-00-00T00:00:00Z".utf8)
        bytes.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            for (value, end) in [(Int(parts.tm_year) + 1900, 4), (Int(parts.tm_mon) + 1, 7), (Int(parts.tm_mday), 10),
                                 (Int(parts.tm_hour), 13), (Int(parts.tm_min), 16), (Int(parts.tm_sec), 19)] {
                DecimalDigits.write(UInt64(value), digits: end == 4 ? 4 : 2, endingAt: base + end)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
