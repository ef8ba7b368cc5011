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
    var svg: SVG
    let title: String
    /// The plot area, in pixels.
    let left: Double, top: Double, right: Double, bottom: Double

    /// - Parameters:
    ///   - legendRows: lines reserved under the title for the legend.
    ///   - leftMargin: room for the y tick labels and axis label.
    init(title: String, caption: String, height: Double, legendRows: Int = 1,
         leftMargin: Double = 72, rightMargin: Double = 24, bottomMargin: Double = 64) {
        svg = SVG(width: Self.width, height: height)
        self.title = title
        left = leftMargin
        right = Self.width - rightMargin
        top = 40 + Double(legendRows) * 20 + 8
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
        for v in ticks.values {
            let x = scale(v)
            if grid { svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: Palette.grid) }
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: Palette.axis)
            svg.text(ticks.label(v), x: x, y: bottom + 17, size: 11, anchor: .middle, fill: Palette.muted)
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

    enum Key { case swatch(String, Double), line(String, String?), dot(String) }

    /// A legend laid out left to right under the title, wrapping to a new row when the next
    /// entry would run past the right edge.
    mutating func legend(_ entries: [(Key, String)]) {
        var x = 16.0, y = 48.0
        for (key, label) in entries {
            let w = 22 + SVG.textWidth(label, size: 12) + 18
            if x + w > Self.width - 16 && x > 16 { x = 16; y += 20 }
            switch key {
            case .swatch(let color, let opacity):
                svg.rect(x: x, y: y - 10, width: 16, height: 12, fill: color, opacity: opacity)
            case .line(let color, let dash):
                svg.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4, stroke: color, width: 2.5, dash: dash)
            case .dot(let color):
                svg.circle(x: x + 8, y: y - 4, r: 4.5, fill: color)
            }
            svg.text(label, x: x + 22, y: y, size: 12)
            x += w
        }
    }

    func render() -> String { svg.render(title: title) }
}
