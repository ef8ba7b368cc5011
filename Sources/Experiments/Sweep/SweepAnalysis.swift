import Foundation
import ProgramModel
import SimKernel

/// The files computed from a finished `points.csv`: `sensitivity.csv` (Morris) and
/// `tornado.csv` (one at a time). They are derived from the file, not from results held in
/// memory, so a resumed sweep and merged shards give the same bytes as one straight run.
public enum SweepAnalysis {
    public static let sensitivityHeader = ["parameter", "metric", "mu", "mu_star", "sigma",
                                           "mu_star_ci95_low", "mu_star_ci95_high"]
    public static let tornadoHeader = ["parameter", "metric", "low_value", "high_value",
                                       "metric_at_low", "metric_at_high", "swing", "metric_at_base"]

    /// The analysis file's name and bytes for the plan's design, or nil (grid, LHS).
    public static func file(_ plan: SweepPlan, points: PointsTable.Contents) -> (name: String, bytes: [UInt8])? {
        let means = PointsTable.means(points, file: plan.file, pointCount: plan.points.count)
        switch plan.file.design {
        case .morris: return ("sensitivity.csv", sensitivity(plan, means: means))
        case .oat: return ("tornado.csv", tornado(plan, means: means))
        case .grid, .lhs: return nil
        }
    }

    /// Metric by metric, parameters in file order.
    static func sensitivity(_ plan: SweepPlan, means: [[Double?]]) -> [UInt8] {
        guard let design = plan.morris else { return [] }
        var csv = CSVWriter(header: sensitivityHeader)
        let factors = plan.file.parameters.count
        for (m, metric) in plan.file.metrics.enumerated() {
            // Stream 0 of the design's replication made the design; the bootstraps follow.
            let indices = MorrisAnalysis.indices(design, outputs: means[m]) { factor in
                Xoshiro256StarStar(seed: plan.file.seed, replication: .max, stream: UInt64(1 + m * factors + factor))
            }
            for (parameter, index) in zip(plan.file.parameters, indices) {
                csv.field(parameter.path.description)
                csv.field(metric.name)
                for v in [index.mu, index.muStar, index.sigma, index.muStarLow, index.muStarHigh] { csv.field(v) }
                csv.endRow()
            }
        }
        return csv.bytes
    }

    /// Metric by metric, parameters by decreasing swing (undefined last, ties in file order):
    /// the bars of a tornado chart from top to bottom.
    static func tornado(_ plan: SweepPlan, means: [[Double?]]) -> [UInt8] {
        var csv = CSVWriter(header: tornadoHeader)
        let parameters = plan.file.parameters
        let base = OneAtATimeDesign.basePoint(parameters: parameters.count)
        for (m, metric) in plan.file.metrics.enumerated() {
            let rows = parameters.indices.map { i -> (Int, Double?, Double?, Double?) in
                let low = means[m][2 * i], high = means[m][2 * i + 1]
                let swing = low.flatMap { l in high.map { abs($0 - l) } }
                return (i, low, high, swing)
            }
            let sorted = rows.enumerated().sorted { a, b in
                switch (a.element.3, b.element.3) {
                case let (x?, y?): return x != y ? x > y : a.offset < b.offset
                case (_?, nil): return true
                case (nil, _?): return false
                case (nil, nil): return a.offset < b.offset
                }
            }.map(\.element)
            for (i, low, high, swing) in sorted {
                csv.field(parameters[i].path.description)
                csv.field(metric.name)
                csv.field(PointsTable.cellText(parameters[i].low!))
                csv.field(PointsTable.cellText(parameters[i].high!))
                csv.field(low)
                csv.field(high)
                csv.field(swing)
                csv.field(base < means[m].count ? means[m][base] : nil)
                csv.endRow()
            }
        }
        return csv.bytes
    }
}
