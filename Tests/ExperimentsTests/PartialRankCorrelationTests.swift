import Foundation
import Testing
import SimKernel
@testable import Experiments

@Suite struct PartialRankCorrelationTests {
    @Test func tiesGetTheirAverageRank() {
        #expect(PartialRankCorrelation.ranks([3, 1, 2, 2]) == [4, 1, 2.5, 2.5])
    }

    /// y = exp(4·x₁ + 2·x₂ − x₃ + ε), ε ~ U(0, 1), x₄ unused: a monotone model whose factors
    /// rank x₁ > x₂ > x₃ in strength, x₃ with a negative sign, x₄ with none. With 400 points
    /// the standard error of a PRCC near 0 is about 1/√(400 − 6) = 0.05, so x₄'s interval
    /// must hold 0 and the gaps between the others (0.1 and more) are many errors wide.
    @Test func ranksTheFactorsOfAKnownMonotoneModel() throws {
        var g = Xoshiro256StarStar(seed: 5)
        let n = 400
        var x = [[Double]](repeating: [], count: 4)
        var y: [Double] = []
        for _ in 0..<n {
            for d in 0..<4 { x[d].append(g.nextUnit()) }
            let i = x[0].count - 1
            y.append(exp(4 * x[0][i] + 2 * x[1][i] - x[2][i] + g.nextUnit()))
        }
        let c = PartialRankCorrelation.coefficients(inputs: x, output: y)
        let r = try c.map { try #require($0.value) }
        #expect(r[0] > r[1] && r[1] > -r[2] && -r[2] > abs(r[3]))
        #expect(r[0] > 0 && r[1] > 0 && r[2] < 0)
        #expect(try #require(c[3].ci95Low) < 0 && (try #require(c[3].ci95High)) > 0)
        #expect(try #require(c[0].pValue) < 1e-10)
        #expect(try #require(c[0].ci95Low) < r[0] && (try #require(c[0].ci95High)) > r[0])
    }

    @Test func aConstantFactorHasNoCoefficient() {
        let c = PartialRankCorrelation.coefficients(inputs: [[1, 2, 3, 4, 5, 6], [2, 2, 2, 2, 2, 2]],
                                                    output: [1, 3, 2, 5, 4, 6])
        #expect(c[1].value == nil)
        #expect(c[0].value == nil)  // the constant column makes the fit singular for x₁ too
    }
}
