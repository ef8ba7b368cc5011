/// Blackman and Vigna's xoshiro256**: the simulation's generator, fast and statistically strong.
///
/// 256 bits of state, period 2²⁵⁶ − 1, about 1 ns a draw. It is a value type: copying it forks
/// the stream, and a replication owns its generators outright, so no locking is ever needed.
///
/// Reproducibility contract: every random input of a model draws from its own stream, keyed by
/// `(seed, replication, stream)` through ``init(seed:replication:stream:)``. Because the key
/// alone determines the state, any replication (or any single stream within it) can be rerun on
/// its own, in any order and on any thread, and common random numbers across scenarios come for
/// free: the same key gives the same draws to the same input.
///
/// ```swift
/// var arrivals = Xoshiro256StarStar(seed: 42, replication: 7, stream: 0)
/// let u = arrivals.nextUnit()
/// ```
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator with the given raw state, exactly as the reference C code would.
    ///
    /// - Precondition: Not all four words are zero (the all-zero state is a fixed point).
    @inlinable
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// Creates a generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
    ///
    /// This is the seeding the algorithm's authors recommend. The state can never be all zero:
    /// SplitMix64's outputs are a bijection of distinct counters, so at most one is zero.
    @inlinable
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// Creates the independent stream for one random input of one replication.
    ///
    /// The derivation is part of the reproducibility contract and must not change:
    ///
    ///     k = mix(seed ^ 0x243f6a8885a308d3)
    ///     k = mix(k ^ mix(replication &+ 0x13198a2e03707345))
    ///     k = mix(k ^ mix(stream &+ 0xa4093822299f31d1))
    ///     self = Xoshiro256StarStar(seed: k)   // state = four outputs of SplitMix64(k)
    ///
    /// where `mix` is ``SplitMix64/mix(_:)``. The constants are the first three 64-bit words of
    /// the hexadecimal fraction of π with the lowest bit set (nothing up our sleeve; odd so that
    /// `&+` by them is itself a bijection). Chaining the finalizer makes the key order-sensitive
    /// (replication 1, stream 2 differs from replication 2, stream 1) and spreads neighbouring
    /// keys over unrelated parts of the 2²⁵⁶ − 1 period; two distinct keys share a 64-bit `k`
    /// only with probability about 2⁻⁶⁴.
    ///
    /// - Complexity: O(1), independent of `replication` and `stream` (no jumping ahead).
    @inlinable
    public init(seed: UInt64, replication: UInt64, stream: UInt64) {
        self.init(replicationKey: Self.replicationKey(seed: seed, replication: replication), stream: stream)
    }

    /// The first two steps of the key derivation above, which depend on (seed, replication)
    /// only: a model that opens many streams per replication computes it once and opens each
    /// stream with ``init(replicationKey:stream:)``, the same generator for two fewer mixes.
    @inlinable
    public static func replicationKey(seed: UInt64, replication: UInt64) -> UInt64 {
        let k = SplitMix64.mix(seed ^ 0x243f_6a88_85a3_08d3)
        return SplitMix64.mix(k ^ SplitMix64.mix(replication &+ 0x1319_8a2e_0370_7345))
    }

    /// The stream `stream` of the replication whose ``replicationKey(seed:replication:)`` is
    /// `replicationKey`: the same as ``init(seed:replication:stream:)``.
    @inlinable
    public init(replicationKey: UInt64, stream: UInt64) {
        self.init(seed: SplitMix64.mix(replicationKey ^ SplitMix64.mix(stream &+ 0xa409_3822_299f_31d1)))
    }

    /// Returns the next 64 random bits.
    ///
    /// - Complexity: O(1), a few shifts, xors and two multiplications.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    /// Rotates `x` left by `k` bits, `0 < k < 64`; compiles to a single `rol`.
    @inlinable @inline(__always)
    static func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x &<< k) | (x &>> (64 &- k))
    }
}

/// Four words and nothing else, so records holding a generator can live in an ``EntityTable``.
extension Xoshiro256StarStar: BitwiseCopyable {}
