/// Places text labels next to their points without overlapping each other, the points, or the
/// plot's edges; a label that cannot go next to its point goes further out with a leader line.
struct LabelPlacer {
    typealias Box = FunnelChart.Box
    var taken: [Box]
    let bounds: Box

    init(points: [(Double, Double)], bounds: Box, radius: Double = 6) {
        taken = points.map { Box(x: $0.0 - radius, y: $0.1 - radius, width: 2 * radius, height: 2 * radius) }
        self.bounds = bounds
    }

    mutating func block(_ box: Box) { taken.append(box) }

    /// The box for a label of width `w` at point (px, py), and whether it needs a leader line.
    mutating func place(width w: Double, at px: Double, _ py: Double, height h: Double = 14) -> (box: Box, leader: Bool) {
        var candidates: [(Double, Double, Bool)] = [(px + 8, py - h / 2, false), (px - 8 - w, py - h / 2, false),
                                                    (px - w / 2, py - 8 - h, false), (px - w / 2, py + 8, false)]
        for ring in 1...8 {
            let d = 14.0 * Double(ring)
            candidates += [(px + 8 + d, py - h / 2 - d, true), (px - 8 - w - d, py - h / 2 - d, true),
                           (px + 8 + d, py - h / 2 + d, true), (px - 8 - w - d, py - h / 2 + d, true),
                           (px - w / 2, py - 8 - h - d, true), (px - w / 2, py + 8 + d, true)]
        }
        let inside = candidates.map { c in
            (Box(x: min(max(c.0, bounds.x), bounds.x + bounds.width - w), y: min(max(c.1, bounds.y), bounds.y + bounds.height - h),
                 width: w, height: h), c.2)
        }
        let chosen = inside.first { c in !taken.contains { $0.intersects(c.0) } } ?? inside[0]
        taken.append(chosen.0)
        return (chosen.0, chosen.1)
    }
}
