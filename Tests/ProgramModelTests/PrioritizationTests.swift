import Foundation
import SimKernel
import Testing
@testable import ProgramModel

/// Cobham's mean waits of a non-preemptive priority M/G/1 queue, classes in priority order:
/// W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), W0 = Σ λ_i·E[S_i²]/2, σ_k = Σ_{i ≤ k} λ_i·E[S_i].
func cobhamWaits(arrivalRates: [Double], meanService: [Double], secondMoment: [Double]) -> [Double] {
    let w0 = zip(arrivalRates, secondMoment).reduce(0) { $0 + $1.0 * $1.1 } / 2
    var sigma = 0.0
    return zip(arrivalRates, meanService).map { lambda, s in
        let before = sigma
        sigma += lambda * s
        return w0 / ((1 - before) * (1 - sigma))
    }
}

/// Portfolio prioritization (MODEL.md 4.2, 6.6) and the Cobham check of section 11.
@Suite("Prioritization (MODEL.md 4.2, 6.6, 11)")
struct PrioritizationTests {
    // MARK: Cobham

    static let lambda = 0.7          // use cases per month, half of each archetype
    static let horizon = 2000.0
    static let replications = 20

    /// The M/M/1 setup of the Erlang C check (ErlangCTests): instant approving decisions,
    /// data prep 0, pilot exponential(mean 1) × complexity 1, every pilot failing, so each use
    /// case asks once for the one squad (class 2). Two archetypes of equal weight and fixed
    /// values 300 and 100, exact estimates: under `value` the 300s form the high class.
    static func twoClassQueue(_ prioritization: Scenario.Prioritization) -> Scenario {
        var s = ErlangCTests.scenario()
        s.horizonMonths = horizon
        s.portfolio.arrivalsPerMonth = lambda
        s.portfolio.arrivalsUntilMonth = horizon
        s.portfolio.prioritization = prioritization
        s.portfolio.valueEstimateP90Ratio = 1
        var high = s.portfolio.archetypes[0]
        high.name = "high"
        high.valuePerMonth = .fixed(300)
        var low = high
        low.name = "low"
        low.valuePerMonth = .fixed(100)
        s.portfolio.archetypes = [high, low]
        s.teams.delivery = 1
        s.stages.pilot.duration = .exponential(mean: 1)
        return s
    }

    /// Per replication: the mean wait of the high-value and of the low-value class (request
    /// at arrival, decisions being instant; granted when data preparation starts), and the
    /// model's own mean team wait over both.
    static func classWaits(_ s: Scenario) -> [(high: Double, low: Double, all: Double)] {
        var sim = ProgramSimulation(scenario: s)
        return (0..<replications).map { replication in
            let (r, trace) = sim.runTraced(seed: 20_251_201, replication: replication)
            var arrival: [Int: (time: Double, value: Double)] = [:]
            var sums = [0.0, 0.0], counts = [0, 0]
            for e in trace {
                if e.event == "arrive" {
                    arrival[e.useCase] = (e.time, e.number("value_per_month")!)
                } else if e.event == "data_prep_start", let a = arrival[e.useCase] {
                    let k = a.value == 300 ? 0 : 1
                    sums[k] += e.time - a.time
                    counts[k] += 1
                }
            }
            return (sums[0] / Double(counts[0]), sums[1] / Double(counts[1]), r.meanTeamWaitMonths!)
        }
    }

    static let valueRuns = classWaits(twoClassQueue(.value))
    static let fifoRuns = classWaits(twoClassQueue(.fifo))

    @Test func cobhamHelperMatchesHandComputation() {
        // λ1 = λ2 = 0.35, E[S] = 1, E[S²] = 2: W0 = 0.7, σ1 = 0.35, σ2 = 0.7,
        // W1 = 0.7/0.65 = 1.0769…, W2 = 0.7/(0.65·0.3) = 3.5897…
        let w = cobhamWaits(arrivalRates: [0.35, 0.35], meanService: [1, 1], secondMoment: [2, 2])
        #expect(abs(w[0] - 0.7 / 0.65) < 1e-12 && abs(w[1] - 0.7 / 0.195) < 1e-12)
        // Conservation: the λ-weighted mean is the M/M/1 FIFO wait ρ/(μ − λ) = 0.7/0.3.
        #expect(abs((w[0] + w[1]) / 2 - 0.7 / 0.3) < 1e-12)
    }

    /// Tolerance: each replication gives one mean wait per class (about 700 waits each); the
    /// 20 replications' spread gives the standard error, and |mean − W_k| < 4·SE fails by chance
    /// with probability about 1e-3 (t, 19 d.f.), reproducibly with the fixed seed. Bias: every
    /// run starts empty; the queue forgets that within ~40 months (1/(1 − √ρ)²), about 2% of
    /// the 2,000-month horizon, a shift well inside 4·SE. The guard on SE keeps the test able
    /// to fail: FIFO for both classes (2.33) or preemptive priority (W1 = 0.54 for class 1)
    /// lie many SEs away.
    @Test func eachClassWaitsAsCobhamSays() {
        let w = cobhamWaits(arrivalRates: [Self.lambda / 2, Self.lambda / 2], meanService: [1, 1], secondMoment: [2, 2])
        let high = SampleSummary(Self.valueRuns.map(\.high))
        let low = SampleSummary(Self.valueRuns.map(\.low))
        #expect(high.zScore(against: w[0]) < 4, "high class \(high.mean) ± \(high.standardError) vs Cobham \(w[0])")
        #expect(low.zScore(against: w[1]) < 4, "low class \(low.mean) ± \(low.standardError) vs Cobham \(w[1])")
        #expect(high.standardError < 0.05 * w[0] && low.standardError < 0.08 * w[1])
        // FIFO serves both classes alike: each waits W_fifo = W0/(1 − ρ).
        let fifo = 0.7 / 0.3
        let fifoHigh = SampleSummary(Self.fifoRuns.map(\.high))
        #expect(fifoHigh.zScore(against: fifo) < 4, "fifo high class \(fifoHigh.mean) vs \(fifo)")
    }

    /// Conservation law: ranking reorders waits but leaves the mean over both classes at the
    /// FIFO value, for equal service-time distributions. Checked against the formula and,
    /// paired (the same arrivals, values and pilot durations: common random numbers), against
    /// the FIFO run itself; the paired difference is much sharper, so 4·SE of it is tight.
    @Test func theMeanOverBothClassesEqualsFIFOs() {
        let all = SampleSummary(Self.valueRuns.map(\.all))
        #expect(all.zScore(against: 0.7 / 0.3) < 4, "both classes \(all.mean) ± \(all.standardError)")
        let difference = SampleSummary(zip(Self.valueRuns, Self.fifoRuns).map { $0.all - $1.all })
        #expect(difference.zScore(against: 0) < 4, "value − fifo \(difference.mean) ± \(difference.standardError)")
        #expect(difference.standardError < 0.03 * 0.7 / 0.3)
        // The measured per-class means weighted by arrivals reproduce the model's own figure.
        for run in Self.valueRuns { #expect(abs((run.high + run.low) / 2 - run.all) < 0.15 * run.all) }
    }

    // MARK: wsjf on a hand-built queue

    /// Ten use cases at t = 0, one squad, every pilot failing after 1·c months so each asks
    /// for a squad once; values from {100, 200, 300}, complexities from {0.5, 1, 2}, so that
    /// V/c takes tied values (100/0.5 = 200/1 = 200). Exact estimates: the squad serves uc 0
    /// (free at t = 0), then the others by V/c, highest first, ties in request order, each
    /// starting when the previous pilot ends.
    @Test func wsjfWithExactEstimatesOrdersAQueueExactly() throws {
        var s = exactScenario(useCases: 10, squads: 1)
        s.portfolio.archetypes[0].valuePerMonth = .empirical(values: [100, 200, 300], weights: nil)
        s.portfolio.archetypes[0].complexity = .empirical(values: [0.5, 1, 2], weights: nil)
        s.stages.pilot.baseSuccess = 0
        s.portfolio.prioritization = .wsjf
        s.portfolio.valueEstimateP90Ratio = 1
        let (_, trace) = traced(s, seed: 5)
        let arrivals = trace.named("arrive")
        #expect(arrivals.map(\.useCase) == Array(0..<10))
        let v = try arrivals.map { try #require($0.number("value_per_month")) }
        let c = try arrivals.map { try #require($0.number("complexity")) }
        let rank = try arrivals.map { try #require($0.number("rank")) }
        #expect(rank == zip(v, c).map { $0 / $1 }, "exact estimates: the rank is V/c itself")
        // The queue must exercise ties for the test to mean something.
        #expect(Set(rank.dropFirst()).count < 9, "no tied ranks among \(rank)")
        let expectedOrder = [0] + (1..<10).sorted { rank[$0] > rank[$1] || (rank[$0] == rank[$1] && $0 < $1) }
        let starts = trace.named("data_prep_start")
        #expect(starts.map(\.useCase) == expectedOrder)
        // Back to back: each starts when the previous one's pilot (1·c months) ends.
        var t = 0.0
        for (start, uc) in zip(starts, expectedOrder) {
            #expect(abs(start.time - t) < 1e-12)
            t += c[uc]
        }
        // Under fifo the same use cases (common random numbers) are served in index order.
        s.portfolio.prioritization = .fifo
        let (_, fifoTrace) = traced(s, seed: 5)
        #expect(fifoTrace.named("data_prep_start").map(\.useCase) == Array(0..<10))
        #expect(fifoTrace.named("arrive").map { $0.number("value_per_month")! } == v)
    }

    /// Z is drawn whatever the prioritization (4.2): scenarios that differ only in ranking
    /// draw the same attributes, and the draws after them (decision delays, durations,
    /// outcomes) stay aligned: a use case's first G0 delay is the same under all three.
    @Test func rankingsFaceTheSameUseCases() {
        var s = Scenario()
        s.governance.style = .federated
        func attributes(_ p: Scenario.Prioritization) -> [String] {
            s.portfolio.prioritization = p
            let (_, trace) = traced(s, seed: 9, replication: 3)
            let arrive = trace.named("arrive").map { e in
                e.detail.split(separator: " ").filter { !$0.hasPrefix("rank=") }.joined(separator: " ")
            }
            let delays = trace.named("g0_submitted").map { "\($0.useCase):\($0.detail)" }
            return arrive + delays
        }
        let fifo = attributes(.fifo)
        #expect(fifo.count > 40)
        #expect(attributes(.value) == fifo)
        #expect(attributes(.wsjf) == fifo)
    }

    // MARK: wsjf with a large estimate error

    /// With valueEstimateP90Ratio 1e30 (σ ≈ 54) the ranking is all noise: ln Ṽ/c = ln V − ln c
    /// + σZ, and ln V's spread (≈ 1) is 2% of σ, so the rank is nearly independent of the
    /// truth and wsjf serves in nearly random order. Its value realized then approaches
    /// fifo's: what is left is the 2% correlation and random order within a class instead of
    /// arrival order; measured at 10,000 replications they add +238 ± 250 k$ (0.4% of
    /// fifo's 57,000 k$), below one standard error of the paired difference here (about
    /// 470 k$ at 500 replications). Tolerance: the paired mean difference within 4 of its SEs
    /// of 0, while exact wsjf gains over 10 SEs (about 8,000 k$, 14%): so the test fails if the
    /// estimate error were not applied or applied to the wrong thing.
    @Test func wsjfWithALargeEstimateErrorApproachesFIFO() {
        let count = 500
        var blind = Scenario()
        blind.portfolio.prioritization = .wsjf
        blind.portfolio.valueEstimateP90Ratio = 1e30
        var exact = blind
        exact.portfolio.valueEstimateP90Ratio = 1
        let fifo = runReplications(Scenario(), seed: 1, count: count).map(\.valueRealized)
        let noisy = runReplications(blind, seed: 1, count: count).map(\.valueRealized)
        let sharp = runReplications(exact, seed: 1, count: count).map(\.valueRealized)
        let noisyGain = SampleSummary(zip(noisy, fifo).map { $0 - $1 })
        let sharpGain = SampleSummary(zip(sharp, fifo).map { $0 - $1 })
        #expect(noisyGain.zScore(against: 0) < 4, "noisy wsjf − fifo \(noisyGain.mean) ± \(noisyGain.standardError)")
        #expect(sharpGain.zScore(against: 0) > 10, "exact wsjf − fifo \(sharpGain.mean) ± \(sharpGain.standardError)")
        #expect(abs(noisyGain.mean) < 0.2 * sharpGain.mean)
    }
}
