import Foundation
import Testing
@testable import ProgramModel

/// NPV against the closed form for every valid annual rate r > −1 (MODEL.md section 7:
/// δ = ln(1 + r)/12): a negative rate weights later months more, it is not rate 0.
@Suite struct DiscountRateTests {
    /// ∫ₐᵇ rate·e^(−δt) dt, for any δ (the limit rate·(b − a) at δ = 0).
    private func integral(_ rate: Double, _ a: Double, _ b: Double, _ delta: Double) -> Double {
        delta == 0 ? rate * (b - a) : rate * (exp(-delta * a) - exp(-delta * b)) / delta
    }

    @Test(arguments: [-0.5, -0.2, -1e-6, 0, 1e-6, 0.1, 3.0])
    func npvIsTheClosedFormAtAnnualRate(rate: Double) {
        var s = deterministicScenario()
        s.economics.discountRatePerYear = rate
        let delta = log(1 + rate) / 12
        // The federated path: production at 12, value 10 on [13, 15], 40 on [15, 18], 100 on
        // [18, 60]; one squad costing 10 a month over [0, 60].
        let expected = integral(10, 13, 15, delta) + integral(40, 15, 18, delta) + integral(100, 18, 60, delta)
            - integral(10, 0, 60, delta)
        var sim = ProgramSimulation(scenario: s)
        let r = sim.run(seed: 7, replication: 3)
        #expect(abs(r.npv - expected) <= 1e-9 * max(1, abs(expected)), "r = \(rate): npv \(r.npv), closed form \(expected)")
        #expect(r.valueRealized == 4340)
    }

    @Test func aNegativeRateIsNotRateZero() {
        var s = deterministicScenario()
        s.economics.discountRatePerYear = 0
        var sim = ProgramSimulation(scenario: s)
        let atZero = sim.run(seed: 7, replication: 3).npv
        s.economics.discountRatePerYear = -0.5
        sim = ProgramSimulation(scenario: s)
        #expect(sim.run(seed: 7, replication: 3).npv > atZero)
    }
}
