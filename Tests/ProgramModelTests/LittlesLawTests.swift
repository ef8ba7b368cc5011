import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// MODEL.md section 11, fourth check: Little's law for squads, mean busy squads = arrival
/// rate of requests × mean hold. Busy squads over the run = squad_utilization · T.
///
/// Tolerance, both tests: one observation per replication, |mean − λ·E[hold]| < 4·SE with
/// SE = sample sd/√R (chance failure ≈ 6e-5 under normality; fixed seeds). Runs start empty
/// and use cases arriving near the horizon are censored mid-hold; both edges shift the time
/// average by about (sojourn of a request)/H, a fraction of a percent here, well below 4·SE.
@Suite("Little's law for squads (MODEL.md 11)")
struct LittlesLawTests {
    /// The M/M/c setup of `ErlangCTests`: λ = 2 requests/month, E[S] = 1.2 → 2.4 busy squads.
    @Test("M/M/c: mean busy squads = λ · E[service]")
    func mmc() {
        let busy = SampleSummary(ErlangCTests.results.map { $0.squadUtilization * Double(ErlangCTests.servers) })
        let expected = ErlangCTests.lambda * ErlangCTests.meanService
        #expect(busy.zScore(against: expected) < 4,
                "busy \(busy.mean) ± \(busy.standardError) vs λ·E[S] \(expected)")
        #expect(busy.standardError < 0.05)
    }

    static let replications = 20
    static let horizon = 1200.0

    /// A mixed load: G0 rejections, data preparation with readiness penalty, blockers that
    /// abandon or remediate, pilots that succeed half the time and then a scale-up (class 1)
    /// after a random audit. Five pooled squads, Poisson arrivals λ = 1/month, federated with
    /// instant decisions, no drift (no retraining load), coupling 0.
    static func mixedScenario() -> Scenario {
        var s = Scenario()
        s.name = "little-mixed"
        s.horizonMonths = horizon
        s.portfolio.initialUseCases = 0
        s.portfolio.arrivalsPerMonth = 1
        s.portfolio.arrivalsUntilMonth = horizon
        var a = Scenario.Archetype()
        a.complexity = .fixed(1)
        a.alignedShare = 1
        s.portfolio.archetypes = [a]
        s.dataDomains = [Scenario.DataDomainSpec(name: "only", readiness: 0.4)]
        s.teams.delivery = 5
        s.governance.style = .federated
        s.governance.localDecisionMonths = 0
        s.governance.approveAligned = 0.8
        s.stages.dataPrep.duration = .triangular(min: 0.5, mode: 1, max: 2)
        s.stages.dataPrep.readinessPenalty = 1.5
        s.stages.dataPrep.blockerRate = 0.5
        s.stages.dataPrep.abandonOnBlocker = 0.5
        s.stages.dataPrep.remediationShare = 0.5
        s.stages.pilot.duration = .gamma(mean: 1.5, cv: 0.5)
        s.stages.pilot.baseSuccess = 0.5
        s.stages.pilot.dataSensitivity = 0
        s.stages.scaleApproval.base = 1
        s.stages.scaleUp.duration = .triangular(min: 1, mode: 2, max: 3)
        s.architecture.coupling = 0
        s.operations.driftPerYear = 0
        return s
    }

    /// Squad-months per arriving use case, from the distributions' means (5.4, 5.5, 5.7):
    ///   approved at G0 with 0.8;
    ///   prep = D·c·(1 + 1.5·(1 − 0.4)) = 1.9·D, E[D] = (0.5 + 1 + 2)/3;
    ///   blocker with 0.5·(1 − 0.4) = 0.3: abandoned with 0.15, remediated with 0.15
    ///   (+ 0.5·prep);
    ///   pilot (if not abandoned, 0.85): E = 1.5; success 0.5, G1 certain, then scale-up E = 2.
    ///   E[hold] = 0.8·(1.9·E[D]·(1 + 0.15·0.5) + 0.85·(1.5 + 0.5·2)) ≈ 3.606 squad-months,
    /// so λ·E[hold] ≈ 3.6 busy squads of 5 (ρ ≈ 0.72).
    @Test("mixed classes with data prep and remediation: busy squads = λ · E[hold]")
    func mixedLoad() {
        let s = Self.mixedScenario()
        let prep = s.stages.dataPrep.duration.mean * 1 * (1 + 1.5 * (1 - 0.4))
        let blocker = 0.5 * (1 - 0.4)
        let perRequest = prep * (1 + blocker * 0.5 * 0.5)
            + (1 - blocker * 0.5) * (s.stages.pilot.duration.mean + 0.5 * s.stages.scaleUp.duration.mean)
        let expected = s.portfolio.arrivalsPerMonth * 0.8 * perRequest
        #expect(abs(expected - 0.8 * (1.9 * 3.5 / 3 * 1.075 + 0.85 * 2.5)) < 1e-12)
        let results = runReplications(s, seed: 31_337, count: Self.replications)
        let busy = SampleSummary(results.map { $0.squadUtilization * Double(s.teams.delivery) })
        #expect(busy.zScore(against: expected) < 4,
                "busy \(busy.mean) ± \(busy.standardError) vs λ·E[hold] \(expected)")
        #expect(busy.standardError < 0.05)
        // The load really is mixed: some abandoned, rejected, failed and scaled-up use cases.
        let total = results.reduce(into: (0, 0, 0, 0)) {
            $0.0 += $1.abandonedData; $0.1 += $1.rejected; $0.2 += $1.failedTechnical; $0.3 += $1.reachedProduction
        }
        #expect(total.0 > 0 && total.1 > 0 && total.2 > 0 && total.3 > 0)
    }
}
