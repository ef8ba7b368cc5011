/// Scenario × figure at a glance: each cell holds the scenario's mean and its difference to the
/// baseline, coloured only when the 95% interval of that difference excludes 0 (green better,
/// vermillion worse, deeper for larger effects), with the MCB mark of the figure.
enum ScorecardChart {
    static let rowHeight = 36.0

    /// Words wrapped to lines of at most `width` pixels at `size`.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = [], current = ""
        // Words break at spaces and after hyphens ("pilot-to-" / "scale").
        let words = text.split(separator: " ").flatMap { word -> [String] in
            var parts: [String] = [], part = ""
            for c in word { part.append(c); if c == "-" { parts.append(part); part = "" } }
            if !part.isEmpty { parts.append(part) }
            return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\u{1}" : $0.element }
        }
        for word in words {
            let glued = current.hasSuffix("\u{1}")
            let candidate = current.isEmpty ? word : glued ? String(current.dropLast()) + word : current + " " + word
            if SVG.textWidth(candidate, size: size) > width && !current.isEmpty {
                lines.append(current.replacingOccurrences(of: "\u{1}", with: ""))
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current.replacingOccurrences(of: "\u{1}", with: "")) }
        return lines
    }

    /// -1 worse, 0 not distinguishable (or undefined), +1 better than the baseline at 95%.
    static func effect(_ c: ComparisonReport.Data.Cell?, higherIsBetter: Bool) -> Int {
        guard let c, let lo = c.low, let hi = c.high else { return 0 }
        if lo > 0 { return higherIsBetter ? 1 : -1 }
        if hi < 0 { return higherIsBetter ? -1 : 1 }
        return 0
    }

    static func chart(_ data: ComparisonReport.Data, metrics: [String], source: ChartSource) -> Chart {
        let title = "Scorecard: every scenario on every headline figure"
        let labelColumn = max(110, (data.scenarios.map { SVG.textWidth($0 + " (baseline)", size: 12) }.max() ?? 0) + 20)
        let cellWidth = (ChartFrame.width - 16 - labelColumn) / Double(max(1, metrics.count))
        let headers = metrics.map { wrap(MetricLabels.axisLabel($0), width: cellWidth - 6, size: 11) }
        let headerHeight = Double(headers.map(\.count).max() ?? 1) * 13 + 18
        let height = 64 + headerHeight + Double(data.scenarios.count) * rowHeight + 44
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: 16, bottomMargin: 44)
        frame.legend([(.swatch(Palette.green, 0.6), "better at 95%"), (.swatch(Palette.vermillion, 0.6), "worse at 95%"),
                      (.swatch(Palette.grid, 1), "no clear difference"), (.text, "★ best (MCB) · ☆ no clear best")])
        var y = frame.top
        for (j, lines) in headers.enumerated() {
            let cx = frame.left + (Double(j) + 0.5) * cellWidth
            for (k, line) in lines.enumerated() {
                frame.svg.text(line, x: cx, y: y + 10 + Double(k) * 13, size: 11, anchor: .middle, bold: true)
            }
            frame.svg.text(MetricLabels.higherIsBetter(metrics[j]) ? "higher better" : "lower better",
                           x: cx, y: y + headerHeight - 6, size: 9.5, anchor: .middle, fill: Palette.muted)
        }
        y += headerHeight
        // Effects are shaded by size relative to the largest significant one of that figure.
        let largest = metrics.map { m in
            data.scenarios.compactMap { data.cells[m]?[$0]?.diff.map(abs) }.max() ?? 1
        }
        for s in data.scenarios {
            let isBaseline = s == data.baseline
            frame.svg.text(s + (isBaseline && s != "baseline" ? " (baseline)" : ""), x: frame.left - 8, y: y + rowHeight / 2 + 4, size: 12,
                           anchor: .end, bold: isBaseline)
            for (j, m) in metrics.enumerated() {
                let x0 = frame.left + Double(j) * cellWidth, cx = x0 + cellWidth / 2
                let cell = data.cells[m]?[s]
                let e = isBaseline ? 0 : effect(cell, higherIsBetter: MetricLabels.higherIsBetter(m))
                let size = min(1, abs(cell?.diff ?? 0) / max(largest[j], 1e-300))
                let fill = e > 0 ? Palette.green : e < 0 ? Palette.vermillion : isBaseline ? "#ffffff" : Palette.grid
                frame.svg.rect(x: x0 + 1, y: y + 1, width: cellWidth - 2, height: rowHeight - 2, fill: fill,
                               opacity: e == 0 ? (isBaseline ? 1 : 0.6) : 0.25 + 0.5 * size)
                let mark = data.mark(m, s).symbol
                let mean = data.mean(m, s).map { MetricLabels.value($0, m) } ?? "—"
                frame.svg.text(mean + (mark.isEmpty ? "" : " " + mark), x: cx, y: y + 15, size: 12, anchor: .middle,
                               bold: data.mark(m, s) == .best)
                let second = isBaseline ? "reference" : cell?.diff.map { MetricLabels.difference($0, m) } ?? "—"
                frame.svg.text(second, x: cx, y: y + 29, size: 10, anchor: .middle, fill: Palette.muted)
            }
            y += rowHeight
        }
        let note = """
            Each cell: the scenario's mean over \(data.replications) replications (★/☆ from Hsu's MCB) and, \
            below, its mean paired difference to \(data.baseline). Green and vermillion mean the 95% \
            interval of that difference (Bonferroni-adjusted) lies wholly on the better or the worse \
            side; grey means the replications cannot tell it from \(data.baseline). Deeper colour is a \
            larger effect relative to the largest on that figure.
            """
        return Chart(name: "scorecard", title: title, svg: frame.render(), note: note)
    }
}
