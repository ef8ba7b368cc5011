/// The coverage–density trade-off of PRIM's peeling trajectory, one line per case, the
/// reported box marked: how much of the case a box keeps against how pure it is.
enum PeelingTrajectoryChart {
    struct Line {
        var caseText: String
        var points: [(coverage: Double, density: Double)]
        var chosen: Int
    }

    static func chart(_ lines: [Line], source: ChartSource) -> Chart {
        let title = "Peeling trajectories: coverage against density"
        var frame = ChartFrame(title: title, caption: source.caption, height: 520, legendRows: lines.count,
                               leftMargin: 72, rightMargin: 40, bottomMargin: 64)
        // One legend entry per row: case texts are long.
        for (i, line) in lines.enumerated() {
            let y = 44 + Double(i) * 20
            frame.svg.line(x1: 16, y1: y, x2: 32, y2: y, stroke: Palette.series[i % Palette.series.count], width: 2.5)
            frame.svg.text(line.caseText + " (reported box: black dot)", x: 40, y: y + 4, size: 12)
        }
        let x = frame.xAxis(NiceTicks(min: 0, max: 1, count: 5), label: "coverage (share of the case's worlds inside the box)")
        let y = frame.yAxis(NiceTicks(min: 0, max: 1, count: 5), label: "density (share of the box's worlds with the case)")
        for (i, line) in lines.enumerated() {
            let color = Palette.series[i % Palette.series.count]
            frame.svg.polyline(line.points.map { (x($0.coverage), y($0.density)) }, stroke: color, width: 2)
            let c = line.points[line.chosen]
            frame.svg.circle(x: x(c.coverage), y: y(c.density), r: 5, fill: Palette.black)
        }
        let note = """
            PRIM starts from all worlds (coverage 1, density = the case's share of worlds) and peels 5% \
            of the box at a time along one uncertainty, keeping the peel that raises density most; each \
            line follows one case from the right to the upper left. The black dot is the box reported by \
            the rule in discovery.json (largest coverage with density at least 0.8 unless stated).
            """
        return Chart(name: "explore-trajectories", title: title, svg: frame.render(), note: note)
    }
}
