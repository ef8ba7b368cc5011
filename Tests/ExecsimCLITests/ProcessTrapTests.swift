import Foundation
import Testing

/// The executable under hostile redirections: every outcome is an exit code with a message,
/// never a signal.
@Suite struct ProcessTrapTests {
    struct Outcome {
        var status: Int32
        var signaled: Bool
        var stderr: String
    }

    /// Runs `execsim <arguments>` through /bin/sh so the test can redirect descriptors.
    static func shell(_ arguments: String, redirections: String = "") throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let errorFile = NSTemporaryDirectory() + "execsim-stderr-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        process.arguments = ["-c", "'\(SweepProcessTests.executable)' \(arguments) \(redirections) 2>>'\(errorFile)'"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        // sh reports a child killed by signal n as status 128 + n.
        let signaled = process.terminationReason == .uncaughtSignal || process.terminationStatus > 128
        return Outcome(status: process.terminationStatus, signaled: signaled, stderr: stderr)
    }

    @Test(arguments: ["defaults", "--help", "help run", "--version", "trace --replication 3", "validate --help"])
    func aFullDiskOnStandardOutputIsExit73(command: String) throws {
        let outcome = try Self.shell(command, redirections: ">/dev/full")
        #expect(!outcome.signaled)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot write standard output"))
    }

    @Test(arguments: ["defaults", "trace", "bench kernel --holds 10 --pending 5"])
    func aClosedStandardOutputIsExit73(command: String) throws {
        let outcome = try Self.shell(command, redirections: ">&-")
        #expect(!outcome.signaled)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("closed"))
    }

    @Test func aFailingErrorStreamNeverTraps() throws {
        for (command, status) in [("validate /nonexistent/x.json", Int32(65)), ("bench kernel a b", 64), ("run --threads -1", 64)] {
            let full = try Self.shell(command, redirections: "2>/dev/full")
            #expect(!full.signaled && full.status == status, "\(command)")
            let closed = try Self.shell(command, redirections: "2>&-")
            #expect(!closed.signaled && closed.status == status, "\(command)")
        }
    }

    @Test(arguments: ["bench kernel extra", "bench kernel --holds 5 more", "bench model a.json b.json", "defaults x",
                      "trace a.json b.json", "report a b", "help run extra"])
    func extraPositionalsAreUsageErrors(command: String) throws {
        let outcome = try Self.shell(command)
        #expect(!outcome.signaled)
        #expect(outcome.status == 64, "\(command): \(outcome.stderr)")
        #expect(outcome.stderr.contains("unexpected argument"))
    }
}
