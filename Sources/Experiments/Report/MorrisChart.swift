/// Morris screening: each parameter's mean absolute elementary effect μ* (how much it matters)
/// against their spread σ (how much it interacts or acts non-linearly).
public enum MorrisChart {
    public struct Point: Sendable, Equatable {
        public var parameter: String
        public var muStar: Double
        public var sigma: Double
        public var low: Double?
        public var high: Double?
    }

    public static func chart(metric: String, points: [Point], source: ChartSource) -> Chart {
        let label = MetricCatalogue.label(metric)
        let title = "Which parameters matter for \(label.replacingOccurrences(of: " (k$)", with: "")): Morris μ* against σ"
        var frame = ChartFrame(title: title, caption: source.caption, height: 480, legendRows: 1, rightMargin: 32)
        frame.legend([(.dot(Palette.blue), "parameter"), (.line(Palette.blue, nil), "95% interval of μ*"),
                      (.line(Palette.axis, "4 3"), "σ = μ* (strongly non-linear or interacting above)")])
        let xs = points.flatMap { [$0.muStar, $0.high ?? $0.muStar] }
        let ys = points.map(\.sigma)
        let xTicks = NiceTicks(min: 0, max: xs.max() ?? 1, count: 6)
        let yTicks = NiceTicks(min: 0, max: ys.max() ?? 1, count: 6)
        let unit = MetricCatalogue.unit(metric).rawValue
        let bare = label.replacingOccurrences(of: " (k$)", with: "").replacingOccurrences(of: " (months)", with: "")
        let x = frame.xAxis(xTicks, label: "μ*, mean |elementary effect| on \(bare) (\(unit))")
        let y = frame.yAxis(yTicks, label: "σ of elementary effects (\(unit))")
        let diagonalEnd = min(xTicks.upper, yTicks.upper)
        frame.svg.line(x1: x(0), y1: y(0), x2: x(diagonalEnd), y2: y(diagonalEnd), stroke: Palette.axis, dash: "4 3")

        // Points and interval lines are obstacles for labels too.
        var taken: [FunnelChart.Box] = points.flatMap { p in
            [FunnelChart.Box(x: x(p.muStar) - 6, y: y(p.sigma) - 6, width: 12, height: 12),
             FunnelChart.Box(x: x(p.low ?? p.muStar), y: y(p.sigma) - 1, width: x(p.high ?? p.muStar) - x(p.low ?? p.muStar), height: 2)]
        }
        for p in points {
            if let lo = p.low, let hi = p.high {
                frame.svg.line(x1: x(lo), y1: y(p.sigma), x2: x(hi), y2: y(p.sigma), stroke: Palette.blue, width: 1.5)
            }
            frame.svg.circle(x: x(p.muStar), y: y(p.sigma), r: 5, fill: Palette.blue)
        }
        // Labels go right, left, above or below their point, the first place that overlaps
        // neither another label nor a point and stays inside the plot.
        for p in points.sorted(by: { $0.muStar > $1.muStar }) {
            let w = SVG.textWidth(p.parameter, size: 11), px = x(p.muStar), py = y(p.sigma)
            var candidates = [(px - w / 2, py - 22), (px - w / 2, py + 8), (px + 8, py - 20), (px - 8 - w, py - 20),
                              (px + 8, py + 6), (px - 8 - w, py + 6)]
            for step in 1...4 { candidates += [(px - w / 2, py - 22 - 14 * Double(step)), (px - w / 2, py + 8 + 14 * Double(step))] }
            // Near an edge a label slides inwards rather than being dropped.
            let fits = candidates.map { c in
                FunnelChart.Box(x: min(max(c.0, frame.left + 2), frame.right - w), y: c.1, width: w, height: 14)
            }.filter { $0.y >= frame.top && $0.y + 14 <= frame.bottom }
            let box = fits.first { b in !taken.contains { $0.intersects(b) } } ?? fits.first
                ?? FunnelChart.Box(x: px + 8, y: py - 6, width: w, height: 13)
            taken.append(box)
            frame.svg.text(p.parameter, x: box.x, y: box.y + 10, size: 11)
        }
        let note = """
            Each point is a parameter: far right means it moves \(label) a lot on average, high up \
            means its effect depends on where the other parameters are (interactions or non-linearity). \
            Parameters near the origin can be left at their defaults.
            """
        return Chart(name: "morris-" + metric, title: title, svg: frame.render(), note: note)
    }
}
