import Foundation
import SimKernel

/// The classic hold model, the standard benchmark for future event lists.
///
/// Prefill `pending` events at exponential(1) times, then `holds` times pop the earliest and
/// schedule it again at its time plus an exponential(1) draw. The queue size stays constant,
/// so the cost per hold is the cost of one pop and one schedule at that size. Only the holds
/// are timed.
public enum HoldBenchmark {
    /// What one run measured.
    public struct Result: Sendable, Equatable {
        public var pending: Int
        public var holds: Int
        public var seed: UInt64
        /// The time of the last event popped; the same for the same inputs on every machine.
        public var finalClock: Double
        /// Wall-clock seconds taken by the holds.
        public var seconds: Double

        /// Holds per wall-clock second.
        public var holdsPerSecond: Double { seconds > 0 ? Double(holds) / seconds : .infinity }
    }

    /// A payload the size of a real model's event: an index into side tables.
    private struct Payload {
        var entity: Int32
    }

    /// Runs the hold model.
    ///
    /// - Precondition: `pending >= 1` and `holds >= 0`.
    /// - Complexity: O((`pending` + `holds`) log `pending`)
    public static func run(pending: Int, holds: Int, seed: UInt64) -> Result {
        precondition(pending >= 1, "the hold model needs at least one pending event")
        precondition(holds >= 0, "the number of holds cannot be negative")
        var random = SplitMix64(seed: seed)
        var events = EventQueue<Payload>(reservingCapacity: pending)
        for entity in 0..<pending {
            events.schedule(at: random.nextExponential(), Payload(entity: Int32(truncatingIfNeeded: entity)))
        }

        var clock = 0.0
        let clockSource = ContinuousClock()
        let start = clockSource.now
        for _ in 0..<holds {
            let event = events.popNext().unsafelyUnwrapped
            clock = event.time
            events.schedule(at: clock + random.nextExponential(), event.payload)
        }
        let elapsed = start.duration(to: clockSource.now)
        let seconds = Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) * 1e-18

        return Result(pending: pending, holds: holds, seed: seed, finalClock: clock, seconds: seconds)
    }
}

extension SplitMix64 {
    /// exponential(1) from (k + 1)·2⁻⁵³, never 0; the hold model's own draw, kept as it was so
    /// `final_clock` stays comparable across builds.
    fileprivate mutating func nextExponential() -> Double {
        -log(Double((next() &>> 11) &+ 1) * 0x1p-53)
    }
}
