import Foundation
import Testing
@testable import Experiments

@Suite struct AtomicFileTests {
    /// A fresh directory under the system temporary directory.
    private func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "execsim-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func listing(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func writesAndReplacesLeavingNoTemporary() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/summary.csv"

        try AtomicFile.write(Array("first\n".utf8), to: path)
        #expect(contents(path) == "first\n")
        try AtomicFile.write(Array("second, longer\n".utf8), to: path)
        #expect(contents(path) == "second, longer\n")
        try AtomicFile.write([], to: path)
        #expect(contents(path) == "")
        #expect(try listing(directory) == ["summary.csv"])
    }

    @Test func parentIsARegularFile() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.write(Array("x".utf8), to: directory + "/blocker")

        let target = directory + "/blocker/summary.csv"
        let error = #expect(throws: OutputError.self) {
            try AtomicFile.write(Array("x".utf8), to: target)
        }
        #expect(error?.description == "cannot write \(target): \(directory)/blocker is a file, not a directory")
        #expect(try listing(directory) == ["blocker"])
    }

    @Test func missingDirectory() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/nope/summary.csv"
        let error = #expect(throws: OutputError.self) {
            try AtomicFile.write([], to: target)
        }
        #expect(error?.description == "cannot write \(target): directory \(directory)/nope does not exist")
    }

    @Test func targetIsADirectory() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.createDirectory(directory + "/taken")
        let error = #expect(throws: OutputError.self) {
            try AtomicFile.write([], to: directory + "/taken")
        }
        #expect(error?.reason == "it is a directory, not a file")
        #expect(try listing(directory) == ["taken"])
    }

    @Test func createDirectoryWithIntermediates() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let nested = directory + "/a/b//c/"
        try AtomicFile.createDirectory(nested)
        try AtomicFile.createDirectory(nested)  // existing is fine
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory + "/a/b/c", isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)

        try AtomicFile.write([], to: directory + "/a/file")
        let error = #expect(throws: OutputError.self) {
            try AtomicFile.createDirectory(directory + "/a/file/d")
        }
        #expect(error?.description
            == "cannot create directory \(directory)/a/file/d: \(directory)/a/file is a file, not a directory")
    }

    @Test func appendOnlyFileAppendsAndFlushes() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/stream.csv"
        do {
            let file = try AppendOnlyFile(path: path)
            try file.append(Array("a\n".utf8))
            try file.append(Array("b\n".utf8))
            try file.flush()
            #expect(contents(path) == "a\nb\n")
            try file.close()
            #expect(throws: OutputError.self) { try file.append([1]) }
        }
        let reopened = try AppendOnlyFile(path: path)
        try reopened.append(Array("c\n".utf8))
        try reopened.close()
        #expect(contents(path) == "a\nb\nc\n")
        let truncated = try AppendOnlyFile(path: path, truncate: true)
        try truncated.append(Array("d\n".utf8))
        try truncated.close()
        #expect(contents(path) == "d\n")

        let error = #expect(throws: OutputError.self) {
            _ = try AppendOnlyFile(path: path + "/x")
        }
        #expect(error?.description == "cannot open \(path)/x: \(path) is a file, not a directory")
    }

    /// A stream past many of its 1 MB write-back windows, and past the 16 MB after which it
    /// drops them from the cache, still commits every byte, in order: 30 MB in appends of
    /// uneven sizes, most longer than a window, that cross the windows' boundaries mid-append.
    @Test func aLongStreamCommitsEveryByte() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/long.csv"
        let stream = try AtomicFileStream(path: path)
        var expected = [UInt8]()
        var size = 100_003, k = 0
        while expected.count < 30 << 20 {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &+ k) % 251) }
            try stream.append(piece)
            expected += piece
            size = size * 7 % 1_000_003 + 1
            k += 1
        }
        try stream.commit()
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == expected)
    }

    /// A staged folder's files are written under their own names, in place (no temporary
    /// beside them, so no rename and no folder sync each), and appear in the target only when
    /// the folder is published; a name already staged is refused, naming its staged path, and
    /// leaves what is there; an abandoned stream leaves nothing.
    @Test func stagedFilesAreWrittenInPlaceAndAppearWhenPublished() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/run"
        let staged = try StagedFolder(target: target)
        try staged.write(Array("metric,n\n".utf8), named: "summary.csv")
        let stream = try staged.stream(named: "replications.csv")
        let rows = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 % 249) }
        try stream.append(rows)
        // Before its commit the stream is already at its name: written in place.
        #expect(try listing(staged.staging) == ["replications.csv", "summary.csv"])
        try stream.commit()
        #expect(!FileManager.default.fileExists(atPath: target))

        var error: OutputError?
        do { try staged.write(Array("again".utf8), named: "summary.csv") } catch let e { error = e }
        #expect(error?.description.hasPrefix("cannot write \(staged.path("summary.csv")): ") == true)
        #expect(contents(staged.path("summary.csv")) == "metric,n\n")

        let abandoned = try staged.stream(named: "timeseries.csv")
        try abandoned.append(Array("month".utf8))
        abandoned.abandon()
        try staged.publish()
        #expect(try listing(target) == ["replications.csv", "summary.csv"])
        #expect(FileManager.default.contents(atPath: target + "/replications.csv").map { [UInt8]($0) } == rows)
        #expect(contents(target + "/summary.csv") == "metric,n\n")
        #expect(try listing(directory) == ["run"])
    }
}
