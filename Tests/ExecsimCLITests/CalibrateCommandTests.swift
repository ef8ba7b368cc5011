import Foundation
import Testing
@testable import ExecsimCLI
import Experiments
import ProgramModel

/// `execsim calibrate` and `execsim trace --format eventlog` end to end, on a small budget.
@Suite struct CalibrateCommandTests {
    private func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let captured = CapturedIO()
        let code = ExecsimCLI.run(arguments, io: captured.io)
        return (code, captured.stdout, captured.stderr)
    }

    private func folder() -> String {
        let path = NSTemporaryDirectory() + "execsim-calibrate-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func traceWritesALogThatCalibrateTurnsIntoAValidScenario() throws {
        let dir = folder()
        let traced = run(["trace", "--format", "eventlog", "--start", "2022-01-01", "--seed", "4", "--out", dir + "/events.csv"])
        #expect(traced.code == 0, "\(traced.stderr)")
        #expect(read(dir + "/events.csv").hasPrefix("case_id,activity,timestamp,business_unit,domain,value_per_month\nUC-0001,intake,2022-01-01T00:00:00Z,"))
        let result = run(["calibrate", dir + "/events.csv", "--out", dir + "/out", "--draws", "40", "--replications-per-draw", "1",
                          "--check-replications", "20", "--report", "--quiet"])
        #expect(result.code == 0, "\(result.stderr)")
        let scenario = try Scenario.load(contentsOf: dir + "/out/calibrated.json")
        #expect(scenario.name == "calibrated")
        #expect(scenario.description?.contains("portfolio.arrivalsPerMonth") == true)
        #expect(read(dir + "/out/calibration.csv").hasPrefix(CalibrationRow.header.joined(separator: ",") + "\n"))
        #expect(read(dir + "/out/check.csv").hasPrefix(PosteriorPredictiveCheck.header.joined(separator: ",") + "\n"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/report.html"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/calibration-funnel.svg"))
        // The calibrated scenario runs.
        let again = run(["run", dir + "/out/calibrated.json", "--replications", "5", "--out", dir + "/runs", "--quiet"])
        #expect(again.code == 0, "\(again.stderr)")
    }

    @Test func anInvalidLogExits65NamingTheLine() {
        let dir = folder()
        FileManager.default.createFile(atPath: dir + "/bad.csv", contents: Data("case_id,activity,timestamp\nA,intake,0\nA,pilot_start,1\n".utf8))
        let result = run(["calibrate", dir + "/bad.csv", "--out", dir + "/out", "--quiet"])
        #expect(result.code == 65)
        #expect(result.stderr.contains("\(dir)/bad.csv: line 3: case A: 'pilot_start' cannot follow 'intake'; expected one of g0_approved, g0_rejected"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/calibrated.json"))
    }

    @Test func theShippedMappingFileReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let mapping = try ActivityMapping.load(contentsOf: root.appendingPathComponent("scenarios/history/mapping.json").path)
        #expect(!mapping.activities.isEmpty)
    }
}
