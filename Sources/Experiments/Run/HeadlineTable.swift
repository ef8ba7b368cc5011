import Foundation
import ProgramModel

/// The compact table `execsim run` prints: the headline figures as mean [95% CI] and p5–p95.
public enum HeadlineTable {
    public static func render(title: String, summaries: MetricSummaries) -> String {
        var rows: [[String]] = [["", "mean [95% CI]", "p5 – p95", "n"]]
        for metric in MetricCatalogue.headline {
            let s = summaries[metric]
            rows.append([MetricCatalogue[metric].label, meanWithInterval(s), range(s), String(s.n)])
        }
        return title + "\n" + align(rows)
    }

    static func meanWithInterval(_ s: Summary) -> String {
        guard let mean = s.mean else { return "—" }
        guard let low = s.ci95Low, let high = s.ci95High else { return MetricFormat.figure(mean) }
        return "\(MetricFormat.figure(mean)) [\(MetricFormat.figure(low)), \(MetricFormat.figure(high))]"
    }

    static func range(_ s: Summary) -> String {
        guard let p5 = s.p5, let p95 = s.p95 else { return "—" }
        return "\(MetricFormat.figure(p5)) – \(MetricFormat.figure(p95))"
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
