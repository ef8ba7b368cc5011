import ProgramModel

/// What ``SweepRunner`` and ``SweepMerge`` run, resume, shard and merge: an experiment whose
/// output is one table grown by whole groups of rows in group order, plus files computed from
/// the finished table.
///
/// A sweep's group is a design point (one row); an exploration's is a world, whose rows are its
/// policies, all run on the world's replications (common random numbers within the world).
/// Shards, windows, resume and merge work on whole groups, so a world's policies are never
/// split between machines and their paired differences can be computed when the world is done.
public protocol PointExperiment: Sendable {
    /// "sweep" or "explore": names the output in messages and is the manifest key that holds
    /// the input document.
    var kind: String { get }
    var name: String { get }
    var replications: Int { get }
    var metrics: [ReplicationMetric] { get }
    /// Design points or worlds.
    var groupCount: Int { get }
    /// Rows per group: 1 for a sweep, the policies of an exploration.
    var membersPerGroup: Int { get }
    /// `points.csv` or `experiments.csv`; its first column is the group number.
    var tableName: String { get }
    var tableHeader: [String] { get }
    func manifestText(shard: SweepShard?) -> String
    /// The validated scenario of one row.
    func scenario(group: Int, member: Int) throws(ScenarioError) -> Scenario
    /// The stream family and replication number that the group's replication `r` runs with;
    /// every member of a group gets the same ones.
    func randomKey(group: Int, replication r: Int) -> (seed: UInt64, replication: Int)
    /// Appends the group's rows; `values[member][replication][metric]`.
    func appendRows(group: Int, values: [[[Double?]]], to csv: inout CSVWriter)
    /// Writes the files computed from the finished table in `directory`.
    func writeAnalysis(directory: String) throws(OutputError)
}

extension PointExperiment {
    public var tableHeaderBytes: [UInt8] {
        var csv = CSVWriter(header: tableHeader, reservingCapacity: 256)
        return csv.takeBytes()
    }
}

/// Reads the manifest of a sweep or an exploration folder back into its experiment.
public enum ExperimentManifest {
    public static func read(directory: String) throws(ScenarioError) -> (experiment: any PointExperiment, shard: SweepShard?) {
        if let explore = try ExploreManifest.readIfExplore(directory: directory) {
            return (explore.plan, explore.shard)
        }
        let recorded = try SweepManifest.read(directory: directory)
        return (recorded.plan, recorded.shard)
    }
}

extension SweepPlan: PointExperiment {
    public var kind: String { "sweep" }
    public var name: String { file.name }
    public var replications: Int { file.replications }
    public var metrics: [ReplicationMetric] { file.metrics }
    public var groupCount: Int { points.count }
    public var membersPerGroup: Int { 1 }
    public var tableName: String { "points.csv" }
    public var tableHeader: [String] { PointsTable.header(file) }
    public func manifestText(shard: SweepShard?) -> String { SweepManifest.text(self, shard: shard) }
    public func scenario(group: Int, member: Int) throws(ScenarioError) -> Scenario { try scenario(point: group) }
    /// Every point runs on the same replications: common random numbers across the design.
    public func randomKey(group: Int, replication r: Int) -> (seed: UInt64, replication: Int) { (file.seed, r) }

    public func appendRows(group: Int, values: [[[Double?]]], to csv: inout CSVWriter) {
        let summaries = metrics.indices.map { m in Summary(values: values[0].map { $0[m] }) }
        PointsTable.appendRow(to: &csv, point: group, values: columnValues(point: group), summaries: summaries)
    }

    public func writeAnalysis(directory: String) throws(OutputError) {
        let contents = PointsTable.read(directory + "/points.csv", columns: tableHeader.count)
        if let (name, bytes) = SweepAnalysis.file(self, points: contents) {
            try AtomicFile.write(bytes, to: directory + "/" + name)
        }
    }
}
