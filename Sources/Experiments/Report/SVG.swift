import Foundation

/// A tiny SVG writer: the charts are text, so no drawing library is needed.
///
/// Elements are appended in paint order. Every attribute value and text node is escaped, so a
/// scenario called `R&D <pilot>` cannot break the document; the output is XML that Foundation's
/// `XMLParser` accepts, and is also valid inline in HTML.
public struct SVG: Sendable {
    public let width: Double
    public let height: Double
    public private(set) var body: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends `<name attributes/>` or `<name attributes>text</name>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        var s = "<" + name
        for (key, value) in attributes { s += " \(key)=\"\(Self.escape(value))\"" }
        if let text { s += ">" + Self.escape(text) + "</\(name)>" } else { s += "/>" }
        body.append(s)
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              opacity: Double? = nil, extra: [(String, String)] = []) {
        var a = [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(0, width))),
                 ("height", Self.n(max(0, height))), ("fill", fill)]
        if let opacity { a.append(("fill-opacity", Self.n(opacity))) }
        element("rect", a + extra)
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                              width: Double = 1, dash: String? = nil) {
        var a = [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
                 ("stroke", stroke), ("stroke-width", Self.n(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("line", a)
    }

    /// An open line through `points`.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2,
                                  dash: String? = nil) {
        var a = [("points", Self.points(points)), ("fill", "none"), ("stroke", stroke),
                 ("stroke-width", Self.n(width)), ("stroke-linejoin", "round")]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("polyline", a)
    }

    /// A filled closed shape through `points`.
    public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1) {
        element("polygon", [("points", Self.points(points)), ("fill", fill),
                            ("fill-opacity", Self.n(opacity))])
    }

    public mutating func circle(x: Double, y: Double, r: Double, fill: String, stroke: String? = nil) {
        var a = [("cx", Self.n(x)), ("cy", Self.n(y)), ("r", Self.n(r)), ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        element("circle", a)
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public mutating func text(_ string: String, x: Double, y: Double, size: Double = 12,
                              anchor: Anchor = .start, fill: String = Palette.text, bold: Bool = false,
                              rotate: Double? = nil) {
        var a = [("x", Self.n(x)), ("y", Self.n(y)), ("font-size", Self.n(size)),
                 ("text-anchor", anchor.rawValue), ("fill", fill)]
        if bold { a.append(("font-weight", "bold")) }
        if let rotate { a.append(("transform", "rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))")) }
        element("text", a, text: string)
    }

    /// The standalone document. `title` becomes the `<title>` that screen readers announce.
    public func render(title: String) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
        s += " viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\""
        s += " font-family=\"Helvetica, Arial, 'Liberation Sans', sans-serif\">\n"
        s += "<title>\(Self.escape(title))</title>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>\n"
        s += body.joined(separator: "\n")
        return s + "\n</svg>\n"
    }

    /// Escapes the five XML special characters, for text and attribute values alike.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\t" && c != "\n" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A coordinate with one decimal: enough for screens, keeps files small.
    /// Coordinates are clamped to ±1e9: far off any canvas, and within `Int`, so a figure of
    /// 1e308 in a CSV cell draws off the chart instead of trapping.
    public static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (min(max(x, -1e9), 1e9) * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }

    static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    }

    /// An estimate of rendered text width: 0.6 em per character is a little wider than
    /// Helvetica's average, so layouts that fit the estimate fit on screen.
    public static func textWidth(_ s: String, size: Double) -> Double {
        0.6 * size * Double(s.count)
    }
}
