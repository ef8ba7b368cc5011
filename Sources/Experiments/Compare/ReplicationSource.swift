import ProgramModel

/// One metric's values for replications 0, 1, 2, … of several scenarios, run on demand.
///
/// The selection procedure asks for replications one at a time and may need more than a
/// comparison ran; this starts from the values already at hand and runs further replications
/// (same seed, so CRN continues) in batches of at least `batch`, keeping only the metric's
/// value rather than whole results.
public final class ReplicationSource {
    private let scenarios: [Scenario]
    private let metric: ReplicationMetric
    private let seed: UInt64
    private let threads: Int
    private let batch: Int
    private var values: [[Double?]]
    /// Replications run beyond those given at the start, per scenario.
    public private(set) var extraReplications: [Int]

    public init(scenarios: [Scenario], metric: ReplicationMetric, seed: UInt64, threads: Int,
                initial: [[Double?]], batch: Int = 1000) {
        self.scenarios = scenarios
        self.metric = metric
        self.seed = seed
        self.threads = threads
        self.batch = batch
        self.values = initial
        self.extraReplications = Array(repeating: 0, count: scenarios.count)
    }

    /// Scenario i's value in replication r, running replications up to r if needed.
    public func value(_ i: Int, _ r: Int) -> Double? {
        if r >= values[i].count {
            let start = values[i].count
            let count = max(batch, r + 1 - start)
            let scenario = scenarios[i], seed = self.seed, metric = self.metric
            values[i] += ParallelReplications.mapWithState(
                count: count, threads: threads,
                makeState: { ProgramSimulation(scenario: scenario) },
                { sim, index in sim.run(seed: seed, replication: start + index).value(of: metric) })
            extraReplications[i] += count
        }
        return values[i][r]
    }
}
