import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// `compare --precision`: every scenario in step, stopping on the paired differences'
/// half-widths as comparison.csv reports them (Bonferroni over the k − 1 comparisons).
@Suite struct ComparisonPrecisionTests {
    /// Three one-use-case scenarios on a fixed path whose only random outcome is the pilot,
    /// U < p on the use case's own stream: with the same seed all three see the same U. So
    /// against `base` (p = 1/4), `better` (p = 3/4) scales exactly when `base` does or
    /// 1/4 ≤ U < 3/4: the paired difference is a Bernoulli(1/2) draw, of variance exactly 1/4
    /// (the two outputs' own variances add to 3/8: common random numbers take 1/8 off). `same`
    /// repeats `base`, so its difference is 0 in every replication.
    private func scenarios() -> [Scenario] {
        [StoppingRuleTests.bernoulliScenario("base", pilotSuccess: 0.25),
         StoppingRuleTests.bernoulliScenario("better", pilotSuccess: 0.75),
         StoppingRuleTests.bernoulliScenario("same", pilotSuccess: 0.25)]
    }

    private func target(_ metric: ReplicationMetric, _ halfWidth: Double, relative: Bool = false) -> PrecisionTarget {
        PrecisionTarget(metric: metric, halfWidth: halfWidth, isRelative: relative)
    }

    private func compare(_ rule: StoppingRule?, replications: Int = 0, threads: Int,
                         deltas: [(ReplicationMetric, Double)] = [], progress: ProgressHandler? = nil,
                         to out: String) throws -> ComparisonRun.Outcome {
        try ComparisonRun.run(scenarios(), baseline: 0, seed: 7, replications: replications,
                              metrics: [.pilotToScaleRate, .npv], deltas: deltas, stopping: rule, threads: threads,
                              commandLine: ["test"], progress: progress, to: out)
    }

    private func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>"
    }

    /// A column of a CSV file without quoted fields, by header name.
    private func column(_ path: String, _ name: String) -> [String] {
        let rows = read(path).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let j = rows[0].firstIndex(of: name)!
        return rows.dropFirst().map { $0[j] }
    }

    /// Two scenarios compared with the baseline, so each interval is t(1 − 0.05/4, n − 1)·s/√n
    /// with t ≈ 2.2431 near n = 2000 (against 1.961 for one comparison). With s² = 1/4 a target
    /// of 0.025 needs n* = t²·(1/4)/0.025² ≈ 2013. The sample variance is p̂(1 − p̂)·n/(n − 1)
    /// ≤ 1/4·n/(n − 1), so at 2100 the half-width is under 0.025 whatever p̂; at 2000 it is
    /// only if |p̂ − 1/2| ≥ 0.041, 3.7 standard errors (probability 0.02%); earlier blocks need
    /// more still. With blocks of 100 the comparison stops at 2100 (the seed is fixed, so the
    /// test is deterministic; the bound says it is not tuned to the seed). Without Bonferroni
    /// it would stop at 1600 (n* ≈ 1539), so the test also tells which half-width decided.
    @Test func stopsWhereTheKnownVarianceOfAPairedDifferenceSaysItShould() throws {
        let out = temporaryFolder("precision-known")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let rule = StoppingRule(targets: [target(.pilotToScaleRate, 0.025)], maxReplications: 100_000, blockSize: 100)
        let outcome = try compare(rule, threads: 2, to: out)
        let stop = try #require(outcome.stopping)
        #expect(outcome.replications == 2100)
        #expect(stop.stop.allMet && stop.decidingScenario == 1, "better's difference decides, not same's 0")
        #expect(stop.description.hasPrefix("stopped after 2100 replications: every precision target met; pilot_to_scale_rate of better − base decided (95% half-width "))

        // The paired differences are the Bernoulli(1/2) draws the closed form says.
        let base = column(out + "/runs/base/replications.csv", "pilot_to_scale_rate").map { Double($0)! }
        let better = column(out + "/runs/better/replications.csv", "pilot_to_scale_rate").map { Double($0)! }
        let same = column(out + "/runs/same/replications.csv", "pilot_to_scale_rate").map { Double($0)! }
        #expect(base.count == 2100 && better.count == 2100 && same == base)
        let d = zip(better, base).map { $0 - $1 }
        #expect(Set(d) == [0, 1], "better scales whenever base does")
        let share = d.reduce(0, +) / Double(d.count)
        #expect(abs(share - 0.5) < 3 * (0.25 / 2100).squareRoot(), "p̂ = \(share) within 3 SE of 1/2")

        // The half-width that decided is the one comparison.csv reports for better − base, and
        // the block before would not have done.
        let rows = read(out + "/comparison.csv").split(separator: "\n")
            .filter { $0.hasPrefix("pilot_to_scale_rate,better,base,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let low = Double(rows[0][6])!, high = Double(rows[0][7])!
        #expect((high - low) / 2 == stop.stop.deciding.halfWidth!)
        let halfWidth = { (n: Int) in
            PairedComparison(scenario: Array(better.prefix(n)), baseline: Array(base.prefix(n)),
                             higherIsBetter: true, comparisons: 2).halfWidth!
        }
        #expect(halfWidth(2100) <= 0.025 && halfWidth(2000) > 0.025)
    }

    /// A relative target is a fraction of |baseline mean|: with a mean difference of 0 a
    /// fraction of |mean difference| could never be met. By hand: baseline 10, 12, 14, 16
    /// (mean 13); `same` adds 0, `other` adds +1, −1, +1, −1 (s = √(4/3)), so other's
    /// half-width is t(1 − 0.05/4, 3)·√(4/3)/2 = 4.1765·0.57735 = 2.4113 (t from SciPy,
    /// `t.ppf(0.9875, 3)`), against limits 1.3 (10%) and 2.6 (20%) of 13.
    @Test func aRelativeTargetScalesWithTheBaselineMean() throws {
        let baseline: [Double?] = [10, 12, 14, 16]
        let values: [[Double?]] = [baseline, baseline, [11, 11, 15, 15]]
        let estimate = { (percent: Double) in
            let rule = StoppingRule(targets: [self.target(.npv, percent / 100, relative: true)],
                                    maxReplications: 100, blockSize: 4)
            let precision = PairedPrecision(rule: rule, names: ["base", "same", "other"], baseline: 0)
            let estimates = precision.estimates { _ in values }
            return (estimates[0], precision.check(replications: 4, estimates: estimates))
        }
        let (e, tenPercent) = estimate(10)
        #expect(e.scenario == 2 && e.baselineMean == 13)
        #expect(abs(e.halfWidth! - 2.4113) < 1e-3, "\(e.halfWidth!)")
        #expect(tenPercent == nil)
        let (_, twentyPercent) = estimate(20)
        #expect(twentyPercent?.stop.allMet == true && twentyPercent?.stop.deciding.limit == 2.6)
        #expect(twentyPercent?.manifestComparison == RunManifest.StoppingComparison(
            baseline: "base", scenarios: ["other"], decidedBy: "other"))
    }

    /// Where a comparison stops, and every byte it writes, depend on the seed and the targets
    /// only; and the files (the selection's too) equal those of the fixed-count comparison of
    /// that many replications.
    @Test func stoppingIsTheSameForAnyThreadCountAndMatchesAFixedComparison() throws {
        let one = temporaryFolder("precision-1"), two = temporaryFolder("precision-2"), fixed = temporaryFolder("precision-fixed")
        defer { for f in [one, two, fixed] { try? FileManager.default.removeItem(atPath: f) } }
        let rule = StoppingRule(targets: [target(.pilotToScaleRate, 0.05), target(.npv, 5, relative: true)],
                                maxReplications: 50_000, blockSize: 150)
        let deltas = [(ReplicationMetric.pilotToScaleRate, 0.1)]
        let a = try compare(rule, threads: 1, deltas: deltas, to: one)
        let b = try compare(rule, threads: 2, deltas: deltas, to: two)
        let c = try compare(nil, replications: a.replications, threads: 2, deltas: deltas, to: fixed)
        #expect(a.replications == b.replications && a.replications % 150 == 0 && a.replications > 150)
        #expect(a.stopping == b.stopping)
        #expect(a.notes == c.notes && a.notes.count == 1)
        var files = ["comparison.csv", "best.csv"]
        for name in ["base", "better", "same"] {
            files += ["replications.csv", "summary.csv", "timeseries.csv", "scenario.json"].map { "runs/\(name)/\($0)" }
        }
        for file in files {
            #expect(read(one + "/" + file) == read(two + "/" + file), "\(file) depends on the thread count")
            #expect(read(one + "/" + file) == read(fixed + "/" + file), "\(file) differs from the fixed-count comparison")
        }
        let manifest = { (folder: String) in
            self.read(folder + "/runs/same/manifest.json").split(separator: "\n").filter { !$0.contains("start_time") }
        }
        #expect(manifest(one) == manifest(two))
        #expect(manifest(one).contains("  \"replications\": \(a.replications),"))
        #expect(manifest(one).contains("    \"decided_by_scenario\": \"better\""))
    }

    /// A target out of reach stops at the cap, which need not be a block end, and says which
    /// difference is furthest from it; progress comes once per block of every scenario.
    @Test func theCapStopsAComparisonThatCannotMeetItsTarget() throws {
        let out = temporaryFolder("precision-cap")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let log = ProgressLog()
        let rule = StoppingRule(targets: [target(.npv, 1000, relative: true), target(.pilotToScaleRate, 1e-6)],
                                maxReplications: 250, blockSize: 100)
        let outcome = try compare(rule, threads: 2, progress: log.handler, to: out)
        let stop = try #require(outcome.stopping)
        #expect(outcome.replications == 250 && !stop.stop.allMet)
        #expect(stop.stop.checks[0].isMet && !stop.stop.checks[1].isMet)
        #expect(stop.description.hasPrefix("stopped at the cap of 250 replications before every precision target was met: pilot_to_scale_rate of better − base has 95% half-width"))
        for name in ["base", "better", "same"] {
            #expect(read(out + "/runs/\(name)/replications.csv").split(separator: "\n").count == 251)
            let manifest = read(out + "/runs/\(name)/manifest.json")
            #expect(manifest.contains("\"all_targets_met\": false") && manifest.contains("\"decided_by_scenario\": \"better\""))
        }
        #expect(column(out + "/comparison.csv", "n").allSatisfy { $0 == "250" })

        let started = log.all.compactMap { if case .started(let label, let total) = $0 { (label, total) } else { nil } }
        #expect(started.map(\.1) == [300, 300, 150])
        #expect(started[0].0 == "to 100" && started[2].0.hasPrefix("to 250: pilot_to_scale_rate ±"), "\(started)")
        #expect(log.all.filter { $0 == .finished }.count == 3)
        #expect(log.all.reduce(0) { if case .advanced(let n) = $1 { $0 + n } else { $0 } } == 750)
    }
}
