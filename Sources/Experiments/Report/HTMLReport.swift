/// The self-contained report page: inline CSS (screen and print), the headline table, then
/// each chart inline with its note. No scripts, no network: it opens from a USB stick.
///
/// The markup is also well-formed XML (void tags self-closed, only XML's own entities), so
/// tests can check it with `XMLParser`.
public enum HTMLReport {
    public struct Table: Sendable {
        public var caption: String
        public var header: [String]
        public var rows: [[String]]
        /// Cells of these rows are emphasized (the best scenario, say).
        public var emphasized: Set<Int> = []

        public init(caption: String, header: [String], rows: [[String]], emphasized: Set<Int> = []) {
            self.caption = caption
            self.header = header
            self.rows = rows
            self.emphasized = emphasized
        }
    }

    /// - Parameters:
    ///   - lead: tables shown before the charts (the headline figures, the verdicts).
    ///   - tables: tables shown after the charts (long, for reference).
    ///   - notes: footnotes at the end (column names, what a mark means).
    public static func page(title: String, subtitle: String, lead: [Table] = [], tables: [Table] = [],
                            charts: [Chart], notes: [String] = []) -> String {
        var s = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        s += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        s += "<title>\(SVG.escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        s += "<h1>\(SVG.escape(title))</h1>\n<p class=\"subtitle\">\(SVG.escape(subtitle))</p>\n"
        for table in lead { s += html(table) }
        if !charts.isEmpty {
            s += "<nav><p>Charts: " + charts.map { "<a href=\"#\(SVG.escape($0.name))\">\(SVG.escape($0.title))</a>" }
                .joined(separator: " · ") + "</p></nav>\n"
        }
        for chart in charts {
            s += "<figure id=\"\(SVG.escape(chart.name))\">\n"
            s += inline(chart.svg)
            s += "<figcaption>\(SVG.escape(chart.note)) <span class=\"file\">Also as \(SVG.escape(chart.name)).svg.</span></figcaption>\n"
            s += "</figure>\n"
        }
        for table in tables { s += html(table) }
        if !notes.isEmpty {
            s += "<footer>\n" + notes.map { "<p>\(SVG.escape($0))</p>\n" }.joined() + "</footer>\n"
        }
        s += "</main>\n</body>\n</html>\n"
        return s
    }

    static func html(_ t: Table) -> String {
        // A short table stays on one printed page; a long one may break between rows.
        var s = "<div class=\"scroll\">\n<table\(t.rows.count <= 16 ? " class=\"short\"" : "")>\n<caption>\(SVG.escape(t.caption))</caption>\n<thead><tr>"
        for (i, h) in t.header.enumerated() { s += "<th\(i == 0 ? " class=\"label\"" : "")>\(SVG.escape(h))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            s += t.emphasized.contains(r) ? "<tr class=\"best\">" : "<tr>"
            for (i, cell) in row.enumerated() {
                s += i == 0 ? "<th scope=\"row\" class=\"label\">\(SVG.escape(cell))</th>"
                    : isNumber(cell) ? "<td>\(SVG.escape(cell))</td>" : "<td class=\"text\">\(SVG.escape(cell))</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody>\n</table>\n</div>\n"
    }

    /// Numbers (and intervals, dashes for undefined) are right-aligned to line up; words left.
    static func isNumber(_ cell: String) -> Bool {
        guard let c = cell.unicodeScalars.first else { return true }
        return "0123456789+-−[—.".unicodeScalars.contains(c)
    }

    /// An SVG document without its trailing newline, sized by CSS to the page width.
    static func inline(_ svg: String) -> String {
        svg.replacingOccurrences(of: " role=\"img\"", with: " role=\"img\" class=\"chart\"")
    }

    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f6f4; color: #222; font: 15px/1.45 Helvetica, Arial, "Liberation Sans", sans-serif; }
        main { max-width: 860px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
        h1 { font-size: 24px; margin: 8px 0 2px; }
        .subtitle { color: #555; margin: 0 0 18px; overflow-wrap: anywhere; }
        .scroll { max-width: 100%; overflow-x: auto; margin: 8px 0 24px; }
        table { border-collapse: collapse; min-width: 100%; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: bold; font-size: 16px; padding-bottom: 6px; }
        th, td { padding: 5px 8px; border-bottom: 1px solid #e3e3e3; text-align: right; white-space: nowrap; }
        td.text { text-align: left; white-space: normal; }
        th.label { text-align: left; font-weight: normal; white-space: normal; min-width: 9em; }
        thead th { border-bottom: 2px solid #888; font-weight: bold; white-space: normal; }
        tr.best th, tr.best td { background: #e8f4ee; font-weight: bold; }
        nav p { font-size: 13px; color: #555; }
        nav a { color: #0072B2; }
        figure { margin: 28px 0; break-inside: avoid; page-break-inside: avoid; }
        svg.chart { width: 100%; height: auto; display: block; border: 1px solid #eee; }
        figcaption { font-size: 13px; color: #444; margin-top: 6px; }
        figcaption .file { color: #777; }
        footer { font-size: 12px; color: #555; border-top: 1px solid #ddd; margin-top: 24px; overflow-wrap: anywhere; }
        @media (max-width: 720px) {
          main { padding: 14px 10px 32px; }
          th, td { padding: 4px 5px; font-size: 13px; }
        }
        @media print {
          body { background: #fff; font-size: 10pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          .scroll { overflow: visible; }
          figure, tr, table.short { break-inside: avoid; page-break-inside: avoid; }
          caption, thead { break-after: avoid; page-break-after: avoid; }
          svg.chart { border: none; max-height: 235mm; width: auto; max-width: 100%; margin: 0 auto; }
          th, td { white-space: normal; padding: 3px 5px; }
          @page { size: A4; margin: 14mm; }
        }

        """
}
