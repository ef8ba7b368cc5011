/// A PRIM box's limits against each uncertainty's full sampled range: which unknown numbers
/// the case depends on and where.
enum BoxLimitsChart {
    struct Row {
        var uncertainty: String
        var rangeMin: Double
        var rangeMax: Double
        var lower: Double?
        var upper: Double?
        var quasiP: Double?
    }

    static let rowHeight = 26.0

    static func chart(caseText: String, rows: [Row], index: Int, coverage: Double, density: Double, source: ChartSource) -> Chart {
        let title = "Box of \(caseText)"
        let labelColumn = max(160, (rows.map { SVG.textWidth($0.uncertainty, size: 12) }.max() ?? 0) + 24)
        let height = 64 + 24 + Double(rows.count) * rowHeight + 42 + 28
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: 150, bottomMargin: 28)
        frame.legend([(.swatch(Palette.grid, 1), "full sampled range"), (.swatch(Palette.vermillion, 0.8), "inside the box")])
        var y = 64.0
        frame.svg.text("coverage \(CSVWriter.format((coverage * 100).rounded() / 100)), density \(CSVWriter.format((density * 100).rounded() / 100))",
                       x: 16, y: y + 14, size: 13, bold: true)
        y += 24
        for row in rows {
            let cy = y + rowHeight / 2
            let span = row.rangeMax - row.rangeMin
            func px(_ v: Double) -> Double { frame.left + (span > 0 ? (v - row.rangeMin) / span : 0.5) * frame.plotWidth }
            frame.svg.text(row.uncertainty, x: frame.left - 10, y: cy + 4, size: 12, anchor: .end,
                           bold: row.lower != nil || row.upper != nil)
            frame.svg.rect(x: frame.left, y: cy - 7, width: frame.plotWidth, height: 14, fill: Palette.grid)
            let lo = row.lower ?? row.rangeMin, hi = row.upper ?? row.rangeMax
            frame.svg.rect(x: px(lo), y: cy - 7, width: max(1, px(hi) - px(lo)), height: 14, fill: Palette.vermillion,
                           opacity: row.lower != nil || row.upper != nil ? 0.8 : 0.25)
            frame.svg.text(CSVWriter.format(row.rangeMin), x: frame.left - 2, y: cy + 18, size: 9, fill: Palette.muted)
            frame.svg.text(CSVWriter.format(row.rangeMax), x: frame.right, y: cy + 18, size: 9, anchor: .end, fill: Palette.muted)
            let limits: String
            switch (row.lower, row.upper) {
            case let (l?, u?): limits = "\(MetricFormat.figure(l)) – \(MetricFormat.figure(u))"
            case let (l?, nil): limits = "≥ \(MetricFormat.figure(l))"
            case let (nil, u?): limits = "≤ \(MetricFormat.figure(u))"
            default: limits = "unrestricted"
            }
            let q = row.quasiP.map { $0 < 0.001 ? ", q < 0.001" : ", q = " + String(format: "%.3f", $0) } ?? ""
            frame.svg.text(limits + q, x: frame.right + 8, y: cy + 4, size: 11)
            y += rowHeight
        }
        let note = """
            Each bar is an uncertainty's sampled range; the red part is what the reported PRIM box keeps \
            (faint: unrestricted). q is Bryant and Lempert's quasi-p-value of a restriction: the chance of \
            the box's density if that limit were dropped; a large q marks a limit that adds little.
            """
        return Chart(name: "explore-box-\(index + 1)", title: title, svg: frame.render(), note: note)
    }
}
