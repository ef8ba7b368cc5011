import Foundation
import Testing
import ProgramModel
@testable import Experiments

/// The report refuses damaged inputs with the file, line and column (exit 65 in the CLI), for
/// every folder kind, instead of drawing from them or trapping.
@Suite struct ReportInputTests {
    private func scratch() -> String {
        let path = NSTemporaryDirectory() + "execsim-report-input-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func runFolder(in directory: String) throws -> String {
        let scenario = try Scenario.parse(#"{"name": "r", "horizonMonths": 12, "portfolio": {"initialUseCases": 4}}"#, file: "r.json")
        let manifest = RunManifest(seed: 3, replications: 6, commandLine: [], startTime: Date(timeIntervalSince1970: 0))
        return try RunFiles.run(scenario, manifest: manifest, threads: 1, to: directory).folder
    }

    /// Replaces the first cell of `column` in `file` with `cell`.
    private func damage(_ path: String, column: String, with cell: String) throws {
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let index = header.firstIndex { $0 == column }!
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[index] = cell
        lines[1] = fields.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func readError(_ directory: String) -> OutputError? {
        do { _ = try ReportBuilder.report(forDirectory: directory); return nil } catch { return error }
    }

    @Test(arguments: [("summary.csv", "p95", "NaN"), ("summary.csv", "n", "many"), ("timeseries.csv", "p5", "inf"),
                      ("replications.csv", "npv", "1.79e308"), ("replications.csv", "scaled", "-1e150")])
    func aRunFolderWithABadCellIsRefusedNamingIt(file: String, column: String, cell: String) throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try runFolder(in: directory)
        #expect(readError(folder) == nil)
        try damage(folder + "/" + file, column: column, with: cell)
        let error = readError(folder)
        #expect(error?.action == "read")
        #expect(error?.path == folder + "/" + file)
        #expect(error?.reason.hasPrefix("line 2: column \(column): ") == true, "\(String(describing: error))")
    }

    @Test func aTruncatedOrNarrowedFileIsRefused() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try runFolder(in: directory)
        let path = folder + "/timeseries.csv"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count - 7).write(to: URL(fileURLWithPath: path))
        #expect(readError(folder)?.reason.contains("truncated") == true)
        let narrowed = String(decoding: whole, as: UTF8.self).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        try narrowed.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(readError(folder)?.reason == "line 1: missing column p95")
    }

    @Test func comparisonAndSweepFoldersAreCheckedToo() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "metric,scenario,baseline,mean,baseline_mean,diff_mean,diff_ci95_low,diff_ci95_high,n\nnpv,b,a,1,2,x,0,1,5\n"
            .write(toFile: directory + "/comparison.csv", atomically: true, encoding: .utf8)
        #expect(readError(directory)?.reason == "line 2: column diff_mean: 'x' is not a finite number")
        try FileManager.default.removeItem(atPath: directory + "/comparison.csv")
        try "point,governance.style,npv_mean,npv_ci95_low,npv_ci95_high,npv_p50\n0,federated,1,0,2,1\n1,central,1,0,NaN,1\n"
            .write(toFile: directory + "/points.csv", atomically: true, encoding: .utf8)
        #expect(readError(directory)?.reason == "line 3: column npv_ci95_high: 'NaN' is not a finite number")
    }

    @Test func hugeCoordinatesAreClampedNotTrapped() {
        #expect(SVG.n(1e308) == "1000000000")
        #expect(SVG.n(-9.3e18) == "-1000000000")
        #expect(SVG.n(12.34) == "12.3")
    }
}
