import Testing
import SimKernel
@testable import Experiments

@Suite struct PRIMTests {
    /// x = 1 … 10, the case holds at x = 2 and x = 7 … 10; α = 0.1 peels one world a step.
    /// By hand: step 1 drops x = 1 (5 cases of 9 beat 4 of 9 from dropping x = 10); steps 2–6
    /// drop x = 2 … 6 from below (at step 2 both ends give 4 of 8: the tie goes to the lower end);
    /// the box {7 … 10} holds only cases and peeling stops.
    let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    let cases = [false, true, false, false, false, false, true, true, true, true]

    @Test func coverageDensityAndMassByHand() {
        let t = PRIM.peel([.numeric(x)], cases: cases, alpha: 0.1, minMass: 0)
        #expect(t.count == 7)
        let expected: [(worlds: Int, cases: Int, lower: Double?)] = [
            (10, 5, nil), (9, 5, 2), (8, 4, 3), (7, 4, 4), (6, 4, 5), (5, 4, 6), (4, 4, 7),
        ]
        for (step, e) in zip(t, expected) {
            #expect(step.worlds == e.worlds && step.cases == e.cases)
            #expect(step.limits[0].lower == e.lower && step.limits[0].upper == nil)
            #expect(step.coverage == Double(e.cases) / 5)
            #expect(step.density == Double(e.cases) / Double(e.worlds))
            #expect(step.mass == Double(e.worlds) / 10)
        }
        #expect(t[0].restricted.isEmpty && t[6].restricted == [0])
    }

    @Test func boxChoiceRules() {
        let t = PRIM.peel([.numeric(x)], cases: cases, alpha: 0.1, minMass: 0)
        // Density ≥ 0.8: steps 5 (0.8) and 6 (1.0) both cover 0.8 of the cases; the denser wins.
        #expect(PRIM.choose(t, minDensity: 0.8).step == 6)
        // Coverage ≥ 0.9: steps 0 and 1; step 1 is denser (5/9 against 1/2).
        #expect(PRIM.choose(t, minCoverage: 0.9).step == 1)
        #expect(PRIM.choose(t, minDensity: 1.01).rule.hasPrefix("no box reaches"))
        #expect(PRIM.choose(t, minDensity: 1.01).step == 6)
    }

    @Test func quasiPValueByHand() throws {
        let t = PRIM.peel([.numeric(x), .numeric(x.map { _ in 0.5 })], cases: cases, alpha: 0.1, minMass: 0)
        let q = PRIM.quasiPValues([.numeric(x), .numeric(x.map { _ in 0.5 })], cases: cases, box: t.last!)
        // Dropping x's restriction leaves all 10 worlds, 5 cases: P(Bin(4, 0.5) ≥ 4) = 1/16.
        #expect(abs(try #require(q[0]) - 0.0625) < 1e-12)
        #expect(q[1] == nil)
        #expect(abs(PRIM.binomialUpperTail(atLeast: 2, trials: 3, p: 0.5) - 0.5) < 1e-12)
    }

    /// Uniform points in [0, 1]³, case iff x₁ > 0.7 and x₂ < 0.4 (a box of mass 0.12). One α
    /// peel of a uniform dimension moves its bound by at most α = 0.05 of the range, so
    /// "within one peel step" is within 0.05 of the true limits, from inside the box.
    @Test func recoversAKnownBoxAndLeavesTheThirdDimensionFree() throws {
        var g = Xoshiro256StarStar(seed: 11)
        let n = 2000
        var dims = [[Double]](repeating: [], count: 3)
        for _ in 0..<n { for d in 0..<3 { dims[d].append(g.nextUnit()) } }
        let cases = (0..<n).map { dims[0][$0] > 0.7 && dims[1][$0] < 0.4 }
        let dimensions = dims.map { PRIM.Dimension.numeric($0) }
        let t = PRIM.peel(dimensions, cases: cases)
        let box = t[PRIM.choose(t, minDensity: 1).step]
        #expect(box.density == 1)
        let x1 = try #require(box.limits[0].lower), x2 = try #require(box.limits[1].upper)
        #expect(x1 > 0.7 && x1 <= 0.75)
        #expect(x2 < 0.4 && x2 >= 0.35)
        #expect(box.limits[0].upper == nil && box.limits[1].lower == nil)
        #expect(!box.limits[2].isRestricted)
        #expect(box.restricted == [0, 1])
        #expect(box.coverage > 0.85)
        let q = PRIM.quasiPValues(dimensions, cases: cases, box: box)
        #expect(try #require(q[0]) < 1e-6 && (try #require(q[1])) < 1e-6 && q[2] == nil)
    }

    @Test func categoricalDimensionsPeelWholeCategories() {
        // The case holds exactly in category "b"; the numeric dimension carries nothing.
        let categories = [0, 1, 2, 1, 0, 2, 1, 1, 0, 2, 1, 0]
        let cases = categories.map { $0 == 1 }
        let noise: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]
        let t = PRIM.peel([.numeric(noise), .categorical(names: ["a", "b", "c"], values: categories)],
                          cases: cases, alpha: 0.1, minMass: 0)
        let last = t.last!
        #expect(last.density == 1 && last.coverage == 1)
        #expect(last.limits[1].categories == [1])
        #expect(!last.limits[0].isRestricted)
    }
}
