import Testing
import SimKernel

/// Known answers come from the published algorithms, not from our own Swift output: the values
/// below were printed by the reference C code (Blackman and Vigna's xoshiro256starstar.c and
/// splitmix64.c, transcribed into a scratch file outside the repository and compiled with gcc).
/// The keyed values come from the same C code running the derivation exactly as written in the
/// doc comment of `init(seed:replication:stream:)`.
@Suite struct Xoshiro256StarStarTests {
    @Test func knownAnswersFromRawState() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            0x0000_0000_0000_2d00, 0x0000_0000_0000_0000, 0x0000_0000_5a00_7080, 0x10e0_0000_0000_9d80,
            0x10e0_b61c_e100_9d80, 0x0870_021c_e143_ad00, 0xe071_c3c2_e143_f089, 0x75a1_690e_f7a2_0380,
        ]
        #expect((0..<8).map { _ in g.next() } == expected)
    }

    @Test func splitMix64KnownAnswers() {
        var g = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            0x599e_d017_fb08_fc85, 0x2c73_f084_5854_0fa5, 0x883e_bce5_a3f2_7c77, 0x3fbe_f740_e917_7b3f,
            0xe3b8_3467_08cb_5ecd, 0x6c4f_7dbc_9899_44f6, 0x9734_aed7_0f5d_5e85, 0x4679_3dd6_f7df_31b1,
        ]
        #expect((0..<8).map { _ in g.next() } == expected)
    }

    @Test func seedingBySplitMix64KnownAnswers() {
        var g = Xoshiro256StarStar(seed: 1_234_567)
        let expected: [UInt64] = [
            0x30a3_a1c3_6360_0467, 0x1940_5f0f_5799_29ca, 0x115b_eaac_046d_dbd9, 0xeb17_caf4_8f27_d7f6,
            0xa0c9_4fe1_cce9_d136, 0x70e3_3265_7880_2da2, 0xe54c_f887_7c3f_5477, 0x5cb9_160d_2c39_6c0e,
        ]
        #expect((0..<8).map { _ in g.next() } == expected)
    }

    /// Pins the reproducibility contract: changing the derivation would silently change every
    /// published result, so it must fail here first.
    @Test func keyedStreamKnownAnswers() {
        var a = Xoshiro256StarStar(seed: 42, replication: 0, stream: 0)
        #expect((0..<4).map { _ in a.next() }
            == [0xf77f_b19d_8ced_8999, 0x9712_ae68_b748_e506, 0xe4e9_6371_bc62_7c03, 0x35c8_2793_5516_8e25])
        var b = Xoshiro256StarStar(seed: 42, replication: 7, stream: 3)
        #expect((0..<4).map { _ in b.next() }
            == [0x310e_48e7_d14d_7765, 0xb3a0_348f_6416_70ac, 0xa7c3_de7e_b729_7f05, 0xc55e_3968_3896_7798])
    }

    /// The per-replication key is the first part of the same derivation: the known answer above.
    @Test func streamsOpenedFromTheReplicationKeyAreTheKeyedStreams() {
        let key = Xoshiro256StarStar.replicationKey(seed: 42, replication: 7)
        var b = Xoshiro256StarStar(replicationKey: key, stream: 3)
        #expect((0..<4).map { _ in b.next() }
            == [0x310e_48e7_d14d_7765, 0xb3a0_348f_6416_70ac, 0xa7c3_de7e_b729_7f05, 0xc55e_3968_3896_7798])
        for stream in [0, 1, 2, 77, UInt64.max] as [UInt64] {
            var viaKey = Xoshiro256StarStar(replicationKey: key, stream: stream)
            var direct = Xoshiro256StarStar(seed: 42, replication: 7, stream: stream)
            #expect((0..<8).map { _ in viaKey.next() } == (0..<8).map { _ in direct.next() })
        }
    }

    @Test func sameKeyGivesSameStream() {
        var a = Xoshiro256StarStar(seed: 99, replication: 12, stream: 5)
        var b = Xoshiro256StarStar(seed: 99, replication: 12, stream: 5)
        for _ in 0..<1_000 { #expect(a.next() == b.next()) }
    }

    @Test func differentKeysGiveDifferentStreams() {
        // Neighbouring and swapped keys, the cases a weak derivation would confuse.
        var keys: [(UInt64, UInt64, UInt64)] = []
        for seed: UInt64 in [0, 1, 2] {
            for replication: UInt64 in [0, 1, 2, 3] {
                for stream: UInt64 in [0, 1, 2, 3] { keys.append((seed, replication, stream)) }
            }
        }
        var prefixes: [[UInt64]] = []
        for (seed, replication, stream) in keys {
            var g = Xoshiro256StarStar(seed: seed, replication: replication, stream: stream)
            prefixes.append((0..<4).map { _ in g.next() })
        }
        #expect(Set(prefixes).count == keys.count)
        // Nor should the keyed streams coincide with plain seeding by the same seed.
        var plain = Xoshiro256StarStar(seed: 0)
        #expect(!prefixes.contains((0..<4).map { _ in plain.next() }))
    }

    @Test func nextUnitIsInHalfOpenUnitInterval() {
        var g = Xoshiro256StarStar(seed: 7)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = g.nextUnit()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)  // SE = 0.289/√n ≈ 0.0009; 5.5 SE
    }

    @Test func unitConversionsAtTheExtremes() {
        // A generator that returns all ones or all zeros exposes the edges of the conversions.
        var ones = ConstantGenerator(value: .max)
        #expect(ones.nextUnit() < 1)
        #expect(ones.nextOpenUnit() < 1)
        var zeros = ConstantGenerator(value: 0)
        #expect(zeros.nextUnit() == 0)
        #expect(zeros.nextOpenUnit() > 0)
        #expect(zeros.exponential(mean: 1).isFinite)
        #expect(zeros.standardNormal().isFinite)
    }

    @Test func nextOpenUnitIsNeverZero() {
        var g = Xoshiro256StarStar(seed: 8)
        for _ in 0..<100_000 {
            let u = g.nextOpenUnit()
            #expect(u > 0 && u < 1)
        }
    }

    @Test func drawCountsAreFixed() {
        // bernoulli and exponential consume exactly one draw, standardNormal two; mean 0 none.
        var a = Xoshiro256StarStar(seed: 3)
        var b = a
        _ = a.bernoulli(0)
        _ = a.bernoulli(1)
        _ = a.exponential(mean: 2)
        _ = a.exponential(mean: 0)
        _ = a.standardNormal()
        for _ in 0..<5 { _ = b.next() }
        #expect(a.next() == b.next())
    }
}

/// Returns the same word forever, to probe conversions at the ends of the range.
private struct ConstantGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}
