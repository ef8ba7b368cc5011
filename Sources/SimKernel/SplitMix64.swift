/// Steele, Lea and Flood's SplitMix64: a tiny generator used to seed others and derive keys.
///
/// It is a Weyl sequence (`state += 0x9e3779b97f4a7c15`) passed through a bijective finalizer,
/// so any 64-bit seed, including 0, gives a full-quality stream. We use it only to expand a
/// single 64-bit seed into ``Xoshiro256StarStar``'s 256-bit state, and its finalizer ``mix(_:)``
/// to hash a (seed, replication, stream) key; it is not the simulation's workhorse generator.
///
/// ```swift
/// var g = SplitMix64(seed: 1234567)
/// g.next() // 0x599ed017fb08fc85
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The Weyl counter; the output is `mix(state)` after each increment.
    @usableFromInline var state: UInt64

    /// Creates a generator whose first output is `mix(seed &+ 0x9e3779b97f4a7c15)`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    ///
    /// - Complexity: O(1), a handful of integer operations.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// SplitMix64's finalizer: a bijection of `UInt64` with strong avalanche.
    ///
    /// Flipping one input bit flips each output bit with probability close to 1/2, which is
    /// what makes it suitable for turning structured keys (0, 1, 2, …) into unrelated seeds.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func mix(_ z: UInt64) -> UInt64 {
        var z = z
        z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z &>> 31)
    }
}
