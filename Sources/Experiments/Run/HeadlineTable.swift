import Foundation
import ProgramModel

/// The compact table `execsim run` prints: the headline figures as mean [95% CI] and p5–p95.
public enum HeadlineTable {
    /// The figures a strategist asks for first, with their display labels.
    public static let metrics: [(ReplicationMetric, String)] = [
        (.pilotToScaleRate, "pilot-to-scale rate"),
        (.pilotToProductionRate, "pilot-to-production rate"),
        (.timeToFirstValueMonths, "time to first value (months)"),
        (.meanUseCaseTTVMonths, "use-case time to value (months)"),
        (.meanPilotToProductionMonths, "pilot to production (months)"),
        (.valueRealized, "value realized (k$)"),
        (.roi, "ROI"),
        (.npv, "NPV (k$)"),
    ]

    public static func render(title: String, summaries: MetricSummaries) -> String {
        var rows: [[String]] = [["", "mean [95% CI]", "p5 – p95", "n"]]
        for (metric, label) in metrics {
            let s = summaries[metric]
            rows.append([label, meanWithInterval(s), range(s), String(s.n)])
        }
        return title + "\n" + align(rows)
    }

    static func meanWithInterval(_ s: Summary) -> String {
        guard let mean = s.mean else { return "—" }
        guard let low = s.ci95Low, let high = s.ci95High else { return figure(mean) }
        return "\(figure(mean)) [\(figure(low)), \(figure(high))]"
    }

    static func range(_ s: Summary) -> String {
        guard let p5 = s.p5, let p95 = s.p95 else { return "—" }
        return "\(figure(p5)) – \(figure(p95))"
    }

    /// Enough digits to compare scenarios, no more: three significant figures below 100,
    /// whole numbers above.
    public static func figure(_ x: Double) -> String {
        let a = abs(x)
        let decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", x)
    }

    /// Left-aligns the first column, right-aligns the others.
    public static func align(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
