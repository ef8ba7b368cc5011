import Foundation
import Testing
@testable import Experiments
import ProgramModel
import SimKernel

@Suite struct ApproximateBayesianComputationTests {
    /// A binomial with a uniform prior has the exact posterior Beta(x + 1, n − x + 1): 30 of
    /// 100 gives mean 31/102 = 0.3039 and 5%/95% quantiles 0.2316/0.3807 (Beta(31, 71),
    /// scipy.stats.beta.ppf). ABC on the sufficient statistic with 4,000 draws must land within
    /// 0.02 of the mean and 0.03 of each quantile: the accepted sample (about 320 weighted
    /// draws) has a Monte Carlo sd of about 0.045/√320 = 0.0025, and the tolerance widens the
    /// posterior by about ε²/12 in variance, small against 0.045².
    @Test func rejectionABCApproximatesTheExactBetaPosterior() {
        let n = 100
        let posterior = ApproximateBayesianComputation.run(
            priors: [.init(lower: 0, upper: 1)], observed: [30], draws: 4000, replicationsPerDraw: 4,
            acceptShare: 0.02, seed: 5, threads: 2) { theta, replication in
            // Common random numbers: data set k uses the same uniforms for every θ.
            var g = Xoshiro256StarStar(seed: 77, replication: UInt64(replication), stream: 1)
            var x = 0
            for _ in 0..<n where g.nextUnit() < theta[0] { x += 1 }
            return [Double(x)]
        }
        #expect(posterior.simulations == 16_000)
        #expect(abs(posterior.mean[0] - 31.0 / 102) < 0.02, "mean \(posterior.mean[0])")
        #expect(abs(posterior.p5[0] - 0.2316) < 0.03, "p5 \(posterior.p5[0])")
        #expect(abs(posterior.p95[0] - 0.3807) < 0.03, "p95 \(posterior.p95[0])")
    }

    /// The posterior does not depend on the thread count.
    @Test func posteriorIsTheSameOnOneAndTwoThreads() {
        func run(_ threads: Int) -> [Double] {
            ApproximateBayesianComputation.run(priors: [.init(lower: 0, upper: 10, integer: true), .init(lower: 0, upper: 1)],
                                               observed: [4, 0.5], draws: 300, replicationsPerDraw: 2, acceptShare: 0.1,
                                               seed: 9, threads: threads) { theta, k in
                var g = Xoshiro256StarStar(seed: 1, replication: UInt64(k), stream: 0)
                return [theta[0] + g.nextUnit(), theta[1] * g.nextUnit()]
            }.mean
        }
        #expect(run(1) == run(2))
    }

    /// Histories traced from very different scenarios all read back as valid logs (the
    /// converter follows the model's every path: federated and hybrid decisions, sequential
    /// planning, co-development, per-unit squads, monitoring, rework and stalls).
    @Test func simulatedHistoriesAreValidLogs() throws {
        var variants: [Scenario] = []
        var a = Scenario(); a.governance.style = .federated; a.teams.placement = .perBusinessUnit
        var b = Scenario(); b.governance.style = .hybrid; b.strategy.approach = .sequential; b.coDevelopment.enabled = true
        var c = Scenario(); c.operations.monitoring = true; c.operations.detectionMonths.monitored = 0
        c.compliance.incidentsPerYear.unaudited = 2; c.governance.localAuditShare = 0; c.governance.style = .federated
        var d = Scenario(); d.teams.delivery = 2; d.portfolio.arrivalsPerMonth = 3
        variants = [Scenario(), a, b, c, d]
        for (v, s) in variants.enumerated() {
            for seed in UInt64(1)...5 {
                var sim = ProgramSimulation(scenario: s)
                let (result, trace) = sim.runTraced(seed: seed, replication: 0)
                let log = TraceEventLog.log(trace, horizon: s.horizonMonths)
                let text = String(decoding: TraceEventLog.csv(log), as: UTF8.self)
                let back = try EventLogBuilder.build(try EventLogCSVReader.records(parsing: text, file: "v\(v).csv"), file: "v\(v).csv").0
                // The log counts what the replication counted.
                let o = LogObservations(back)
                #expect(o.cases == result.useCases)
                #expect(o.pilotsStarted == result.pilotsStarted)
                #expect(o.abandoned == result.abandonedData)
                #expect(o.production == result.reachedProduction)
                #expect(o.scaled == result.scaled)
                #expect(o.stalled == result.stalledPurgatory)
                #expect(o.incidentsAudited + o.incidentsUnaudited == result.complianceIncidents)
            }
        }
    }
}

@Suite struct CalibrationReproducibilityTests {
    /// The whole calibration (direct estimates, ABC, check) gives the same bytes on one and on
    /// two threads; its report is well-formed.
    @Test func calibrationIsByteIdenticalAcrossThreadCounts() throws {
        var s = Scenario()
        s.horizonMonths = 30
        var sim = ProgramSimulation(scenario: s)
        let (_, trace) = sim.runTraced(seed: 8, replication: 0)
        let log = TraceEventLog.log(trace, horizon: 30)
        func calibrate(threads: Int) throws -> ([UInt8], [UInt8], String) {
            var settings = Calibration.Settings()
            settings.draws = 60
            settings.replicationsPerDraw = 2
            settings.checkReplications = 20
            settings.bootstrapResamples = 20
            settings.threads = threads
            let c = try Calibration(log, settings)
            return (CalibrationRow.csv(c.rows), c.check.csv(), c.scenario.jsonText())
        }
        let one = try calibrate(threads: 1), two = try calibrate(threads: 2)
        // The report's page and every chart are well-formed XML.
        var settings = Calibration.Settings()
        settings.draws = 30
        settings.checkReplications = 20
        settings.bootstrapResamples = 10
        let folder = temporaryFolder("calibration-report")
        let page = try CalibrationReport.write(try Calibration(log, settings), to: folder)
        #expect(xmlError(try String(contentsOfFile: page, encoding: .utf8)) == nil)
        let svgs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(svgs.contains("calibration-funnel.svg") && svgs.contains("calibration-pilot.svg"))
        for name in svgs {
            #expect(xmlError(try String(contentsOfFile: folder + "/" + name, encoding: .utf8)) == nil, "\(name)")
        }
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
        #expect(one.2 == two.2)
    }
}
