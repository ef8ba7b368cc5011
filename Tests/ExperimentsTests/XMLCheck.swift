import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses `text` with Foundation's XMLParser; nil when well-formed, else the parser's error.
func xmlError(_ text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    if parser.parse() { return nil }
    return "\(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber), column \(parser.columnNumber)"
}

/// A fresh empty folder under the system's temporary directory.
func temporaryFolder(_ name: String) -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("execsim-\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to folder: String, _ name: String) {
    _ = FileManager.default.createFile(atPath: (folder as NSString).appendingPathComponent(name), contents: Data(text.utf8))
}
