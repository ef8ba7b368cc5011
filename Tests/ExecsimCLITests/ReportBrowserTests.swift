import Foundation
import Testing
@testable import ExecsimCLI

/// Headless Chromium, when it is installed (`.ci/run` installs it): its path, or nil.
enum Browser {
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in names {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static let chromium = find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
    static let pdftotext = find(["pdftotext"])
    static let available = chromium != nil

    /// Runs a program with a time limit; returns its standard output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], seconds: Int = 120) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["\(seconds)", program] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func chrome(_ arguments: [String]) throws -> String {
        try run(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--user-data-dir=\(NSTemporaryDirectory())execsim-chromium-\(getpid())"] + arguments)
    }

    /// The page's scroll width at a viewport width, from a test-only copy of the page with one
    /// line of script (the report itself has none).
    static func scrollWidth(_ html: String, viewport: Int, in folder: String) throws -> Int? {
        let probe = (folder as NSString).appendingPathComponent("probe-\(viewport).html")
        let script = "<script>document.body.setAttribute('data-scroll-width', document.documentElement.scrollWidth)</script></body>"
        try html.replacingOccurrences(of: "</body>", with: script).write(toFile: probe, atomically: true, encoding: .utf8)
        let dom = try chrome(["--window-size=\(viewport),2000", "--dump-dom", "file://" + probe])
        return dom.firstMatch(of: /data-scroll-width="([0-9]+)"/).flatMap { Int($0.1) }
    }
}

/// Every kind of report rendered in a real browser: screenshots at 700 and 1300 px, and a PDF
/// print. A page wider than the window, or a chart whose title and caption land on different
/// printed pages, fails.
@Suite(.serialized, .enabled(if: Browser.available, "Chromium is missing (apt-get install chromium): browser tests skipped"))
struct ReportBrowserTests {
    static func execsim(_ arguments: [String]) -> Int32 {
        ExecsimCLI.run(arguments + (arguments[0] == "report" ? [] : ["--quiet"]), io: CapturedIO().io)
    }

    /// The report folders: a run, compare with 2 and with 9 scenarios, and each sweep design.
    static let folders: [(String, String)] = {
        let root = temporaryFolder()
        var out: [(String, String)] = []
        let all = ["baseline", "better-data", "bridge-the-gap", "co-development", "data-foundations-first", "federated",
                   "hybrid", "more-squads", "operating-model-redesign"]
        _ = execsim(["run", "--replications", "60", "--out", root + "/run"])
        out.append(("run", root + "/run/baseline"))
        _ = execsim(["compare", shippedScenario("baseline"), shippedScenario("co-development"), "--replications", "60",
                     "--out", root + "/compare2", "--delta", "pilot_to_scale_rate=0.05"])
        out.append(("compare-2", root + "/compare2"))
        _ = execsim(["compare"] + all.map(shippedScenario) + ["--replications", "40", "--out", root + "/compare9"])
        out.append(("compare-9", root + "/compare9"))
        let designs: [(String, String)] = [
            ("oat", #""parameters": [{"path": "teams.delivery", "low": 4, "high": 12}, {"path": "governance.style", "low": "centralized", "high": "federated"}]"#),
            ("grid", #""parameters": [{"path": "teams.delivery", "values": [4, 8]}, {"path": "governance.style", "values": ["centralized", "hybrid"]}, {"path": "dataDomains[*].readiness", "values": [0.3, 0.7]}]"#),
            ("lhs", #""samples": 12, "parameters": [{"path": "teams.delivery", "min": 4, "max": 12, "integer": true}, {"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.8}, {"path": "stages.pilot.baseSuccess", "min": 0.6, "max": 0.95}]"#),
            ("morris", #""trajectories": 4, "levels": 4, "parameters": [{"path": "teams.delivery", "min": 4, "max": 12, "integer": true}, {"path": "dataDomains[*].readiness", "min": 0.2, "max": 0.8}]"#),
        ]
        for (design, parameters) in designs {
            let file = "\(root)/\(design).json"
            try? """
                {"name": "browser-\(design)", "base": "\(shippedScenario("baseline"))", "design": "\(design)",
                 "replications": 10, "seed": 2, \(parameters), "metrics": ["pilot_to_scale_rate", "npv"]}
                """.write(toFile: file, atomically: true, encoding: .utf8)
            _ = execsim(["sweep", file, "--out", "\(root)/\(design)"])
            out.append((design, "\(root)/\(design)"))
        }
        for (_, folder) in out { precondition(execsim(["report", folder]) == 0, "report of \(folder)") }
        return out
    }()

    @Test(arguments: ["run", "compare-2", "compare-9", "oat", "grid", "lhs", "morris"])
    func fitsTheWindowAt700And1300Pixels(_ kind: String) throws {
        let folder = try #require(Self.folders.first { $0.0 == kind }?.1)
        let page = (folder as NSString).appendingPathComponent("report.html")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script"), "the report itself has no scripts")
        for width in [700, 1300] {
            let screenshot = (folder as NSString).appendingPathComponent("screen-\(width).png")
            try Browser.chrome(["--window-size=\(width),3000", "--screenshot=\(screenshot)", "file://" + page])
            let size = (try? FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(kind): a screenshot at \(width) px")
            let scroll = try #require(try Browser.scrollWidth(html, viewport: width, in: folder), "\(kind) at \(width)")
            #expect(scroll <= width, "\(kind): the page is \(scroll) px wide in a \(width) px window")
        }
    }

    /// Text as compared across the HTML and the PDF's extracted text: no whitespace, and no
    /// hyphens or apostrophe variants (pdftotext joins words broken at a hyphen and may turn '
    /// into ’).
    static func squeeze<S: StringProtocol>(_ text: S) -> String {
        String(text.filter { !$0.isWhitespace && !"-\u{2010}\u{00AD}'\u{2019}".contains($0) })
    }

    @Test(arguments: ["run", "compare-2", "compare-9", "oat", "grid", "lhs", "morris"])
    func printsWithNoChartSplitAcrossPages(_ kind: String) throws {
        guard let pdftotext = Browser.pdftotext else {
            Issue.record("pdftotext is missing (apt-get install poppler-utils): cannot check the printed pages")
            return
        }
        let folder = try #require(Self.folders.first { $0.0 == kind }?.1)
        let page = (folder as NSString).appendingPathComponent("report.html")
        let pdf = (folder as NSString).appendingPathComponent("report.pdf")
        try Browser.chrome(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://" + page])
        let pages = try Browser.run(pdftotext, [pdf, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map(Self.squeeze)
        #expect(pages.count > 1, "\(kind): printed")
        // Each figure's title (inside its SVG) and the end of its caption (under it) must be on one page.
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let figures = html.matches(of: /<figure id="([^"]+)">\n<svg[^>]*>\n<title>([^<]+)<\/title>/).map { (String($0.1), String($0.2)) }
        #expect(!figures.isEmpty)
        for (name, title) in figures {
            let unescaped = title.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            let titlePage = pages.firstIndex { $0.contains(Self.squeeze(unescaped)) }
            let captionPage = pages.firstIndex { $0.contains(Self.squeeze("Also as \(name).svg.")) }
            #expect(titlePage != nil && titlePage == captionPage, "\(kind): \(name) split across pages \(titlePage.map(String.init) ?? "?") and \(captionPage.map(String.init) ?? "?")")
        }
    }
}
