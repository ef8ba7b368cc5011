import Foundation
import ProgramModel

/// `experiments.csv`: one row per (world, policy), worlds in order and each world's policies in
/// file order — `world`, `policy`, one column per uncertainty (named by its path, the world's
/// value), then per metric `<metric>_mean`, `<metric>_ci95_half_width` (Student t over the
/// replications) and `<metric>_regret_ci95_half_width`: the half-width of the paired interval
/// of (best policy − this policy) over the world's replications, Bonferroni-adjusted over the
/// other policies; it tells a tie for best from a win.
public enum ExperimentsTable {
    public static let fileName = "experiments.csv"
    public static let statistics = ["mean", "ci95_half_width", "regret_ci95_half_width"]

    public static func header(_ plan: ExplorePlan) -> [String] {
        header(plan.file)
    }

    static func header(_ file: ExploreFile) -> [String] {
        ["world", "policy"] + file.uncertainties.map(\.path.description)
            + file.metrics.flatMap { m in statistics.map { "\(m.name)_\($0)" } }
    }

    /// Appends a world's rows; `values[policy][replication][metric]`.
    static func appendRows(_ plan: ExplorePlan, world: Int, values: [[[Double?]]], to csv: inout CSVWriter) {
        let policies = plan.policies.count
        let cells = plan.worlds.columnValues(point: world)
        // Per metric and policy: the summary over replications, and the paired half-width
        // against the policy with the best mean (the first of equal means).
        var summaries = [[Summary]](), halfWidths = [[Double?]]()
        for (m, metric) in plan.metrics.enumerated() {
            let samples = (0..<policies).map { p in values[p].map { $0[m] } }
            let s = samples.map { Summary(values: $0) }
            var best: Int?
            for p in 0..<policies {
                guard let mean = s[p].mean else { continue }
                if best == nil || metric.isBetter(mean, than: s[best!].mean!) { best = p }
            }
            summaries.append(s)
            halfWidths.append((0..<policies).map { p in
                guard let best else { return nil }
                return PairedComparison(scenario: samples[best], baseline: samples[p], higherIsBetter: metric.higherIsBetter,
                                        comparisons: max(1, policies - 1)).halfWidth
            })
        }
        for p in 0..<policies {
            csv.field(world)
            csv.field(plan.policies[p].name)
            for value in cells {
                if let value { csv.field(PointsTable.cellText(value)) } else { csv.field(nil as Double?) }
            }
            for m in plan.metrics.indices {
                let s = summaries[m][p]
                csv.field(s.mean)
                csv.field(s.ci95High.flatMap { high in s.ci95Low.map { (high - $0) / 2 } })
                csv.field(halfWidths[m][p])
            }
            csv.endRow()
        }
    }

    /// A finished experiments.csv read back for the analyses.
    public struct Contents: Sendable {
        public var policies: [String]
        public var worlds: Int
        /// `uncertainty[u][world]`: the cell text (nil: empty).
        public var uncertainty: [[String?]]
        /// `means[metric][world][policy]`; `ciHalfWidths` (of the mean) and `halfWidths` (of
        /// the regret) likewise.
        public var means: [[[Double?]]]
        public var ciHalfWidths: [[[Double?]]]
        public var halfWidths: [[[Double?]]]
    }

    /// Reads `path`, expecting every world's rows in order with the file's policies.
    public static func read(_ path: String, file: ExploreFile) throws(OutputError) -> Contents {
        let header = header(file)
        let table = PointsTable.read(path, columns: header.count)
        func fail(_ why: String) -> OutputError { OutputError(action: "read", path: path, reason: why) }
        guard table.headerLength > 0 else { throw fail("missing or empty") }
        guard PointsTable.fields(table.bytes[..<(table.headerLength - 1)]) == header else {
            throw fail("its header is not that of the exploration in manifest.json")
        }
        let policies = file.policies.map(\.name)
        let p = policies.count
        guard table.rows.count == file.worlds * p else {
            throw fail("\(table.rows.count) complete rows, expected \(file.worlds) worlds × \(p) policies = \(file.worlds * p) (an unfinished run: --resume it)")
        }
        let u = file.uncertainties.count
        let empty = [[[Double?]]](repeating: [[Double?]](repeating: [Double?](repeating: nil, count: p), count: file.worlds),
                                  count: file.metrics.count)
        var contents = Contents(
            policies: policies, worlds: file.worlds,
            uncertainty: [[String?]](repeating: [String?](repeating: nil, count: file.worlds), count: u),
            means: empty, ciHalfWidths: empty, halfWidths: empty)
        for (i, row) in table.rows.enumerated() {
            let f = PointsTable.fields(table.bytes[row.range.lowerBound..<(row.range.upperBound - 1)])
            let world = i / p, policy = i % p
            guard row.point == world, f[1] == policies[policy] else {
                throw fail("row \(i + 1) is world \(f[0]), policy \(f[1]); expected world \(world), policy \(policies[policy])")
            }
            if policy == 0 {
                for j in 0..<u { contents.uncertainty[j][world] = f[2 + j].isEmpty ? nil : f[2 + j] }
            }
            for m in file.metrics.indices {
                let c = 2 + u + m * statistics.count
                contents.means[m][world][policy] = Double(f[c])
                contents.ciHalfWidths[m][world][policy] = Double(f[c + 1])
                contents.halfWidths[m][world][policy] = Double(f[c + 2])
            }
        }
        return contents
    }
}
