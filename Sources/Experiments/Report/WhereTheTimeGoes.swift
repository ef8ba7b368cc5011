/// Per scenario, the mean months a use case spends waiting (for G0, for a squad, for G1)
/// against working (data preparation, pilot, scale-up, rollout), as stacked bars.
enum WhereTheTimeGoes {
    static let parts: [(column: String, label: String, color: String, waiting: Bool)] = [
        ("mean_g0_wait_months", "waiting for G0", Palette.vermillion, true),
        ("mean_team_wait_months", "waiting for a squad", Palette.orange, true),
        ("mean_g1_wait_months", "waiting for G1", Palette.purple, true),
        ("mean_data_prep_months", "data preparation", Palette.skyBlue, false),
        ("mean_pilot_months", "pilot", Palette.blue, false),
        ("mean_scale_up_months", "scale-up", Palette.green, false),
        ("mean_rollout_months", "rollout", "#2c6e49", false),
    ]

    /// Nil when the run folders lack the working-time columns (written by execsim 0.x before
    /// they were added).
    static func chart(_ runs: [(String, RunFolder)], source: ChartSource) -> Chart? {
        guard let first = runs.first?.1, parts.allSatisfy({ first.replications.index(of: $0.column) != nil }) else { return nil }
        let title = "Where the time goes: months waiting against months working"
        let labelColumn = max(100, (runs.map { SVG.textWidth($0.0, size: 12) }.max() ?? 0) + 24)
        let rowHeight = 28.0
        let height = 64 + 20 + Double(runs.count) * rowHeight + 16 + 64
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 2,
                               leftMargin: labelColumn, rightMargin: 24)
        frame.legend(parts.map { (.swatch($0.color, 0.85), $0.label) })
        let means = runs.map { _, run in parts.map { p -> Double in
            let v = run.values(p.column).values
            return v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count)
        } }
        // Room right of the longest bar for its totals.
        let x = frame.xAxis(NiceTicks(min: 0, max: 1.4 * (means.map { $0.reduce(0, +) }.max() ?? 1), count: 6),
                            label: "mean months per use case in each step (waits first, then work)")
        var y = frame.top + 8
        for ((name, _), m) in zip(runs, means) {
            frame.svg.text(name, x: frame.left - 10, y: y + rowHeight / 2 + 4, size: 12, anchor: .end)
            var at = 0.0
            for (p, v) in zip(parts, m) {
                frame.svg.rect(x: x(at), y: y + 4, width: x(at + v) - x(at), height: rowHeight - 8, fill: p.color, opacity: 0.85)
                at += v
            }
            let wait = zip(parts, m).filter(\.0.waiting).map(\.1).reduce(0, +)
            frame.svg.text("\(FigureFormat.number(wait)) waiting · \(FigureFormat.number(at - wait)) working", x: x(at) + 6,
                           y: y + rowHeight / 2 + 4, size: 10.5, fill: Palette.muted)
            y += rowHeight
        }
        let note = """
            Each bar stacks, per scenario, the mean over replications of each step's mean duration: the \
            waits over the decisions or squad requests that ended, the work over the use cases that \
            finished that step. It is the time a use case that goes through every step spends in each, \
            not a sum over the portfolio.
            """
        return Chart(name: "where-the-time-goes", title: title, svg: frame.render(), note: note)
    }
}
