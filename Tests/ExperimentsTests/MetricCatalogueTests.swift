import Testing
import ProgramModel
@testable import Experiments

@Suite struct MetricCatalogueTests {
    @Test func everyMetricIsDescribedOnceInItsOwnOrder() {
        #expect(MetricCatalogue.all.map(\.metric) == ReplicationMetric.allCases)
        #expect(Set(MetricCatalogue.all.map(\.label)).count == ReplicationMetric.allCases.count)
    }

    @Test func unitsAreStatedNotGuessedFromNames() {
        // Both were "count" when units were guessed from name suffixes.
        #expect(MetricCatalogue[.breakEvenMonth].unit == .months)
        #expect(MetricCatalogue[.finalMeanReadiness].unit == .ratio)
        #expect(MetricCatalogue[.npv].axisLabel == "NPV (k$)")
        #expect(MetricCatalogue[.pilotToScaleRate].axisLabel == "pilot-to-scale rate (ratio)")
        #expect(MetricCatalogue.label("not_a_metric") == "not a metric")
    }

    @Test func formats() {
        #expect(MetricFormat.figure(0.28712) == "0.287")
        #expect(MetricFormat.figure(19.34) == "19.3")
        #expect(MetricFormat.figure(1250.4) == "1250")
        #expect(MetricFormat.percent.text(0.484) == "48%")
    }

    @Test func headlineOrderComesFirst() {
        #expect(MetricCatalogue.ordered(["cost", "npv", "roi"]) == ["roi", "npv", "cost"])
    }
}
