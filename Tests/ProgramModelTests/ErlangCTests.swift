import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// Erlang C probability that an arrival waits in an M/M/c queue with offered load a = λ/μ
/// (a < c), through the Erlang B recursion B(0) = 1, B(k) = a·B(k−1)/(k + a·B(k−1)) and
/// C = B / (1 − (a/c)·(1 − B)).
func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
    precondition(a < Double(c), "the queue must be stable")
    var b = 1.0
    for k in 1...c { b = a * b / (Double(k) + a * b) }
    let rho = a / Double(c)
    return b / (1 - rho * (1 - b))
}

/// Mean wait in queue of an M/M/c queue: Wq = C(c, a) / (cμ − λ).
func erlangCMeanWait(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> Double {
    erlangC(servers: c, offeredLoad: lambda / mu) / (Double(c) * mu - lambda)
}

/// MODEL.md section 11, first check: with every decision instant and approving, data prep 0,
/// pilot success 0 and exponential pilot durations, Poisson arrivals and pooled squads, the
/// squads form an M/M/c queue.
///
/// The setup: federated with localDecisionMonths 0 and approveAligned 1 (every use case is
/// aligned), parallel strategy (no planning hold), data prep fixed 0 with blockerRate 0, pilot
/// baseSuccess 0 so every pilot fails and each use case asks for a squad exactly once (no
/// scale-up, no retraining), pilot exponential(mean 1/μ) × complexity fixed 1 (the clamp at
/// 0.05 leaves 1 alone), no co-development, initialUseCases 0 and Poisson arrivals at λ until
/// the horizon. Each arrival is therefore one class-2 request whose hold is exponential.
@Suite("Erlang C: squads as an M/M/c queue (MODEL.md 11)")
struct ErlangCTests {
    static let servers = 3
    static let lambda = 2.0          // use cases per month
    static let meanService = 1.2     // months, μ = 1/1.2; a = 2.4, ρ = 0.8
    static let horizon = 3000.0
    static let replications = 30

    static func scenario() -> Scenario {
        var s = Scenario()
        s.name = "mmc"
        s.horizonMonths = horizon
        s.portfolio.initialUseCases = 0
        s.portfolio.arrivalsPerMonth = lambda
        s.portfolio.arrivalsUntilMonth = horizon
        var a = Scenario.Archetype()
        a.complexity = .fixed(1)
        a.alignedShare = 1
        a.highRiskShare = 0
        s.portfolio.archetypes = [a]
        s.teams.delivery = servers
        s.teams.placement = .pooled
        s.governance.style = .federated
        s.governance.localDecisionMonths = 0
        s.governance.approveAligned = 1
        s.strategy.approach = .parallel
        s.coDevelopment.enabled = false
        s.stages.dataPrep.duration = .fixed(0)
        s.stages.dataPrep.blockerRate = 0
        s.stages.pilot.duration = .exponential(mean: meanService)
        s.stages.pilot.baseSuccess = 0
        s.operations.driftPerYear = 0
        s.compliance.incidentsPerYear.audited = 0
        s.compliance.incidentsPerYear.unaudited = 0
        return s
    }

    /// The replications are shared by the tests of this suite (run once per test process, ~4 s in a debug build; LittlesLawTests reuses them).
    static let results: [ReplicationResult] = runReplications(scenario(), seed: 20_250_611,
                                                              count: replications)

    @Test("Erlang C helper matches a hand-computed value")
    func erlangCHelper() {
        // c = 3, a = 2.4 by hand: Erlang B
        //   B1 = 2.4/(1 + 2.4) = 0.705882…, B2 = 2.4·B1/(2 + 2.4·B1) = 0.458599…,
        //   B3 = 2.4·B2/(3 + 2.4·B2) = 0.268409…;
        // C = B3/(1 − 0.8·(1 − B3)) = 0.268409/0.414727 = 0.647195…
        // Direct formula: C = (a^c/c!)·(1/(1−ρ)) / (Σ_{k<c} a^k/k! + (a^c/c!)·(1/(1−ρ)))
        //   = (13.824/6·5) / (1 + 2.4 + 2.88 + 11.52) = 11.52 / 17.8 = 0.6471910…
        #expect(abs(erlangC(servers: 3, offeredLoad: 2.4) - 11.52 / 17.8) < 1e-12)
        // Wq = C/(cμ − λ) = 0.647191/(2.5 − 2) = 1.294382 months.
        #expect(abs(erlangCMeanWait(servers: 3, arrivalRate: 2, serviceRate: 1 / 1.2) - 2 * 11.52 / 17.8) < 1e-12)
        // One server: C = ρ (M/M/1), a sanity check of the recursion.
        #expect(abs(erlangC(servers: 1, offeredLoad: 0.7) - 0.7) < 1e-12)
    }

    @Test("every use case asks for a squad exactly once and every pilot fails")
    func setupIsTheIntendedQueue() {
        for r in Self.results {
            #expect(r.pilotsSucceeded == 0)
            #expect(r.rejected == 0)
            #expect(r.abandonedData == 0)
            #expect(r.reachedProduction == 0)
            // ~λ·H = 6,000 arrivals; all but the few still queued or in service at the
            // horizon have failed their pilot.
            #expect(r.failedTechnical <= r.useCases && r.useCases - r.failedTechnical < 40)
        }
    }

    /// Tolerance: each replication's mean wait is one independent observation; the 30
    /// replications give a sample mean whose standard error is estimated from their spread
    /// (per-replication sd ≈ 0.26 months, SE ≈ 0.05). |mean − Wq| < 4·SE fails by chance with
    /// probability ≈ 6e-5 (t with 29 d.f.: ≈ 4e-4); the seed is fixed, so it is reproducible.
    /// Bias: every run starts with empty squads; the queue forgets its start within a few
    /// dozen months (relaxation time of order 1/(μ(1 − √ρ)²) ≈ 100 months at most), which
    /// shifts the mean over ~6,000 waits by about 1 % of Wq, well inside 4·SE (≈ 4 %).
    /// Waits still open at the horizon are left out (section 7), a handful out of 6,000.
    @Test("mean wait for a squad matches Erlang C within 4 standard errors")
    func meanWaitMatchesErlangC() throws {
        let waits = try Self.results.map { try #require($0.meanTeamWaitMonths) }
        let summary = SampleSummary(waits)
        let wq = erlangCMeanWait(servers: Self.servers, arrivalRate: Self.lambda,
                                 serviceRate: 1 / Self.meanService)
        #expect(summary.zScore(against: wq) < 4,
                "mean wait \(summary.mean) ± \(summary.standardError) vs Erlang C \(wq)")
        // The test must be able to fail: 4·SE must stay well below the differences a bug
        // would make (deterministic holds, M/D/c, halve Wq; a fourth squad gives Wq ≈ 0.35),
        // so guard against a vacuous, huge SE.
        #expect(summary.standardError < 0.05 * wq)
    }

    /// Same tolerance argument as the mean wait: 4·SE across replications; the busy-time
    /// integral starts empty, a bias of order E[S]/H ≈ 0.04 % here.
    @Test("squad utilization matches ρ = λ/(cμ) within 4 standard errors")
    func utilizationMatchesRho() {
        let summary = SampleSummary(Self.results.map(\.squadUtilization))
        let rho = Self.lambda * Self.meanService / Double(Self.servers)
        #expect(summary.zScore(against: rho) < 4,
                "utilization \(summary.mean) ± \(summary.standardError) vs ρ \(rho)")
        #expect(summary.standardError < 0.01)
    }
}
