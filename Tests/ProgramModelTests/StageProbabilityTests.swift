import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// MODEL.md section 11, third check: with stochastic stages and no capacity limits,
/// pilot_to_scale_rate converges to the product of the stage probabilities.
///
/// Setup: 400 use cases at t = 0 and 1,000 pooled squads (no one ever waits), federated with
/// instant decisions, every G0 approving (aligned: approveAligned 1; misaligned: screening
/// 0 and plannedScreening 0, so 1 − s = 1 whatever the number of finished pilots), complexity
/// fixed 1, one data domain with readiness 0.5. Durations stay random (the defaults), and so
/// do data blockers, audits, drift and incidents: none of them changes a use case's outcome
/// after its pilot starts (drift and rollbacks do not pause or fail the rollout, 5.8). The
/// longest path is ≈ 40 months (prep 6 + remediation 3 + pilot 6 + audit 1.5 + 2 reworks of 2
/// + scale-up 7 + rollout 12), inside the 60-month horizon, so no pilot is censored.
///
/// Given a started pilot, with fit f_k after k reworks (f_{k+1} = f_k + g·(1 − f_k)):
///   P(scaled | pilot) = p · Σ_{k=0…maxResubmissions} [Π_{j<k} (1 − q_j)] · q_k · A(f_k)^P
///   P(production | pilot) = p · Σ_k [Π_{j<k} (1 − q_j)] · q_k
/// where p is the pilot success probability, q_k = base + (1 − base)·f_k·(a ? 1 : evidence)
/// and A(f) = (a ? 1 : misalignedAdoption)·(1 − (1 − baseAdoption)(1 − f)(1 − changeManagement))
/// the adoption check of each of the P phases (the fit used is the one after rework).
///
/// Tolerance: use cases do not interact here (no queue, G0 independent of the pilots
/// finished), so given n started pilots the scaled count is Binomial(n, P). The pooled ratio
/// must be within 4 binomial standard errors √(P(1 − P)/n) of P: a chance failure has
/// probability ≈ 6e-5, and the seed is fixed.
@Suite("Product of stage probabilities (MODEL.md 11)")
struct StageProbabilityTests {
    static let useCases = 400
    static let replications = 20

    struct Expected {
        var pilotSuccess: Double
        var production: Double   // P(production | pilot started)
        var scale: Double        // P(scaled | pilot started)
    }

    /// The closed form above, from the scenario's own parameters.
    static func expected(_ s: Scenario, aligned: Bool, readiness r: Double) -> Expected {
        let pl = s.stages.pilot
        let p = min(1, max(0, pl.baseSuccess * (1 - pl.dataSensitivity * (1 - r)) * pow(1.0, -pl.complexityExponent)))
        let sa = s.stages.scaleApproval
        let ro = s.stages.rollout
        let f0 = s.teams.placement == .pooled ? s.fit.pooled : s.fit.perBusinessUnit
        var f = s.coDevelopment.enabled ? f0 + s.coDevelopment.fitGain * (1 - f0) : f0
        var stillDenied = 1.0
        var production = 0.0, scale = 0.0
        for k in 0...sa.maxResubmissions {
            if k > 0 { f += sa.reworkFitGain * (1 - f) }
            let q = sa.base + (1 - sa.base) * f * (aligned ? 1 : sa.misalignedEvidence)
            let adoption = (aligned ? 1 : ro.misalignedAdoption)
                * (1 - (1 - ro.baseAdoption) * (1 - f) * (1 - ro.changeManagement))
            production += stillDenied * q
            scale += stillDenied * q * pow(adoption, Double(ro.phases.count))
            stillDenied *= 1 - q
        }
        return Expected(pilotSuccess: p, production: p * production, scale: p * scale)
    }

    static func scenario(aligned: Bool) -> Scenario {
        var s = Scenario()
        s.name = aligned ? "stage-product-aligned" : "stage-product-misaligned"
        s.horizonMonths = 60
        s.portfolio.initialUseCases = useCases
        s.portfolio.arrivalsPerMonth = 0
        var a = Scenario.Archetype()
        a.complexity = .fixed(1)
        a.alignedShare = aligned ? 1 : 0
        s.portfolio.archetypes = [a]
        s.dataDomains = [Scenario.DataDomainSpec(name: "only", readiness: 0.5)]
        s.teams.delivery = 1000
        s.teams.placement = .pooled
        s.governance.style = .federated
        s.governance.localDecisionMonths = 0
        s.governance.approveAligned = 1
        s.governance.screening.local = 0
        s.strategy.plannedScreening = 0
        return s
    }

    struct Pooled {
        var pilots = 0, succeeded = 0, production = 0, scaled = 0, censored = 0
    }

    static func pool(_ s: Scenario, seed: UInt64) -> Pooled {
        var total = Pooled()
        for r in runReplications(s, seed: seed, count: replications) {
            total.pilots += r.pilotsStarted
            total.succeeded += r.pilotsSucceeded
            total.production += r.reachedProduction
            total.scaled += r.scaled
            total.censored += r.inPurgatoryAtHorizon
            #expect(r.meanTeamWaitMonths == 0, "no one may wait for a squad")
            #expect(r.rejected == 0)
        }
        return total
    }

    static func within4SE(_ count: Int, of n: Int, probability p: Double, _ label: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let observed = Double(count) / Double(n)
        let se = (p * (1 - p) / Double(n)).squareRoot()
        #expect(abs(observed - p) < 4 * se,
                "\(label): observed \(observed) vs product \(p) (4·SE = \(4 * se), n = \(n))",
                sourceLocation: sourceLocation)
    }

    /// Aligned, default stage parameters:
    ///   p = 0.85 · (1 − 0.4·(1 − 0.5)) · 1^(−0.5) = 0.68
    ///   f = 0.45, 0.67, 0.802 (gain 0.4); q = 0.2 + 0.8·f = 0.56, 0.736, 0.8416
    ///   A(f) = 1 − 0.4·(1 − f)·0.7 = 0.846, 0.9076, 0.94456
    ///   P(production | pilot) = 0.68 · (0.56 + 0.44·0.736 + 0.44·0.264·0.8416)
    ///                         = 0.68 · (0.56 + 0.32384 + 0.09776) = 0.68 · 0.9816 ≈ 0.6675
    ///   P(scaled | pilot) = 0.68 · (0.56·0.846³ + 0.32384·0.9076³ + 0.09776·0.94456³)
    ///                     = 0.68 · (0.33908 + 0.24211 + 0.08239) ≈ 0.4512
    /// (A seed-independent look with 60,000 pilots gave 0.6818 / 0.6696 / 0.4542, all within
    /// 1.5 SE of these values.)
    @Test("aligned: pilot-to-production and pilot-to-scale rates equal the products")
    func aligned() {
        let s = Self.scenario(aligned: true)
        let e = Self.expected(s, aligned: true, readiness: 0.5)
        // The closed form against the hand arithmetic in the comment (checks the helper).
        #expect(abs(e.pilotSuccess - 0.68) < 1e-12)
        #expect(abs(e.production - 0.68 * (0.56 + 0.44 * 0.736 + 0.44 * 0.264 * 0.8416)) < 1e-12)
        let byHand: Double = 0.56 * pow(0.846, 3.0) + 0.44 * 0.736 * pow(0.9076, 3.0)
            + 0.44 * 0.264 * 0.8416 * pow(0.94456, 3.0)
        #expect(abs(e.scale - 0.68 * byHand) < 1e-12)
        let t = Self.pool(s, seed: 424_242)
        #expect(t.censored == 0, "every started pilot must be resolved by the horizon")
        #expect(t.pilots > 5000)
        Self.within4SE(t.succeeded, of: t.pilots, probability: e.pilotSuccess, "pilot success")
        Self.within4SE(t.production, of: t.pilots, probability: e.production, "pilot_to_production")
        Self.within4SE(t.scaled, of: t.pilots, probability: e.scale, "pilot_to_scale")
    }

    /// Misaligned with co-development: the misaligned factors and the co-development fit gain.
    ///   f0 = 0.45 + 0.6·0.55 = 0.78, then 0.868, 0.9208 (gain 0.4)
    ///   q = 0.2 + 0.8·f·0.4 = 0.4496, 0.47776, 0.494656
    ///   A(f) = 0.5·(1 − 0.4·(1 − f)·0.7) = 0.4692, 0.48152, 0.488912 (so A³ ≈ 0.1)
    ///   P(production | pilot) = 0.68 · (0.4496 + 0.5504·0.47776 + 0.5504·0.52224·0.494656) ≈ 0.5812
    ///   P(scaled | pilot) ≈ 0.68 · 0.0924 ≈ 0.0628
    /// G0 approves with 1 − max(0, 0·(…)) = 1.
    @Test("misaligned with co-development: the misaligned factors and the fit gain enter the product")
    func misalignedWithCoDevelopment() {
        var s = Self.scenario(aligned: false)
        s.coDevelopment.enabled = true
        let e = Self.expected(s, aligned: false, readiness: 0.5)
        #expect(abs(e.production - 0.68 * (0.4496 + 0.5504 * 0.47776 + 0.5504 * 0.52224 * 0.494656)) < 1e-12)
        let byHand: Double = 0.4496 * pow(0.4692, 3.0) + 0.5504 * 0.47776 * pow(0.48152, 3.0)
            + 0.5504 * 0.52224 * 0.494656 * pow(0.488912, 3.0)
        #expect(abs(e.scale - 0.68 * byHand) < 1e-12)
        let t = Self.pool(s, seed: 171_717)
        #expect(t.censored == 0)
        #expect(t.pilots > 5000)
        Self.within4SE(t.succeeded, of: t.pilots, probability: e.pilotSuccess, "pilot success")
        Self.within4SE(t.production, of: t.pilots, probability: e.production, "pilot_to_production")
        Self.within4SE(t.scaled, of: t.pilots, probability: e.scale, "pilot_to_scale")
    }
}
