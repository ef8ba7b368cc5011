import Foundation
import Testing
@testable import ExecsimCLI

/// Item 20: what used to be accepted without a word is an error or a warning.
@Suite struct SilentAcceptanceTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    private func folder(_ files: [String: String]) -> String {
        let dir = NSTemporaryDirectory() + "execsim-silent-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8)) }
        return dir
    }

    private let small = #""horizonMonths": 12, "portfolio": {"initialUseCases": 3, "arrivalsUntilMonth": 4}"#

    @Test(arguments: [["--metrics", "cost,scaled,cost"], ["--delta", "cost=5,scaled=1,cost=9"]])
    func aRepeatedMetricIsRefused(option: [String]) {
        let dir = folder(["a.json": #"{"name": "a", \#(small)}"#, "b.json": #"{"name": "b", \#(small)}"#])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = run(["compare", dir + "/a.json", dir + "/b.json", "--replications", "3", "--out", dir + "/o", "--quiet"] + option)
        #expect(result.code == 64)
        #expect(result.stderr.contains("'cost'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/o"))
    }

    @Test func compareUsesTheSeedAndReplicationsTheFilesAgreeOn() throws {
        let dir = folder(["a.json": #"{"name": "a", "seed": 77, "replications": 4, \#(small)}"#,
                          "b.json": #"{"name": "b", "seed": 77, \#(small)}"#])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = run(["compare", dir + "/a.json", dir + "/b.json", "--out", dir + "/o", "--quiet"])
        #expect(result.code == 0, "\(result.stderr)")
        let manifest = try String(contentsOfFile: dir + "/o/runs/b/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"seed\": 77"))
        #expect(manifest.contains("\"replications\": 4"))
    }

    @Test func compareRefusesFilesThatDisagreeOnTheSeedUnlessTheOptionSettlesIt() {
        let dir = folder(["a.json": #"{"name": "a", "seed": 8, \#(small)}"#, "b.json": #"{"name": "b", "seed": 9, \#(small)}"#])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let refused = run(["compare", dir + "/a.json", dir + "/b.json", "--replications", "3", "--out", dir + "/o", "--quiet"])
        #expect(refused.code == 64)
        #expect(refused.stderr.hasPrefix("Error: the files state different seeds (a: 8, b: 9)"))
        #expect(run(["compare", dir + "/a.json", dir + "/b.json", "--replications", "3", "--seed", "8",
                     "--out", dir + "/o", "--quiet"]).code == 0)
    }
}
