import Foundation
import ProgramModel

/// What `execsim run` wrote for one scenario, read back for the report.
public struct RunFolder: Sendable {
    /// One row of `summary.csv`; nil where the file has an empty cell.
    public struct SummaryRow: Sendable, Equatable {
        public var n: Int
        public var mean, ci95Low, ci95High, p5, p25, p50, p75, p95: Double?
    }

    /// One row of `timeseries.csv`: a month-end value's distribution over replications.
    public struct MonthRow: Sendable, Equatable {
        public var month: Double
        public var mean, p5, p25, p50, p75, p95: Double
    }

    public let path: String
    public let source: ChartSource
    public let summaries: [String: SummaryRow]
    public let replications: CSVTable
    /// Month-end series by metric name, in month order.
    public let series: [String: [MonthRow]]
    /// Cost per month, (teams.delivery + teams.foundation) · teams.costPerMonth (MODEL.md 7).
    public let costPerMonth: Double
    public let deliverySquads: Double
    public let horizonMonths: Double

    /// Reads `summary.csv`, `replications.csv`, `timeseries.csv`, `scenario.json` and
    /// `manifest.json` from `path`.
    public init(path: String) throws(OutputError) {
        self.path = path
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

        let summary = try CSVTable.read(file("summary.csv"))
        var rows: [String: SummaryRow] = [:]
        let names = summary.strings("metric"), ns = summary.doubles("n")
        let columns = ["mean", "ci95_low", "ci95_high", "p5", "p25", "p50", "p75", "p95"].map(summary.doubles)
        for i in names.indices {
            guard let name = names[i] else { continue }
            let c = columns.map { $0[i] }
            rows[name] = SummaryRow(n: Int(ns[i] ?? 0), mean: c[0], ci95Low: c[1], ci95High: c[2],
                                    p5: c[3], p25: c[4], p50: c[5], p75: c[6], p95: c[7])
        }
        summaries = rows

        replications = try CSVTable.read(file("replications.csv"))

        let timeseries = try CSVTable.read(file("timeseries.csv"))
        var series: [String: [MonthRow]] = [:]
        let months = timeseries.doubles("month"), metrics = timeseries.strings("metric")
        let values = ["mean", "p5", "p25", "p50", "p75", "p95"].map(timeseries.doubles)
        for i in months.indices {
            guard let month = months[i], let metric = metrics[i] else { continue }
            let v = values.map { $0[i] ?? 0 }
            series[metric, default: []].append(MonthRow(month: month, mean: v[0], p5: v[1], p25: v[2],
                                                        p50: v[3], p75: v[4], p95: v[5]))
        }
        self.series = series.mapValues { $0.sorted { $0.month < $1.month } }

        let scenario = try Self.json(file("scenario.json"))
        let manifest = try Self.json(file("manifest.json"))
        let teams = scenario["teams"]
        let delivery = teams?["delivery"]?.number ?? 0
        let foundation = teams?["foundation"]?.number ?? 0
        costPerMonth = (delivery + foundation) * (teams?["costPerMonth"]?.number ?? 0)
        deliverySquads = delivery
        horizonMonths = scenario["horizonMonths"]?.number ?? Double(self.series.values.first?.count ?? 0)
        source = ChartSource(scenario: scenario["name"]?.string ?? (path as NSString).lastPathComponent,
                             replications: Int(manifest["replications"]?.number ?? Double(replications.rows.count)),
                             seed: UInt64(manifest["seed"]?.number ?? 0))
    }

    /// The defined per-replication values of a `replications.csv` column, and how many were
    /// undefined (empty cells).
    public func values(_ column: String) -> (values: [Double], undefined: Int) {
        let cells = replications.doubles(column)
        let defined = cells.compactMap { $0 }
        return (defined, cells.count - defined.count)
    }

    /// A JSON file of the folder, read by the strict document reader; a problem is an
    /// unreadable input (exit 65), worded as the reader words it.
    static func json(_ path: String) throws(OutputError) -> JSONValue {
        do throws(DocumentError) {
            return try DocumentReader.load(contentsOf: path)
        } catch {
            throw OutputError(action: OutputError.read, path: path,
                              reason: error.issues.map(\.message).joined(separator: "; "))
        }
    }
}
