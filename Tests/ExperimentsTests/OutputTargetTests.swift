import Foundation
import Testing
@testable import Experiments

/// What an output path may be: only a regular file is ever replaced by a rename; devices and
/// FIFOs are written through, links and folders refused; temporaries of dead processes go.
@Suite struct OutputTargetTests {
    private func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "execsim-target-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func entry(_ path: String) -> POSIXFile.Entry { POSIXFile.entry(at: path) }

    @Test func aCharacterDeviceIsWrittenThroughNotReplaced() throws {
        try AtomicFile.write(Array("rows\n".utf8), to: "/dev/null")
        #expect(entry("/dev/null") == .device)
    }

    @Test func aFullDeviceIsAnErrorNamingIt() throws {
        #expect(throws: OutputError.self) { try AtomicFile.write(Array("rows\n".utf8), to: "/dev/full") }
        #expect(entry("/dev/full") == .device)
    }

    @Test func aSymbolicLinkIsRefusedAndKept() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: directory + "/target.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.csv", withDestinationPath: directory + "/target.txt")
        do {
            try AtomicFile.write(Array("ours".utf8), to: directory + "/link.csv")
            Issue.record("a symbolic link was replaced")
        } catch {
            #expect(error.description.contains("symbolic link"))
        }
        #expect(entry(directory + "/link.csv") == .symbolicLink)
        #expect(try String(contentsOfFile: directory + "/target.txt", encoding: .utf8) == "theirs")
        #expect(throws: OutputError.self) { _ = try AtomicFileStream(path: directory + "/link.csv") }
    }

    @Test func aFIFOWithoutReaderIsAnErrorNotAHang() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        do {
            try AtomicFile.write(Array("x".utf8), to: fifo)
            Issue.record("a FIFO without reader was written")
        } catch {
            #expect(error.reason.contains("no process is reading"))
        }
        #expect(entry(fifo) == .fifo)
    }

    @Test func aDirectoryIsNotAFile() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: OutputError.self) { try AtomicFile.write([], to: directory) }
        #expect(entry(directory) == .directory)
    }

    @Test func temporariesOfDeadProcessesAreRemovedOnTheNextWrite() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let live = getppid()  // the test runner's parent is running
        let names = [".tmp-replications.csv.\(dead).3", ".tmp-shard.\(dead).12", ".tmp-summary.csv.\(live).1",
                     ".tmp-notours", "keep.csv"]
        for name in names { FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(count: 10)) }
        try FileManager.default.createDirectory(atPath: directory + "/.tmp-run.\(dead).4", withIntermediateDirectories: false)

        try AtomicFile.write(Array("a\n".utf8), to: directory + "/summary.csv")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(left == [".tmp-notours", ".tmp-summary.csv.\(live).1", "keep.csv", "summary.csv"])
    }
}
