/// Morris screening: each parameter's signed mean elementary effect μ with its interval (which
/// way it moves the figure), and μ* (how much it matters) against σ (how much it interacts or
/// acts non-linearly).
public enum MorrisChart {
    public struct Point: Sendable, Equatable {
        public var parameter: String
        public var mu: Double?
        public var muStar: Double
        public var sigma: Double
        public var low: Double?
        public var high: Double?
        /// The parameter's range in the design, e.g. "4–16": an effect is per whole range.
        public var range: String?

        public init(parameter: String, mu: Double? = nil, muStar: Double, sigma: Double, low: Double?, high: Double?,
                    range: String? = nil) {
            self.parameter = parameter
            self.mu = mu
            self.muStar = muStar
            self.sigma = sigma
            self.low = low
            self.high = high
            self.range = range
        }

        var name: String { range.map { "\(parameter) (\($0))" } ?? parameter }
    }

    static func bare(_ metric: String) -> String { MetricLabels.label(metric) }

    /// μ as bars from 0, largest |μ| on top, with μ ± t·σ/√r (r elementary effects per
    /// parameter, one per trajectory).
    public static func signedChart(metric: String, points unsorted: [Point], trajectories: Int?, source: ChartSource) -> Chart {
        let points = unsorted.filter { $0.mu != nil }.sorted { abs($0.mu!) > abs($1.mu!) }
        let unit = MetricLabels.differenceUnit(metric), s = MetricLabels.scale(metric)
        let title = "Which way each parameter moves \(bare(metric)): Morris mean effect μ"
        let labelColumn = max(120, (points.map { SVG.textWidth($0.name, size: 12) }.max() ?? 0) + 28)
        let rowHeight = 28.0
        let height = 64 + Double(points.count) * rowHeight + 90
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 1,
                               leftMargin: labelColumn, rightMargin: 24)
        frame.legend([(.swatch(Palette.blue, 0.85), "raises it"), (.swatch(Palette.vermillion, 0.85), "lowers it"),
                      (.line(Palette.black, nil), "95% interval of μ")])
        func half(_ p: Point) -> Double? {
            guard let r = trajectories, r > 1 else { return nil }
            return StudentT.quantile(0.975, degreesOfFreedom: r - 1) * p.sigma / Double(r).squareRoot()
        }
        let values = points.flatMap { p -> [Double] in
            let m = p.mu! * s, h = (half(p) ?? 0) * s
            return [m - h, m + h]
        } + [0]
        let x = frame.xAxis(NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 6),
                            label: "μ: mean change in \(bare(metric)) over the parameter's whole range (\(unit))")
        var y = frame.top + 6
        for p in points {
            let m = p.mu! * s
            frame.svg.rect(x: min(x(0), x(m)), y: y, width: abs(x(m) - x(0)), height: rowHeight - 10,
                           fill: m >= 0 ? Palette.blue : Palette.vermillion, opacity: 0.85)
            if let h = half(p) {
                let cy = y + (rowHeight - 10) / 2
                frame.svg.line(x1: x(m - h * s), y1: cy, x2: x(m + h * s), y2: cy, stroke: Palette.black, width: 1.5)
            }
            frame.svg.text(p.name, x: frame.left - 10, y: y + 14, size: 12, anchor: .end)
            y += rowHeight
        }
        frame.svg.line(x1: x(0), y1: frame.top, x2: x(0), y2: frame.bottom, stroke: Palette.black, width: 1.5)
        let note = """
            Each bar is a parameter's mean elementary effect μ: the change in \(bare(metric)) when the \
            parameter moves across its whole range (in brackets), averaged over \(trajectories.map(String.init) ?? "the") \
            trajectories; effects of opposite sign cancel in μ, so read it with μ* (next chart). The \
            interval is μ ± t·σ/√r over the r trajectories.
            """
        return Chart(name: "morris-mu-" + metric, title: title, svg: frame.render(), note: note)
    }

    public static func chart(metric: String, points: [Point], source: ChartSource) -> Chart {
        let title = "Which parameters matter for \(bare(metric)): Morris μ* against σ"
        var frame = ChartFrame(title: title, caption: source.caption, height: 480, legendRows: 1, rightMargin: 32)
        frame.legend([(.dot(Palette.blue), "parameter"), (.line(Palette.blue, nil), "95% interval of μ*"),
                      (.line(Palette.axis, "4 3"), "σ = μ* (non-linear or interacting above)")])
        let s = MetricLabels.scale(metric)
        let xs = points.flatMap { [$0.muStar, $0.high ?? $0.muStar] }.map { $0 * s }
        let ys = points.map(\.sigma).map { $0 * s }
        let xTicks = NiceTicks(min: 0, max: xs.max() ?? 1, count: 6)
        let yTicks = NiceTicks(min: 0, max: ys.max() ?? 1, count: 6)
        let unit = MetricLabels.differenceUnit(metric)
        let x = frame.xAxis(xTicks, label: "μ*, mean |elementary effect| on \(bare(metric)) (\(unit))")
        let y = frame.yAxis(yTicks, label: "σ of elementary effects (\(unit))")
        let diagonalEnd = min(xTicks.upper, yTicks.upper)
        frame.svg.line(x1: x(0), y1: y(0), x2: x(diagonalEnd), y2: y(diagonalEnd), stroke: Palette.axis, dash: "4 3")

        var placer = LabelPlacer(points: points.map { (x($0.muStar * s), y($0.sigma * s)) },
                                 bounds: .init(x: frame.left + 2, y: frame.top + 2, width: frame.plotWidth - 4, height: frame.plotHeight - 4))
        for p in points {
            if let lo = p.low, let hi = p.high {
                frame.svg.line(x1: x(lo * s), y1: y(p.sigma * s), x2: x(hi * s), y2: y(p.sigma * s), stroke: Palette.blue, width: 1.5)
                placer.block(.init(x: x(lo * s), y: y(p.sigma * s) - 1, width: x(hi * s) - x(lo * s), height: 2))
            }
            frame.svg.circle(x: x(p.muStar * s), y: y(p.sigma * s), r: 5, fill: Palette.blue)
        }
        // Largest effects first: they get the places next to their points.
        for p in points.sorted(by: { $0.muStar > $1.muStar }) {
            let px = x(p.muStar * s), py = y(p.sigma * s)
            let w = SVG.textWidth(p.name, size: 11)
            let (box, leader) = placer.place(width: w, at: px, py)
            if leader {
                let ex = box.x > px ? box.x : box.x + w
                frame.svg.line(x1: px, y1: py, x2: ex, y2: box.y + 7, stroke: Palette.axis, width: 0.8)
            }
            frame.svg.text(p.name, x: box.x, y: box.y + 11, size: 11)
        }
        let note = """
            Each point is a parameter (its range in brackets): far right means it moves \(bare(metric)) a \
            lot on average, high up means its effect depends on where the other parameters are \
            (interactions or non-linearity). Parameters near the origin can be left at their defaults.
            """
        return Chart(name: "morris-" + metric, title: title, svg: frame.render(), note: note)
    }
}
