import Foundation

/// A grid sweep: a metric against one parameter, one line per value of another, with the 95%
/// interval of each point as a band.
public enum GridLineChart {
    public struct Line: Sendable, Equatable {
        public var label: String
        /// (x, mean, ci low, ci high), in x order.
        public var points: [(Double, Double, Double, Double)]
        public static func == (a: Line, b: Line) -> Bool {
            a.label == b.label && a.points.elementsEqual(b.points) { $0 == $1 }
        }
    }

    /// - Parameter held: parameters beyond the first two and the value they are held at; the
    ///   title names them, so a slide cut from the report still says what the lines assume.
    public static func chart(metric: String, xParameter: String, xLabels: [Double: String], lines: [Line],
                             lineParameter: String?, held: [(String, String)] = [], source: ChartSource) -> Chart {
        let label = MetricLabels.label(metric)
        let heldText = held.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
        let title = "\(label.prefix(1).uppercased() + label.dropFirst()) against \(xParameter)"
            + (held.isEmpty ? "" : " (\(heldText))")
        var frame = ChartFrame(title: title, caption: source.caption, height: 440,
                               legendRows: lines.count > 4 ? 2 : 1, leftMargin: 80)
        let xs = lines.flatMap { $0.points.map(\.0) }
        let ys = lines.flatMap { $0.points.flatMap { [$0.2, $0.3, $0.1] } }
        let categorical = !xLabels.isEmpty
        let xTicks = categorical ? NiceTicks(min: 0, max: Double(max(1, xLabels.count - 1)), count: max(1, xLabels.count - 1))
                                 : NiceTicks(min: xs.min() ?? 0, max: xs.max() ?? 1, count: 6)
        let x: LinearScale
        if categorical {
            // Categories sit at 0, 1, 2…, named by their values rather than numbers.
            x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (frame.left, frame.right))
            // In order of position: a Dictionary's own order must never reach a file.
            for (v, name) in xLabels.sorted(by: { $0.key < $1.key }) {
                frame.svg.text(name, x: x(v), y: frame.bottom + 17, size: 11, anchor: .middle, fill: Palette.muted)
            }
            frame.svg.line(x1: frame.left, y1: frame.bottom, x2: frame.right, y2: frame.bottom, stroke: Palette.axis)
            frame.svg.text(xParameter, x: (frame.left + frame.right) / 2, y: frame.bottom + 36, size: 12, anchor: .middle)
        } else {
            x = frame.xAxis(xTicks, label: xParameter)
        }
        let y = frame.yAxis(NiceTicks(min: ys.min() ?? 0, max: ys.max() ?? 1, count: 6),
                            label: MetricLabels.axisLabel(metric))
        let dashes = ChartFrame.dashes
        for (i, line) in lines.enumerated() {
            let color = Palette.series[i % Palette.series.count]
            let upper = line.points.map { (x($0.0), y($0.3)) }, lower = line.points.reversed().map { (x($0.0), y($0.2)) }
            frame.svg.polygon(upper + lower, fill: color, opacity: 0.12)
            frame.svg.polyline(line.points.map { (x($0.0), y($0.1)) }, stroke: color, width: 2.5, dash: dashes[i % dashes.count])
            for p in line.points { frame.svg.circle(x: x(p.0), y: y(p.1), r: 3.5, fill: color) }
        }
        frame.legend(lines.enumerated().map { i, line in
            (.line(Palette.series[i % Palette.series.count], dashes[i % dashes.count]),
             lineParameter.map { "\($0) = \(line.label)" } ?? line.label)
        })
        let note = """
            Lines join the mean of \(label) at each grid point; shaded bands are 95% confidence \
            intervals of the mean\(lineParameter.map { ", one line per value of \($0)" } ?? "")\
            \(held.isEmpty ? "" : "; only the grid points with \(heldText) are shown").
            """
        return Chart(name: "grid-" + metric, title: title, svg: frame.render(), note: note)
    }
}
