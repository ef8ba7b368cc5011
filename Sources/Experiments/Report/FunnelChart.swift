/// Where use cases are lost: from arrival to scaled, each step's mean count per replication
/// with its p5–p95 range, and between steps what was lost and why.
public enum FunnelChart {
    /// A step of the funnel, and what was lost on the way to the next step.
    public struct Step: Sendable {
        public var label: String
        public var summary: Summary
        /// (reason, mean count per replication) lost between this step and the next.
        public var lost: [(String, Double)]
        /// (where, mean count per replication) still between this step and the next when the
        /// horizon ended: work in progress, not a loss.
        public var inProgress: [(String, Double)] = []
    }

    /// A box a text label occupies, for the no-overlap check.
    public struct Box: Sendable, Equatable {
        public var x, y, width, height: Double
        public func intersects(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    public struct Layout: Sendable {
        public var barLeft: Double
        /// Pixels per use case.
        public var pixelsPerUnit: Double
        public var bars: [(y: Double, width: Double)]
        public var labels: [(text: String, box: Box, anchor: SVG.Anchor, color: String, bold: Bool)]
        public var height: Double
        public var axis: NiceTicks
    }

    /// The steps from `replications.csv`, each a per-replication count summarized over
    /// replications. "Approved at G0" is not a column: it is derived as pilots started +
    /// abandoned in data preparation + deferred, which every approved use case past G0 must be
    /// (MODEL.md 5.3–5.5), so it is a lower bound: approved use cases still waiting for a squad
    /// or in data preparation at the horizon are not counted.
    public static func steps(_ run: RunFolder) -> [Step] {
        let t = run.replications
        func col(_ name: String) -> [Double] { t.doubles(name).map { $0 ?? 0 } }
        let useCases = col("use_cases"), rejected = col("rejected"), deferred = col("deferred")
        let started = col("pilots_started"), succeeded = col("pilots_succeeded")
        let data = col("abandoned_data"), technical = col("failed_technical")
        let stalled = col("stalled_purgatory"), inPurgatory = col("in_purgatory_at_horizon")
        let production = col("reached_production"), scaled = col("scaled"), adoption = col("adoption_stalled")
        let approved = zip(zip(started, data), deferred).map { $0.0 + $0.1 + $1 }

        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
        func minus(_ a: [Double], _ bs: [Double]...) -> Double {
            max(0, mean(a) - bs.map(mean).reduce(0, +))
        }
        return [
            Step(label: "use cases", summary: Summary(values: useCases), lost: [
                ("rejected at G0", mean(rejected)),
            ], inProgress: [
                ("awaiting G0 or a squad", minus(useCases, rejected, approved)),
            ]),
            Step(label: "approved at G0 (≥)", summary: Summary(values: approved), lost: [
                ("abandoned (data)", mean(data)), ("deferred", mean(deferred)),
            ]),
            Step(label: "pilots started", summary: Summary(values: started), lost: [
                ("failed (technical)", mean(technical)),
            ], inProgress: [
                ("in pilot", minus(started, succeeded, technical)),
            ]),
            Step(label: "pilots succeeded", summary: Summary(values: succeeded), lost: [
                ("stalled in purgatory", mean(stalled)),
            ], inProgress: [
                ("in purgatory", mean(inPurgatory)),
                ("in scale-up", minus(succeeded, production, stalled, inPurgatory)),
            ]),
            Step(label: "in production", summary: Summary(values: production), lost: [
                ("adoption stalled", mean(adoption)),
            ], inProgress: [
                ("rolling out", minus(production, scaled, adoption)),
            ]),
            Step(label: "scaled", summary: Summary(values: scaled), lost: []),
        ]
    }

    static let labelSize = 13.0, lossSize = 12.0, barHeight = 24.0

    /// Places bars and labels: step labels in a left column, bars from `barLeft`, the value and
    /// range after each whisker, and the losses on their own line(s) between two bars, so no
    /// two texts share a line.
    public static func layout(_ steps: [Step], top: Double = 64) -> Layout {
        let width = ChartFrame.width
        let labelColumn = steps.map { SVG.textWidth($0.label, size: labelSize) }.max() ?? 0
        let barLeft = 16 + labelColumn + 12
        let valueLabels = steps.map(valueLabel)
        let valueRoom = (valueLabels.map { SVG.textWidth($0, size: labelSize) }.max() ?? 0) + 16
        let maxValue = steps.compactMap { $0.summary.p95 ?? $0.summary.mean }.max() ?? 1
        let axis = NiceTicks(min: 0, max: max(maxValue, 1), count: 5)
        // The axis runs to its last tick; every whisker and its label fit left of the edge.
        let pixelsPerUnit = max(0.01, (width - 24 - valueRoom - barLeft) / axis.upper)

        var bars: [(y: Double, width: Double)] = []
        var labels: [(text: String, box: Box, anchor: SVG.Anchor, color: String, bold: Bool)] = []
        var y = top
        for (i, step) in steps.enumerated() {
            let mean = step.summary.mean ?? 0
            bars.append((y, mean * pixelsPerUnit))
            let labelWidth = SVG.textWidth(step.label, size: labelSize)
            labels.append((step.label, Box(x: barLeft - 12 - labelWidth, y: y + 4, width: labelWidth, height: 16),
                           .end, Palette.text, true))
            let whiskerEnd = max(step.summary.p95 ?? mean, mean) * pixelsPerUnit
            labels.append((valueLabels[i], Box(x: barLeft + whiskerEnd + 8, y: y + 4,
                                               width: SVG.textWidth(valueLabels[i], size: labelSize), height: 16),
                           .start, Palette.text, false))
            y += barHeight + 6
            let groups = [("↓ lost: ", step.lost, Palette.vermillion), ("→ in progress at the horizon: ", step.inProgress, Palette.muted)]
            var any = false
            for (prefix, entries, color) in groups {
                let items = entries.filter { $0.1 >= 0.05 }.map { "\($0.0) \(count($0.1))" }
                guard !items.isEmpty else { continue }
                any = true
                // Wrap the reasons so each line fits the chart width.
                var lines: [String] = []
                var current = prefix
                for item in items {
                    let candidate = current == prefix ? current + item : current + " · " + item
                    if barLeft + SVG.textWidth(candidate, size: lossSize) > width - 16 && current != prefix {
                        lines.append(current)
                        current = "      " + item
                    } else {
                        current = candidate
                    }
                }
                lines.append(current)
                for line in lines {
                    labels.append((line, Box(x: barLeft, y: y, width: SVG.textWidth(line, size: lossSize), height: 15),
                                   .start, color, false))
                    y += 16
                }
            }
            if any { y += 6 }
        }
        return Layout(barLeft: barLeft, pixelsPerUnit: pixelsPerUnit, bars: bars, labels: labels,
                      height: y + 8, axis: axis)
    }

    static func valueLabel(_ step: Step) -> String {
        let s = step.summary
        guard let mean = s.mean else { return "—" }
        guard let p5 = s.p5, let p95 = s.p95 else { return count(mean) }
        return "\(count(mean))  (\(count(p5))–\(count(p95)))"
    }

    /// A count: whole numbers as such, means with one decimal (a tenth of a use case is
    /// precise enough to compare steps).
    static func count(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.1f", x)
    }

    public static func chart(_ run: RunFolder) -> Chart {
        chart(steps(run), source: run.source)
    }

    public static func chart(_ steps: [Step], source: ChartSource) -> Chart {
        let title = "Where use cases are lost, and where they still are at the horizon"
        let l = layout(steps)
        let height = l.height + 70
        var frame = ChartFrame(title: title, caption: source.caption, height: height, legendRows: 0,
                               leftMargin: l.barLeft, rightMargin: 24, bottomMargin: height - l.height)
        frame.legend([(.swatch(Palette.blue, 0.85), "mean per replication"),
                      (.line(Palette.black, nil), "p5–p95 over replications")])
        let x = LinearScale(domain: (0, l.axis.upper), range: (l.barLeft, l.barLeft + l.axis.upper * l.pixelsPerUnit))
        for v in l.axis.values {
            frame.svg.line(x1: x(v), y1: 56, x2: x(v), y2: l.height, stroke: Palette.grid)
            frame.svg.text(l.axis.label(v), x: x(v), y: l.height + 16, size: 11, anchor: .middle, fill: Palette.muted)
        }
        frame.svg.line(x1: l.barLeft, y1: l.height, x2: x(l.axis.upper), y2: l.height, stroke: Palette.axis)
        frame.svg.text("use cases per replication (count)", x: (l.barLeft + x(l.axis.upper)) / 2,
                       y: l.height + 34, size: 12, anchor: .middle)
        for (step, bar) in zip(steps, l.bars) {
            frame.svg.rect(x: l.barLeft, y: bar.y, width: bar.width, height: barHeight, fill: Palette.blue, opacity: 0.85)
            if let p5 = step.summary.p5, let p95 = step.summary.p95 {
                let cy = bar.y + barHeight / 2
                frame.svg.line(x1: x(p5), y1: cy, x2: x(p95), y2: cy, stroke: Palette.black, width: 1.5)
                frame.svg.line(x1: x(p5), y1: cy - 6, x2: x(p5), y2: cy + 6, stroke: Palette.black, width: 1.5)
                frame.svg.line(x1: x(p95), y1: cy - 6, x2: x(p95), y2: cy + 6, stroke: Palette.black, width: 1.5)
            }
        }
        for label in l.labels {
            let size = label.color == Palette.vermillion || label.color == Palette.muted ? lossSize : labelSize
            let x = label.anchor == .end ? label.box.x + label.box.width : label.box.x
            frame.svg.text(label.text, x: x, y: label.box.y + 12, size: size, anchor: label.anchor,
                           fill: label.color, bold: label.bold)
        }
        let note = """
            Bars are means per replication, whiskers p5–p95; the numbers after each bar are the mean \
            and (p5–p95). Between two steps, in vermillion, the mean number lost and why; in grey, the \
            mean number still on the way when the horizon ended (work in progress, not lost). "Approved at G0" \
            is not a recorded figure: it is derived per replication as pilots started + abandoned in \
            data preparation + deferred, every one of which passed G0, so it is a lower bound; \
            approved use cases still waiting for a squad or in data preparation at the horizon are \
            counted under "awaiting G0 or a squad".
            """
        return Chart(name: "funnel", title: title, svg: frame.render(), note: note)
    }
}
