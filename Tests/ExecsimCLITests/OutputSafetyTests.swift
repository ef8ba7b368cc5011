import Foundation
import Testing
@testable import ExecsimCLI
@testable import Experiments

/// Nothing lost: names never escape `--out` or collide, a folder's set is replaced whole, a
/// folder in use is refused, and inputs or other commands' outputs are never overwritten.
@Suite(.serialized) struct OutputSafetyTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    private func scratch() -> String {
        let path = NSTemporaryDirectory() + "execsim-safety-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func write(_ text: String, _ path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    private func listing(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    private let tiny = #""horizonMonths": 12, "portfolio": {"initialUseCases": 4, "arrivalsUntilMonth": 6}"#

    // MARK: item 11, one rule for names that become paths

    @Test(arguments: [(".", "_"), ("..", "_."), ("...", "_.."), (".hidden", "_hidden"), ("x/../y", "x_.._y"),
                      ("/abs/x", "_abs_x"), ("tab\there", "tab_here"), ("bell\u{7}", "bell_"), ("a\\b", "a_b"),
                      ("zero\u{200B}width", "zero_width"), ("Überfluß-1.5", "Überfluß-1.5"), ("", "_")])
    func folderNamesAreOneVisibleComponent(name: String, folder: String) {
        #expect(FolderName.folder(for: name) == folder)
    }

    @Test func longNamesAreCutOnACharacterBoundary() {
        let folder = FolderName.folder(for: String(repeating: "é", count: 300))
        #expect(folder.utf8.count <= FolderName.maximumBytes)
        #expect(folder == String(repeating: "é", count: FolderName.maximumBytes / 2))
    }

    @Test func dotNamesStayInsideOut() {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, name) in ["..", "."].enumerated() {
            write(#"{"name": "\#(name)", \#(tiny)}"#, dir + "/s\(i).json")
            let result = run(["run", dir + "/s\(i).json", "--replications", "3", "--out", dir + "/out", "--quiet"])
            #expect(result.code == 0, "\(result.stderr)")
        }
        #expect(listing(dir + "/out") == ["_", "_."])
        #expect(!listing(dir).contains("summary.csv"))
    }

    @Test(arguments: ["run", "compare"])
    func twoScenariosMappingToOneFolderAreRefused(command: String) {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        write(#"{"name": "q:r", \#(tiny)}"#, dir + "/one.json")
        write(#"{"name": "q r", \#(tiny)}"#, dir + "/two.json")
        let result = run([command, dir + "/one.json", dir + "/two.json", "--replications", "3", "--out", dir + "/out", "--quiet"])
        #expect(result.code == 65)
        #expect(result.stderr.contains("would both be written to folder 'q_r'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func aSweepNameIsAFolderNameToo() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        write(#"{"name": "../../up", "design": "grid", "replications": 2, "parameters": [{"path": "teams.delivery", "values": [2]}], "metrics": ["use_cases"]}"#,
              dir + "/s.json")
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = run(["sweep", "s.json", "--quiet"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(listing(dir + "/results") == [".._.._up"] || listing(dir + "/results") == ["_._.._up"])
        #expect(listing(dir).sorted() == ["results", "s.json"])
    }

    @Test func emptyOutIsAUsageError() {
        for command in [["run"], ["trace"], ["report", "x"], ["merge", "x"]] {
            #expect(run(command + ["--out", ""]).code == 64, "\(command)")
        }
    }

    // MARK: item 12, a run folder is replaced as a set

    @Test func anUnpublishedStagingFolderLeavesTheOldSetWhole() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/run"
        var staged: StagedFolder? = try StagedFolder(target: target)
        try AtomicFile.write(Array("old summary".utf8), to: staged!.path("summary.csv"))
        try AtomicFile.write(Array("old rows".utf8), to: staged!.path("replications.csv"))
        try staged!.publish()
        #expect(listing(target) == ["replications.csv", "summary.csv"])

        staged = try StagedFolder(target: target)
        try AtomicFile.write(Array("new rows".utf8), to: staged!.path("replications.csv"))
        staged = nil  // killed, or the disk filled, before the summary
        #expect(listing(target) == ["replications.csv", "summary.csv"])
        #expect(bytes(target + "/replications.csv") == Data("old rows".utf8))
        #expect(listing(dir) == ["run"])

        staged = try StagedFolder(target: target)
        try AtomicFile.write(Array("new rows".utf8), to: staged!.path("replications.csv"))
        try staged!.publish()
        #expect(listing(target) == ["replications.csv"])
        #expect(listing(dir) == ["run"])
    }

    @Test func aRunKilledMidwayKeepsThePreviousSetByteForByte() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        write(#"{"name": "k", \#(tiny)}"#, dir + "/k.json")
        #expect(run(["run", dir + "/k.json", "--replications", "7", "--out", dir, "--quiet"]).code == 0)
        let before = Dictionary(uniqueKeysWithValues: listing(dir + "/k").map { ($0, bytes(dir + "/k/" + $0)) })

        let victim = Process()
        victim.executableURL = URL(fileURLWithPath: SweepProcessTests.executable)
        victim.arguments = ["run", dir + "/k.json", "--replications", "50000000", "--out", dir, "--quiet", "--threads", "1"]
        try victim.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !listing(dir).contains(where: { $0.hasPrefix(".tmp-k.") }) { usleep(5_000) }
        usleep(300_000)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let after = Dictionary(uniqueKeysWithValues: listing(dir + "/k").map { ($0, bytes(dir + "/k/" + $0)) })
        #expect(after == before)
        #expect(listing(dir).contains { $0.hasPrefix(".tmp-k.") }, "the killed run left its staging folder")

        // The next run into the folder (a new process) removes what the dead process left.
        let next = Process()
        next.executableURL = victim.executableURL
        next.arguments = ["run", dir + "/k.json", "--replications", "5", "--out", dir, "--quiet"]
        try next.run()
        next.waitUntilExit()
        #expect(next.terminationStatus == 0)
        #expect(listing(dir) == ["k", "k.json"])
    }

    // MARK: item 14, inputs and other commands' outputs are never overwritten

    @Test func aRunFolderWithForeignFilesIsRefusedBeforeRunning() {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try? FileManager.default.createDirectory(atPath: dir + "/baseline", withIntermediateDirectories: true)
        write("point,x\n", dir + "/baseline/points.csv")
        let result = run(["run", "--replications", "3", "--out", dir, "--quiet"])
        #expect(result.code == 73)
        #expect(result.stderr.contains("points.csv"))
        #expect(listing(dir + "/baseline") == ["points.csv"])
    }

    @Test func reportNeverReplacesAnInput() {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(run(["run", "--replications", "3", "--out", dir, "--quiet"]).code == 0)
        let summary = bytes(dir + "/baseline/summary.csv")
        for target in ["summary.csv", "scenario.json", "../elsewhere.txt"] {
            if target.hasPrefix("..") { write("mine", dir + "/elsewhere.txt") }
            let result = run(["report", dir + "/baseline", "--out", dir + "/baseline/" + target])
            #expect(result.code == 73, "\(target)")
        }
        #expect(bytes(dir + "/baseline/summary.csv") == summary)
        #expect(bytes(dir + "/elsewhere.txt") == Data("mine".utf8))
        #expect(run(["report", dir + "/baseline"]).code == 0)
        #expect(run(["report", dir + "/baseline"]).code == 0)  // its own report may be replaced
    }

    @Test func compareRefusesAFolderHoldingAnotherCommandsOutput() {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        write(#"{"name": "c1", \#(tiny)}"#, dir + "/c1.json")
        write(#"{"name": "c2", \#(tiny)}"#, dir + "/c2.json")
        #expect(run(["run", dir + "/c1.json", "--replications", "3", "--out", dir + "/r", "--quiet"]).code == 0)
        let result = run(["compare", dir + "/c1.json", dir + "/c2.json", "--replications", "3", "--out", dir + "/r/c1", "--quiet"])
        #expect(result.code == 73)
        #expect(result.stderr.contains("summary.csv"))
    }
}
