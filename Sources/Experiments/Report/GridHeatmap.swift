import Foundation

/// A grid sweep over two or more parameters, every point shown: a heatmap of the metric over the
/// first two parameters, one panel (facet) per combination of the others, all on one colour
/// scale, darker where the figure is better.
public enum GridHeatmap {
    public struct Facet: Sendable, Equatable {
        /// "readiness = 0.4", or "" when there are only two parameters.
        public var label: String
        /// values[row][column]: row = value of the second parameter, column = of the first.
        public var values: [[Double?]]
    }

    public static func chart(metric: String, xParameter: String, xValues: [String], yParameter: String, yValues: [String],
                             facets: [Facet], facetParameters: [String], source: ChartSource) -> Chart {
        let label = MetricLabels.label(metric), higher = MetricLabels.higherIsBetter(metric)
        let title = "\(label.prefix(1).uppercased() + label.dropFirst()) at every point of the grid"
        let cols = facets.count == 1 ? 1 : facets.count <= 4 ? 2 : 3
        let rowsOfFacets = (facets.count + cols - 1) / cols
        let yLabelWidth = (yValues.map { SVG.textWidth($0, size: 10) }.max() ?? 30) + 10
        let panelWidth = (ChartFrame.width - 32 - 20) / Double(cols)
        let cellWidth = (panelWidth - yLabelWidth - 8) / Double(max(1, xValues.count))
        let cellHeight = min(34, max(18, (ChartFrame.width * 0.5 / Double(rowsOfFacets) - 40) / Double(max(1, yValues.count))))
        let panelHeight = 20 + Double(yValues.count) * cellHeight + 22
        let height = 64 + 16 + Double(rowsOfFacets) * panelHeight + 52
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: 32, rightMargin: 20, bottomMargin: 52, topExtra: 16)
        let all = facets.flatMap { $0.values.flatMap { $0.compactMap { $0 } } }
        let lo = all.min() ?? 0, hi = all.max() ?? 1
        // Shade by how good the value is: 0 worst, 1 best.
        func goodness(_ v: Double) -> Double {
            hi == lo ? 0.5 : higher ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo)
        }
        frame.legend([(.swatch(Palette.blue, 0.1), "worst \(MetricLabels.value(higher ? lo : hi, metric))"),
                      (.swatch(Palette.blue, 0.9), "best \(MetricLabels.value(higher ? hi : lo, metric))"),
                      (.swatch("#ffffff", 1), "— undefined")])
        frame.svg.text("columns: \(xParameter) · rows: \(yParameter)", x: 16, y: frame.top - 6, size: 12, fill: Palette.muted)
        for (f, facet) in facets.enumerated() {
            let px = 16 + Double(f % cols) * (panelWidth + 10), py = frame.top + Double(f / cols) * panelHeight
            if !facet.label.isEmpty { frame.svg.text(facet.label, x: px, y: py + 13, size: 12, bold: true) }
            for (r, yv) in yValues.enumerated() {
                let cy = py + 20 + Double(r) * cellHeight
                frame.svg.text(yv, x: px + yLabelWidth - 6, y: cy + cellHeight / 2 + 4, size: 10, anchor: .end, fill: Palette.muted)
                for (c, _) in xValues.enumerated() {
                    let cx = px + yLabelWidth + Double(c) * cellWidth
                    let v = r < facet.values.count && c < facet.values[r].count ? facet.values[r][c] : nil
                    let g = v.map(goodness) ?? 0
                    frame.svg.rect(x: cx + 1, y: cy + 1, width: cellWidth - 2, height: cellHeight - 2,
                                   fill: v == nil ? "#ffffff" : Palette.blue, opacity: v == nil ? 1 : 0.08 + 0.82 * g)
                    let text = v.map { MetricLabels.value($0, metric) } ?? "—"
                    if SVG.textWidth(text, size: 10) < cellWidth - 2 {
                        frame.svg.text(text, x: cx + cellWidth / 2, y: cy + cellHeight / 2 + 4, size: 10, anchor: .middle,
                                       fill: g > 0.55 ? "#ffffff" : Palette.text)
                    }
                }
            }
            for (c, xv) in xValues.enumerated() {
                frame.svg.text(xv, x: px + yLabelWidth + (Double(c) + 0.5) * cellWidth, y: py + 20 + Double(yValues.count) * cellHeight + 14,
                               size: 10, anchor: .middle, fill: Palette.muted)
            }
        }
        let facetText = facetParameters.isEmpty ? "" : " One panel per value of \(facetParameters.joined(separator: " × "))."
        let note = """
            Each cell is the mean of \(label) over \(source.replications) replications at one grid point \
            (columns \(xParameter), rows \(yParameter)); darker is better (\(higher ? "higher" : "lower")), \
            on one scale for all panels.\(facetText) The 95% intervals of every point are in the table.
            """
        return Chart(name: "grid-" + metric, title: title, svg: frame.render(), note: note)
    }
}

/// A Latin hypercube sweep: the metric against each parameter, one small panel per parameter,
/// one dot per design point.
public enum ScatterMatrix {
    public static func chart(metric: String, parameters: [(name: String, values: [Double?])], outcome: [Double?],
                             source: ChartSource) -> Chart {
        let label = MetricLabels.label(metric), s = MetricLabels.scale(metric)
        let title = "\(label.prefix(1).uppercased() + label.dropFirst()) against each parameter"
        let cols = max(1, SideBySide.columns(parameters.count))
        let rowsOfPanels = (parameters.count + cols - 1) / cols
        let panelHeight = rowsOfPanels == 1 ? 260.0 : rowsOfPanels == 2 ? 170 : 130
        let height = 64 + Double(rowsOfPanels) * panelHeight + 56
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: 70, rightMargin: 12, bottomMargin: 56)
        frame.legend([(.dot(Palette.blue), "one design point: the mean over its replications")])
        let ys = outcome.compactMap { $0 }.map { $0 * s }
        let yTicks = NiceTicks(min: ys.min() ?? 0, max: ys.max() ?? 1, count: 3)
        let panelWidth = frame.plotWidth / Double(cols)
        for (i, p) in parameters.enumerated() {
            let px = frame.left + Double(i % cols) * panelWidth, py = frame.top + Double(i / cols) * panelHeight
            let xs = p.values.compactMap { $0 }
            let xTicks = NiceTicks(min: xs.min() ?? 0, max: xs.max() ?? 1, count: 3)
            let x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (px + 14, px + panelWidth - 26))
            let y = LinearScale(domain: (yTicks.lower, yTicks.upper), range: (py + panelHeight - 36, py + 22))
            for v in yTicks.values {
                frame.svg.line(x1: px + 14, y1: y(v), x2: px + panelWidth - 26, y2: y(v), stroke: Palette.grid)
                if i % cols == 0 { frame.svg.text(yTicks.label(v), x: px + 2, y: y(v) + 4, size: 10, anchor: .end, fill: Palette.muted) }
            }
            for v in xTicks.values {
                frame.svg.text(xTicks.label(v), x: x(v), y: py + panelHeight - 22, size: 10, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.text(p.name, x: px + 14, y: py + 14, size: 11, bold: true)
            for (xv, yv) in zip(p.values, outcome) {
                guard let xv, let yv else { continue }
                frame.svg.circle(x: x(xv), y: y(yv * s), r: 2.5, fill: Palette.blue)
            }
        }
        frame.svg.text(MetricLabels.axisLabel(metric), x: 16, y: (frame.top + frame.bottom) / 2, size: 12, anchor: .middle, rotate: -90)
        let note = """
            Each dot is one design point of the Latin hypercube, all parameters varying at once; a clear \
            slope in a panel means that parameter drives \(label), a shapeless cloud that it matters \
            little next to the others.
            """
        return Chart(name: "scatter-" + metric, title: title, svg: frame.render(), note: note)
    }
}
