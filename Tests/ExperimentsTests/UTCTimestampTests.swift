import Foundation
import Testing
import SimKernel
@testable import Experiments

/// The timestamp of manifests and lock files is `ISO8601DateFormatter`'s text to the byte.
@Suite struct UTCTimestampTests {
    @Test func writesWhatTheFormatterWrites() {
        let formatter = ISO8601DateFormatter()
        var rng = Xoshiro256StarStar(seed: 17)
        // Any second from 1970 to 2100 with a fraction (rounded to the millisecond, then cut),
        // and the edges of days, months, leap days and years.
        var dates = (0..<2_000).map { _ in Date(timeIntervalSince1970: (rng.nextUnit() * 4_102_444_800).rounded(.down) + rng.nextUnit()) }
        dates += [0, 59.999, 59.9994, 59.9996, 816_041_737.9995, 2_693_938_205.9995, 2_473_785_066.9995, 86_399, 951_782_400, 951_868_799, 1_704_067_199.5, 1_798_761_599, 4_102_444_799]
            .map { Date(timeIntervalSince1970: $0) }
        for date in dates {
            #expect(UTCTimestamp.text(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }
}
