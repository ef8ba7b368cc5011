import Foundation
import ProgramModel

/// What `execsim compare` prints and writes: the at-a-glance table (scenarios as columns,
/// metrics as rows), `comparison.csv` (long form, one row per metric and scenario against the
/// baseline) and `best.csv` (multiple comparisons with the best and the selection).
public enum ComparisonTable {
    // MARK: Printed table

    /// The table, split into blocks of columns (each starting with the baseline) so that no
    /// line is wider than `width`.
    public static func render(_ c: ScenarioComparison, width: Int = 132) -> String {
        let k = c.names.count
        let order = [c.baseline] + (0..<k).filter { $0 != c.baseline }
        var labelColumn = [""]
        var columns = [[String]](repeating: [], count: k)
        for i in 0..<k { columns[i].append(i == c.baseline && c.names[i] != "baseline" ? "\(c.names[i]) (baseline)" : c.names[i]) }
        for m in c.metrics {
            let clear = m.mcb.verdicts.contains(.best)
            labelColumn.append("\(MetricCatalogue[m.metric].label), \(m.metric.betterDirection) is better" + (clear ? "" : " (no clear best)"))
            labelColumn.append("  difference vs baseline ± 95%")
            labelColumn.append("  better / tied / worse than baseline")
            for i in 0..<k {
                columns[i].append(meanCell(m, i))
                if let p = m.paired[i], let d = p.diffMean {
                    columns[i].append(differenceCell(d, p.halfWidth))
                    columns[i].append(sharesCell(p))
                } else {
                    columns[i].append(i == c.baseline ? "" : "—")
                    columns[i].append(i == c.baseline ? "" : "—")
                }
            }
            if let delta = m.delta, let s = m.selection {
                labelColumn.append("  selected (KN, δ = \(CSVWriter.format(delta)))")
                for i in 0..<k {
                    columns[i].append(s.selected == i ? "selected" + (s.hitLimit ? " (limit)" : "")
                                      : "out after \(s.replicationsUsed[i])")
                }
            }
        }
        // Split the scenario columns into blocks that fit.
        let labelWidth = labelColumn.map(\.count).max() ?? 0
        var blocks: [[Int]] = []
        var current = [order[0]]
        var used = labelWidth + 2 + columnWidth(columns[order[0]])
        for i in order.dropFirst() {
            let w = columnWidth(columns[i]) + 2
            if used + w > width && current.count > 1 {
                blocks.append(current)
                current = [order[0]]
                used = labelWidth + 2 + columnWidth(columns[order[0]])
            }
            current.append(i)
            used += w
        }
        blocks.append(current)
        let legend = """
            Mean over \(c.replications) replications with common random numbers; differences are \
            paired (scenario − baseline) with 95% intervals
            Bonferroni-adjusted over the \(k - 1) comparisons.
            \(BestMark.legend)

            """
        return legend + blocks.map { block in
            let rows = labelColumn.indices.map { r in [labelColumn[r]] + block.map { columns[$0][r] } }
            return HeadlineTable.align(rows)
        }.joined(separator: "\n")
    }

    private static func columnWidth(_ column: [String]) -> Int {
        column.map(\.count).max() ?? 0
    }

    private static func meanCell(_ m: ScenarioComparison.MetricComparison, _ i: Int) -> String {
        let mean = m.paired[i]?.mean ?? m.mcb.means[i] ?? m.paired.compactMap { $0?.baselineMean }.first
        guard let mean else { return "—" }
        let mark = m.mcb.marks[i].symbol
        return MetricFormat.figure(mean) + (mark.isEmpty ? "" : " " + mark)
    }

    /// "62 / 30 / 8%": the shares of replications better than, tied with and worse than the
    /// baseline, rounded to whole percent.
    static func sharesCell(_ p: PairedComparison) -> String {
        guard let b = p.shareBetter, let t = p.shareTied, let w = p.shareWorse else { return "—" }
        return String(format: "%.0f / %.0f / %.0f%%", 100 * b, 100 * t, 100 * w)
    }

    /// The difference and its half-width, both to two significant figures of the half-width,
    /// so a tight interval never prints as "± 0.000".
    static func differenceCell(_ d: Double, _ halfWidth: Double?) -> String {
        guard let h = halfWidth, h > 0, h.isFinite else {
            return (d > 0 ? "+" : "") + MetricFormat.figure(d)
        }
        let decimals = min(6, max(0, 1 - Int(log10(h).rounded(.down))))
        return String(format: "%+.\(decimals)f ± %.\(decimals)f", d, h)
    }

    // MARK: CSV files

    public static let comparisonHeader = ["metric", "scenario", "baseline", "mean", "baseline_mean",
                                          "diff_mean", "diff_ci95_low", "diff_ci95_high", "sd_diff",
                                          "share_better", "share_tied", "share_worse", "n"]

    /// `comparison.csv`: every scenario but the baseline, for every metric.
    public static func comparisonCSV(_ c: ScenarioComparison) -> [UInt8] {
        var w = CSVWriter(header: comparisonHeader)
        for m in c.metrics {
            for (i, p) in m.paired.enumerated() {
                guard let p else { continue }
                w.field(m.metric.name)
                w.field(c.names[i])
                w.field(c.names[c.baseline])
                for v in [p.mean, p.baselineMean, p.diffMean, p.ciLow, p.ciHigh, p.sdDiff, p.shareBetter, p.shareTied, p.shareWorse] {
                    w.field(v)
                }
                w.field(p.n)
                w.endRow()
            }
        }
        return w.bytes
    }

    public static let bestHeader = ["metric", "better", "scenario", "mean", "mcb_low", "mcb_high",
                                    "mcb_verdict", "n", "delta", "selected", "selection_replications"]

    /// `best.csv`: every scenario for every metric. `mcb_low`/`mcb_high` bound the mean minus
    /// the best of the others (in the metric's units); `selected` and `selection_replications`
    /// are empty for metrics without an indifference zone.
    public static func bestCSV(_ c: ScenarioComparison) -> [UInt8] {
        var w = CSVWriter(header: bestHeader)
        for m in c.metrics {
            for i in c.names.indices {
                w.field(m.metric.name)
                w.field(m.metric.betterDirection)
                w.field(c.names[i])
                w.field(m.mcb.means[i])
                w.field(m.mcb.low[i])
                w.field(m.mcb.high[i])
                w.field(m.mcb.verdicts[i]?.rawValue ?? "")
                w.field(m.mcb.n)
                w.field(m.delta)
                if let s = m.selection {
                    w.field(s.selected == i ? "true" : "false")
                    w.field(s.replicationsUsed[i])
                } else {
                    w.field("")
                    w.field("")
                }
                w.endRow()
            }
        }
        return w.bytes
    }
}
