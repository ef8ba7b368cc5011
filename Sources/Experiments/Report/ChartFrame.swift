/// Maps data values onto pixels along one axis.
public struct LinearScale: Sendable {
    public let domain: (Double, Double)
    public let range: (Double, Double)

    public func callAsFunction(_ v: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (v - domain.0) / span * (range.1 - range.0)
    }
}

/// The furniture every chart shares: title on top, legend under it, the plot area with grid,
/// ticks and axis labels, and the caption (scenario, replications, seed) at the bottom.
struct ChartFrame {
    static let width = 760.0
    /// Line styles to go with `Palette.series`: nine of them against seven colours, so the
    /// first 63 series differ in colour or dash.
    static let dashes: [String?] = [nil, "8 3", "2 2", "8 3 2 3", "4 4", "12 3", "1 3", "6 2 1 2", "10 5"]

    static func color(_ i: Int) -> String { Palette.series[i % Palette.series.count] }
    static func dash(_ i: Int) -> String? { dashes[i % dashes.count] }
    var svg: SVG
    let title: String
    /// The plot area, in pixels.
    let left: Double, top: Double, right: Double, bottom: Double

    /// - Parameters:
    ///   - legendRows: lines reserved under the title for the legend.
    ///   - leftMargin: room for the y tick labels and axis label.
    init(title: String, caption: String, height: Double, legendRows: Int = 1,
         leftMargin: Double = 72, rightMargin: Double = 24, bottomMargin: Double = 64, topExtra: Double = 0) {
        svg = SVG(width: Self.width, height: height)
        self.title = title
        left = leftMargin
        right = Self.width - rightMargin
        top = 40 + Double(legendRows) * 20 + 8 + topExtra
        bottom = height - bottomMargin
        svg.text(title, x: 16, y: 26, size: 16, bold: true)
        svg.text(caption, x: 16, y: height - 10, size: 11, fill: Palette.muted)
    }

    var plotWidth: Double { right - left }
    var plotHeight: Double { bottom - top }

    /// Draws the x grid, tick labels and axis label; returns the scale.
    mutating func xAxis(_ ticks: NiceTicks, label: String, grid: Bool = true,
                        format: (Double) -> String = { $0.description }) -> LinearScale {
        let scale = LinearScale(domain: (ticks.lower, ticks.upper), range: (left, right))
        // Long labels on a narrow axis: label every second (third…) tick so none overprint.
        let widest = ticks.values.map { SVG.textWidth(ticks.label($0), size: 11) }.max() ?? 0
        let spacing = ticks.values.count > 1 ? abs(scale(ticks.values[1]) - scale(ticks.values[0])) : .infinity
        let every = max(1, Int((widest + 8) / spacing) + 1)
        for (k, v) in ticks.values.enumerated() {
            let x = scale(v)
            if grid { svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: Palette.grid) }
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: Palette.axis)
            if k % every == 0 {
                svg.text(ticks.label(v), x: x, y: bottom + 17, size: 11, anchor: .middle, fill: Palette.muted)
            }
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
        svg.text(label, x: (left + right) / 2, y: bottom + 36, size: 12, anchor: .middle)
        return scale
    }

    /// Draws the y grid, tick labels and (rotated) axis label; returns the scale.
    mutating func yAxis(_ ticks: NiceTicks, label: String) -> LinearScale {
        let scale = LinearScale(domain: (ticks.lower, ticks.upper), range: (bottom, top))
        for v in ticks.values {
            let y = scale(v)
            svg.line(x1: left, y1: y, x2: right, y2: y, stroke: Palette.grid)
            svg.text(ticks.label(v), x: left - 6, y: y + 4, size: 11, anchor: .end, fill: Palette.muted)
        }
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        svg.text(label, x: 16, y: (top + bottom) / 2, size: 12, anchor: .middle, rotate: -90)
        return scale
    }

    enum Key { case swatch(String, Double), line(String, String?), dot(String), band(String, Double, String?), text }

    /// Where each legend entry goes: left to right under the title, wrapping to a new row when
    /// the next entry would run past the right edge.
    static func legendPositions(_ entries: [(Key, String)]) -> [(x: Double, y: Double, keyWidth: Double)] {
        var x = 16.0, y = 48.0
        var out: [(x: Double, y: Double, keyWidth: Double)] = []
        for (key, label) in entries {
            let keyWidth = { if case .text = key { return 0.0 } else { return 22.0 } }()
            let w = keyWidth + SVG.textWidth(label, size: 12) + 18
            if x + w > Self.width - 16 && x > 16 { x = 16; y += 20 }
            out.append((x, y, keyWidth))
            x += w
        }
        return out
    }

    /// The rows a legend takes, to reserve them before drawing.
    static func legendRows(_ entries: [(Key, String)]) -> Int {
        Int(((legendPositions(entries).last?.y ?? 48) - 48) / 20) + 1
    }

    mutating func legend(_ entries: [(Key, String)]) {
        for ((key, label), (x, y, keyWidth)) in zip(entries, Self.legendPositions(entries)) {
            switch key {
            case .swatch(let color, let opacity):
                svg.rect(x: x, y: y - 10, width: 16, height: 12, fill: color, opacity: opacity)
            case .line(let color, let dash):
                svg.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4, stroke: color, width: 2.5, dash: dash)
            case .dot(let color):
                svg.circle(x: x + 8, y: y - 4, r: 4.5, fill: color)
            case .band(let color, let opacity, let dash):
                // A shaded band with its line through the middle, as the chart draws them.
                svg.rect(x: x, y: y - 10, width: 16, height: 12, fill: color, opacity: opacity)
                svg.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4, stroke: color, width: 2.5, dash: dash)
            case .text:
                break
            }
            svg.text(label, x: x + keyWidth, y: y, size: 12)
        }
    }

    /// The steps of an empirical distribution over `total` observations, of which `sorted` are
    /// the defined values in order: from 0 at x = 0 up by 1/total at each value, then flat to
    /// `end`. It stays below 100% when some observations are undefined (never reached). Past
    /// `maxSteps` values it goes through every (count/maxSteps)-th one instead, so a million
    /// replications still make a small file; the curve moves by less than 1/maxSteps.
    static func ecdf(_ sorted: [Double], total: Int, end: Double, x: LinearScale, y: LinearScale,
                     maxSteps: Int = 400) -> [(Double, Double)] {
        let n = Double(max(1, total))
        var points: [(Double, Double)] = [(x(0), y(0))]
        if sorted.count <= maxSteps {
            for (k, v) in sorted.enumerated() {
                points.append((x(v), y(Double(k) / n * 100)))
                points.append((x(v), y(Double(k + 1) / n * 100)))
            }
        } else {
            points.append((x(sorted[0]), y(0)))
            for i in 1...maxSteps {
                let k = i * sorted.count / maxSteps
                points.append((x(sorted[k - 1]), y(Double(k) / n * 100)))
            }
        }
        points.append((x(end), y(Double(sorted.count) / n * 100)))
        return points
    }

    func render() -> String { svg.render(title: title) }
}
