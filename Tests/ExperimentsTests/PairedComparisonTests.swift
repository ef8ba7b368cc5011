import Testing
@testable import Experiments
import ProgramModel

@Suite struct PairedComparisonTests {
    // diffs 1, 1, −1, 2, 2: mean 1, variance 6/4, so sd √1.5; t(0.975, 4) = 2.7764451051977934
    // (SciPy); half-width 2.7764451051977934·√1.5/√5.
    let scenario: [Double?] = [3, 5, 4, 8, 6, nil, 7]
    let baseline: [Double?] = [2, 4, 5, 6, 4, 1, nil]

    @Test func handComputedPairedInterval() throws {
        let p = PairedComparison(scenario: scenario, baseline: baseline, higherIsBetter: true)
        #expect(p.n == 5)  // replications with a value missing on either side are left out
        #expect(abs(try #require(p.mean) - 5.2) < 1e-12)
        #expect(abs(try #require(p.baselineMean) - 4.2) < 1e-12)
        #expect(abs(try #require(p.diffMean) - 1) < 1e-12)
        #expect(abs(try #require(p.sdDiff) - 1.5.squareRoot()) < 1e-12)
        let half = 2.7764451051977934 * 1.5.squareRoot() / 5.0.squareRoot()
        #expect(abs(try #require(p.ciLow) - (1 - half)) < 1e-9)
        #expect(abs(try #require(p.ciHigh) - (1 + half)) < 1e-9)
        #expect(p.shareBetter == 0.8 && p.shareTied == 0 && p.shareWorse == 0.2)
    }

    @Test func sharesFollowDirectionAndTiesAreTheirOwnShare() {
        let lower = PairedComparison(scenario: scenario, baseline: baseline, higherIsBetter: false)
        #expect(lower.shareBetter == 0.2 && lower.shareWorse == 0.8)
        let tied = PairedComparison(scenario: [1, 2, 3], baseline: [1, 2, 3], higherIsBetter: true)
        #expect(tied.shareBetter == 0 && tied.shareTied == 1 && tied.shareWorse == 0)
        #expect(tied.diffMean == 0 && tied.sdDiff == 0)
        // A rate that mostly ties: 2 better, 5 tied, 1 worse of 8. Ties used to count as worse.
        let rate = PairedComparison(scenario: [0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1, 0.6],
                                    baseline: [0.4, 0.4, 0.3, 0.3, 0.2, 0.2, 0.2, 0.5], higherIsBetter: true)
        #expect(rate.shareBetter == 0.25 && rate.shareTied == 0.625 && rate.shareWorse == 0.125)
    }

    @Test func undefinedFiguresStayNil() {
        let none = PairedComparison(scenario: [nil, 1], baseline: [1, nil], higherIsBetter: true)
        #expect(none.n == 0 && none.mean == nil && none.diffMean == nil && none.shareBetter == nil)
        let one = PairedComparison(scenario: [2], baseline: [1], higherIsBetter: true)
        #expect(one.diffMean == 1 && one.sdDiff == nil && one.ciLow == nil)
    }

    @Test func bonferroniSplitsAlphaOverTheComparisons() {
        // Four comparisons at 95% jointly: each two-sided at 1 − 0.05/4, so t(0.99375, 10)
        // = 3.03824333412831 (SciPy).
        let t = PairedComparison.criticalValue(n: 11, comparisons: 4, confidence: 0.95)
        #expect(abs(t - 3.03824333412831) < 1e-8)
        let single = PairedComparison.criticalValue(n: 11, comparisons: 1, confidence: 0.95)
        #expect(abs(single - StudentT.quantile(0.975, degreesOfFreedom: 10)) < 1e-12)
        // The interval widens by exactly that ratio.
        let a = PairedComparison(scenario: scenario, baseline: baseline, higherIsBetter: true, comparisons: 1)
        let b = PairedComparison(scenario: scenario, baseline: baseline, higherIsBetter: true, comparisons: 4)
        let ratio = b.halfWidth! / a.halfWidth!
        let expected = PairedComparison.criticalValue(n: 5, comparisons: 4, confidence: 0.95)
            / PairedComparison.criticalValue(n: 5, comparisons: 1, confidence: 0.95)
        #expect(abs(ratio - expected) < 1e-12)
    }
}

@Suite struct MetricDirectionTests {
    @Test func directions() {
        for m in [ReplicationMetric.pilotToScaleRate, .pilotToProductionRate, .valueRealized, .roi,
                  .npv, .netValue, .scaled, .reachedProduction] {
            #expect(m.higherIsBetter, "\(m.name)")
        }
        for m in [ReplicationMetric.timeToFirstValueMonths, .meanUseCaseTTVMonths,
                  .meanPilotToProductionMonths, .breakEvenMonth, .meanTeamWaitMonths,
                  .meanG0WaitMonths, .meanG1WaitMonths, .abandonedData, .stalledPurgatory,
                  .complianceIncidents, .driftEvents, .cost] {
            #expect(!m.higherIsBetter, "\(m.name)")
        }
        #expect(ReplicationMetric.roi.isBetter(0.2, than: 0.1))
        #expect(ReplicationMetric.timeToFirstValueMonths.isBetter(10, than: 12))
        #expect(!ReplicationMetric.roi.isBetter(0.1, than: 0.1))
    }
}
