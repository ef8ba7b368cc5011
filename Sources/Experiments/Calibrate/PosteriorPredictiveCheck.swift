import ProgramModel

/// Simulates the calibrated scenario over the log's window many times and sets every observed
/// statistic against the simulated 90% band (Gelman, Meng and Stern 1996): a statistic outside
/// it is one the calibrated model does not reproduce.
public struct PosteriorPredictiveCheck: Sendable {
    public struct Row: Sendable {
        public var statistic: String
        public var observed: Double?
        public var p5: Double?
        public var p50: Double?
        public var p95: Double?
        /// Replications in which the statistic was defined.
        public var defined: Int
        /// nil when the observed value or the band is undefined.
        public var inside: Bool?
    }

    public var rows: [Row]
    public var replications: Int
    /// Every simulated log's observations, for the report's pictures.
    public var simulated: [LogObservations]

    public init(calibrated: Scenario, observed: LogObservations, replications: Int, seed: UInt64, threads: Int,
                progress: (@Sendable (Int) -> Void)? = nil) {
        let windowed = LogSimulation.window(calibrated, asOf: observed.asOfMonth)
        simulated = ParallelReplications.map(count: replications, threads: threads, progress: progress) { r in
            LogSimulation.observations(windowed, seed: seed, replication: r)
        }
        self.replications = replications
        let observedValues = LogStatistic.values(observed)
        let simulatedValues = simulated.map { LogStatistic.values($0) }
        rows = LogStatistic.all.indices.map { j in
            let xs = simulatedValues.compactMap { $0[j] }.sorted()
            let band = xs.isEmpty ? nil : (Percentile.linear(xs, 0.05), Percentile.linear(xs, 0.5), Percentile.linear(xs, 0.95))
            let obs = observedValues[j]
            var inside: Bool?
            if let obs, let band { inside = obs >= band.0 - 1e-12 && obs <= band.2 + 1e-12 }
            return Row(statistic: LogStatistic.all[j].name, observed: obs, p5: band?.0, p50: band?.1, p95: band?.2,
                       defined: xs.count, inside: inside)
        }
    }

    public static let header = ["statistic", "observed", "simulated_p5", "simulated_p50", "simulated_p95",
                                "inside_90_band", "replications_defined"]

    public func csv() -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for r in rows {
            w.field(r.statistic)
            w.field(r.observed)
            w.field(r.p5)
            w.field(r.p50)
            w.field(r.p95)
            w.field(r.inside.map { $0 ? "yes" : "no" } ?? "")
            w.field(r.defined)
            w.endRow()
        }
        return w.bytes
    }
}
