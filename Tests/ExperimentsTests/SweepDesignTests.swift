import Testing
import ProgramModel
import SimKernel
@testable import Experiments

@Suite struct SweepDesignTests {
    @Test func gridIsFullFactorialFirstParameterSlowest() {
        let points = GridDesign.points([[.number(1), .number(2)], [.string("x"), .string("y"), .string("z")]])
        #expect(points.count == 6)
        #expect(points[0] == [.number(1), .string("x")])
        #expect(points[1] == [.number(1), .string("y")])
        #expect(points[3] == [.number(2), .string("x")])
        #expect(points[5] == [.number(2), .string("z")])
        let big = GridDesign.points([Array(repeating: .null, count: 4), Array(repeating: .null, count: 3),
                                     Array(repeating: .null, count: 5)])
        #expect(big.count == 60)
    }

    @Test func gridRangeLevelsIncludeBothEnds() {
        let p = SweepParameter(path: try! ScenarioPath(parsing: "a"), min: 0.2, max: 0.8, levels: 4)
        let levels: [Double] = GridDesign.levels(of: p).map { value -> Double in
            if case .number(let x) = value { return x }
            return -1
        }
        #expect(levels.count == 4)
        #expect(levels.first == 0.2 && levels.last == 0.8)
        #expect(abs(levels[1] - 0.4) < 1e-12)
    }

    @Test func latinHypercubeHasOneSamplePerStratumPerDimension() {
        for n in [1, 7, 100] {
            var rng = Xoshiro256StarStar(seed: 9, replication: .max, stream: 0)
            let samples = LatinHypercube.unitSamples(samples: n, dimensions: 3, generator: &rng)
            #expect(samples.count == n)
            for d in 0..<3 {
                let strata = samples.map { Int($0[d] * Double(n)) }.sorted()
                #expect(strata == Array(0..<n))
                #expect(samples.allSatisfy { $0[d] >= 0 && $0[d] < 1 })
            }
        }
    }

    @Test func latinHypercubeIsDeterministicFromTheSeed() {
        var a = Xoshiro256StarStar(seed: 1, replication: .max, stream: 0)
        var b = Xoshiro256StarStar(seed: 1, replication: .max, stream: 0)
        var c = Xoshiro256StarStar(seed: 2, replication: .max, stream: 0)
        let x = LatinHypercube.unitSamples(samples: 20, dimensions: 2, generator: &a)
        #expect(x == LatinHypercube.unitSamples(samples: 20, dimensions: 2, generator: &b))
        #expect(x != LatinHypercube.unitSamples(samples: 20, dimensions: 2, generator: &c))
    }

    @Test func integerRangeSpreadsStrataOverWholeNumbers() {
        let p = SweepParameter(path: try! ScenarioPath(parsing: "a"), min: 4, max: 7, integer: true)
        #expect(p.rangeValue(unit: 0) == 4)
        #expect(p.rangeValue(unit: 0.26) == 5)
        #expect(p.rangeValue(unit: 0.9999) == 7)
    }

    @Test func morrisTrajectoriesMoveOneFactorAtATimeByDelta() {
        var rng = Xoshiro256StarStar(seed: 3, replication: .max, stream: 0)
        let design = MorrisDesign(factors: 5, levels: 4, trajectories: 12, generator: &rng)
        #expect(design.points.count == 12 * 6)
        #expect(abs(design.delta - 2.0 / 3.0) < 1e-15)
        for t in 0..<12 {
            #expect(design.moved[t].sorted() == Array(0..<5))  // every factor moves once
            for s in 0..<5 {
                let before = design.points[t * 6 + s], after = design.points[t * 6 + s + 1]
                let changed = (0..<5).filter { before[$0] != after[$0] }
                #expect(changed == [design.moved[t][s]])
                let f = changed[0]
                #expect(abs(abs(design.unit(after[f]) - design.unit(before[f])) - design.delta) < 1e-15)
            }
            #expect(design.points[(t * 6)..<(t * 6 + 6)].allSatisfy { $0.allSatisfy { (0..<4).contains($0) } })
        }
    }

    /// y = 3·x0 − x1 + 0·x2 + 2·x0·x3: linear factors have elementary effects equal to their
    /// coefficient every time (σ = 0), x2 none, and the interaction makes x0 and x3 vary.
    @Test func morrisRecoversKnownEffects() {
        var rng = Xoshiro256StarStar(seed: 5, replication: .max, stream: 0)
        let design = MorrisDesign(factors: 4, levels: 6, trajectories: 30, generator: &rng)
        let outputs: [Double?] = design.points.map { levels in
            let x = levels.map(design.unit)
            return 3 * x[0] - x[1] + 0 * x[2] + 2 * x[0] * x[3]
        }
        let indices = MorrisAnalysis.indices(design, outputs: outputs) {
            Xoshiro256StarStar(seed: 1, replication: .max, stream: UInt64(1 + $0))
        }
        #expect(abs(indices[1].mu! + 1) < 1e-12)
        #expect(abs(indices[1].muStar! - 1) < 1e-12)
        #expect(abs(indices[1].sigma!) < 1e-12)
        #expect(indices[2].muStar == 0)
        // x0's effect is 3 + 2·x3 with x3 in [0, 1]: between 3 and 5.
        #expect(indices[0].muStar! > 3 && indices[0].muStar! < 5)
        #expect(indices[0].sigma! > 0)
        #expect(indices[0].muStarLow! <= indices[0].muStar! && indices[0].muStar! <= indices[0].muStarHigh!)
        // x3's effect is 2·x0: between 0 and 2.
        #expect(indices[3].muStar! > 0 && indices[3].muStar! < 2)
        // Ranking: x0 > x3, x1 > x2.
        #expect(indices[0].muStar! > indices[1].muStar! && indices[1].muStar! > indices[2].muStar!)
    }

    @Test func oneAtATimeRunsLowThenHigh() {
        let runs = OneAtATimeDesign.points(parameters: 3)
        #expect(runs.map(\.parameter) == [0, 0, 1, 1, 2, 2])
        #expect(runs.map(\.high) == [false, true, false, true, false, true])
    }
}

@Suite struct GridLevelTests {
    @Test func evenlySpacedLevelsAreTheDecimalsAPersonWouldWrite() {
        let p = SweepParameter(path: try! ScenarioPath(parsing: "dataDomains[*].readiness"), min: 0.2, max: 0.8, levels: 4)
        // Plain arithmetic gives 0.6000000000000001 for the third level.
        #expect(GridDesign.levels(of: p) == [.number(0.2), .number(0.4), .number(0.6), .number(0.8)])
        #expect(SweepParameter.tidy(1.0 / 3.0) == 1.0 / 3.0)  // no short decimal nearby: unchanged
        #expect(SweepParameter.tidy(-2.5e-7) == -2.5e-7)
    }
}
