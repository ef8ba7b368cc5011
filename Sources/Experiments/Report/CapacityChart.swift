/// What the program carries month by month: systems in production, pilots in progress, delivery
/// squads busy against the squads available, and the squad backlog (requests waiting).
public enum CapacityChart {
    static let series: [(metric: String, label: String, color: String, dash: String?)] = [
        ("production_systems", "production systems", Palette.green, nil),
        ("pilots_in_progress", "pilots in progress", Palette.orange, "8 3"),
        ("squad_backlog", "requests waiting for a squad", Palette.vermillion, "2 2"),
        ("squads_busy", "squads busy", Palette.blue, nil),
    ]

    public static func chart(_ run: RunFolder) -> Chart {
        chart(series: run.series, squads: run.deliverySquads, source: run.source)
    }

    public static func chart(series data: [String: [RunFolder.MonthRow]], squads: Double, source: ChartSource) -> Chart {
        let title = "Capacity over time: what the squads carry and what waits for them"
        var frame = ChartFrame(title: title, caption: source.caption, height: 440, legendRows: 2)
        let present = series.filter { data[$0.metric] != nil }
        let rows = present.flatMap { data[$0.metric]! }
        let available = data["squads_available"].flatMap { rows in rows.isEmpty ? nil : rows }
        let top = max(rows.map(\.p95).max() ?? 1, available?.map(\.mean).max() ?? squads)
        let x = frame.xAxis(NiceTicks(min: 0, max: rows.map(\.month).max() ?? 1, count: 6), label: "month")
        let y = frame.yAxis(NiceTicks(min: 0, max: top, count: 6), label: "count at month end")
        for s in present {
            let r = data[s.metric]!
            let upper = r.map { (x($0.month), y($0.p95)) }, lower = r.reversed().map { (x($0.month), y($0.p5)) }
            frame.svg.polygon(upper + lower, fill: s.color, opacity: 0.12)
        }
        // The squads available go under the busy line, thin and black, so a saturated pool
        // shows the blue line lying on it rather than hidden beneath it.
        // With a hiring plan (MODEL.md 6.7) the squads available change over time: their
        // month-end series replaces the constant line.
        if let available, available.contains(where: { $0.mean != available[0].mean }) {
            frame.svg.polyline(available.map { (x($0.month), y($0.mean)) }, stroke: Palette.black, width: 1, dash: "6 3")
            let last = available[available.count - 1].mean
            frame.svg.text("\(FunnelChart.count(last)) delivery squads available", x: frame.right - 4, y: y(last) - 6,
                           size: 12, anchor: .end)
        } else if squads > 0 {
            frame.svg.line(x1: frame.left, y1: y(squads), x2: frame.right, y2: y(squads), stroke: Palette.black,
                           width: 1, dash: "6 3")
            frame.svg.text("\(FunnelChart.count(squads)) delivery squads available", x: frame.right - 4, y: y(squads) - 6,
                           size: 12, anchor: .end)
        }
        for s in present {
            frame.svg.polyline(data[s.metric]!.map { (x($0.month), y($0.mean)) }, stroke: s.color,
                               width: s.metric == "squads_busy" ? 3 : 2.5, dash: s.dash)
        }
        frame.legend(present.map { (.band($0.color, 0.25, $0.dash), "\($0.label): mean, p5–p95") } +
                     [(.line(Palette.black, "6 3"), "squads available")])
        let note = """
            Lines are means over replications of the state at each month end, shaded bands (same colour) \
            p5–p95. Busy squads include data preparation, pilots and scale-up; when the blue line lies on \
            the dashed line, every squad is busy and requests queue: the vermillion line counts them.
            """
        return Chart(name: "capacity", title: title, svg: frame.render(), note: note)
    }
}
