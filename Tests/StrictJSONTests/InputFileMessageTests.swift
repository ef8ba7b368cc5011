import Foundation
import Testing
@testable import StrictJSON

/// Item 23: a file that cannot be read says why, and long input is echoed clipped and counted.
@Suite struct InputFileMessageTests {
    private func message(_ path: String) -> String? {
        do { _ = try DocumentReader.load(contentsOf: path); return nil } catch { return error.issues.first?.message }
    }

    private func scratch(_ name: String, _ bytes: [UInt8]) -> String {
        let dir = NSTemporaryDirectory() + "execsim-input-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
        return dir + "/" + name
    }

    @Test func eachReasonAFileCannotBeReadIsNamed() throws {
        #expect(message("/definitely/not/here.json") == "cannot read the file: no such file")
        #expect(message(NSTemporaryDirectory()) == "cannot read the file: it is a directory")
        #expect(message("/dev/null") == "the file is empty; a scenario needs at least {\"name\": \"...\"}")
        let locked = scratch("locked.json", Array("{}".utf8))
        chmod(locked, 0)
        if getuid() != 0 { #expect(message(locked) == "cannot read the file: permission denied") }
        #expect(message(scratch("le.json", [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00])) == "the file is UTF-16; save it as UTF-8")
        #expect(message(scratch("be.json", [0x00, 0x7B, 0x00, 0x7D])) == "the file is UTF-16; save it as UTF-8")
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeParsing() {
        let big = scratch("big.json", Array(repeating: UInt8(ascii: " "), count: DocumentReader.maximumBytes + 1))
        #expect(message(big)?.hasPrefix("the file is 10000001 bytes; input files are at most 10000000") == true)
    }

    @Test func aHugeUnknownKeyIsEchoedClipped() {
        let reader = DocumentReader(file: "f.json")
        let key = String(repeating: "k", count: 2_000_000)
        _ = reader.object(.object([(key, .number(1))]), at: "$", keys: ["name"])
        let text = reader.issues.map(\.description).joined()
        #expect(text.count < 500)
        #expect(text.contains("… (2000000 characters)"))
    }

    @Test func manyIssuesAreCountedAfterTheFirstFifty() {
        let issues = (0..<100_000).map { DocumentIssue(file: "f.json", path: "$.portfolio.archetypes[\($0)].weight", message: "must be at least 0, got -1") }
        let lines = DocumentError(issues: issues).description.split(separator: "\n")
        #expect(lines.count == DocumentError.shownIssues + 1)
        #expect(lines.last == "f.json: … and 99950 more issues (the first 50 are shown)")
    }
}
