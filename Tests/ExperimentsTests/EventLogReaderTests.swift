import Foundation
import Testing
@testable import Experiments
import ProgramModel

/// Reading event logs: pinned errors (file, line, what would be valid), lenient warnings,
/// as-of censoring, the mapping file, and CSV and XES of the same history reading the same.
@Suite struct EventLogReaderTests {
    func build(_ csv: String, mapping: ActivityMapping = ActivityMapping(), asOf: String? = nil,
               lenient: Bool = false) throws -> (EventLog, EventLogBuilder.Report) {
        let records = try EventLogCSVReader.records(parsing: csv, file: "events.csv", mapping: mapping)
        return try EventLogBuilder.build(records, file: "events.csv", mapping: mapping, asOf: asOf, lenient: lenient)
    }

    func failure(_ csv: String) -> String {
        do {
            _ = try build(csv)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    let good = """
        case_id,activity,timestamp
        A,intake,0
        A,g0_approved,1
        B,intake,2
        A,data_prep_start,2.5
        B,g0_rejected,3
        A,data_prep_end,4
        A,pilot_start,4
        """

    @Test func readsCasesInOrderOfFirstAppearance() throws {
        let (log, report) = try build(good)
        #expect(log.cases.map(\.id) == ["A", "B"])
        #expect(log.cases[0].events == [LogEvent(.intake, 0), LogEvent(.g0Approved, 1), LogEvent(.dataPrepStart, 2.5),
                                        LogEvent(.dataPrepEnd, 4), LogEvent(.pilotStart, 4)])
        #expect(log.asOfMonth == 4)
        #expect(report.problems.isEmpty)
    }

    @Test func unknownActivityNamesFileLineAndValidNames() {
        let text = failure("case_id,activity,timestamp\nA,intake,0\nA,approved,1\n")
        #expect(text.hasPrefix("events.csv: line 3: case A: unknown activity 'approved'; valid: intake, g0_approved, g0_rejected, data_prep_start,"))
        #expect(text.contains("(or rename yours with a mapping file)"))
    }

    @Test func badTimestampSaysWhatWouldParse() {
        let text = failure("case_id,activity,timestamp\nA,intake,2024-02-30\n")
        #expect(text.hasPrefix("events.csv: line 2: case A: timestamp '2024-02-30' does not parse; expected an ISO 8601 date (2024-03-15) or date-time"))
    }

    @Test func eventsGoingBackInTimeAreOutOfOrder() {
        let text = failure("case_id,activity,timestamp\nA,intake,5\nA,g0_approved,4\n")
        #expect(text.hasPrefix("events.csv: line 3: case A: 'g0_approved' at 4 is earlier than 'intake' on line 2; events of a case must not go back in time"))
    }

    @Test func activitiesOutOfLifecycleOrderNameWhatWasExpected() {
        let text = failure("case_id,activity,timestamp\nA,intake,0\nA,pilot_start,1\n")
        #expect(text.hasPrefix("events.csv: line 3: case A: 'pilot_start' cannot follow 'intake'; expected one of g0_approved, g0_rejected"))
        let ended = failure("case_id,activity,timestamp\nA,intake,0\nA,g0_rejected,1\nA,g0_approved,2\n")
        #expect(ended.hasPrefix("events.csv: line 4: case A: 'g0_approved' cannot follow 'g0_rejected'; expected nothing more (the case has ended)"))
        let first = failure("case_id,activity,timestamp\nA,g0_approved,0\n")
        #expect(first.hasPrefix("events.csv: line 2: case A: 'g0_approved' cannot follow the start of the case; expected one of intake"))
    }

    @Test func mixedTimeFormsAreAnError() {
        let text = failure("case_id,activity,timestamp\nA,intake,2024-01-01\nA,g0_approved,3\n")
        #expect(text.hasPrefix("events.csv: line 3: case A: timestamp '3' is a number of months, but the log's first timestamp is a date"))
    }

    @Test func missingColumnNamesTheHeader() {
        let text = failure("case,activity,timestamp\nA,intake,0\n")
        #expect(text == "events.csv: line 1: no column 'case_id'; the header needs case_id, activity, timestamp (optional business_unit, domain, value_per_month), or a mapping file's \"columns\" naming yours; found: case, activity, timestamp")
    }

    @Test func lenientDropsProblemCasesWithCountedWarnings() throws {
        let csv = good + "\nC,intake,1\nC,launch,2\nD,intake,x\nE,intake,1\nE,scaled,2\n"
        let (log, report) = try build(csv, lenient: true)
        #expect(log.cases.map(\.id) == ["A", "B"])
        #expect(report.droppedCases == ["C", "D", "E"])
        #expect(report.warnings == [
            "warning: 1 × unknown activity (first: events.csv: line 10: case C: unknown activity 'launch'; valid: \(LogActivity.validNames) (or rename yours with a mapping file))",
            "warning: 1 × bad timestamp (first: events.csv: line 11: case D: timestamp 'x' does not parse; expected \(LogTimestamp.validForms))",
            "warning: 1 × out of order (first: events.csv: line 13: case E: 'scaled' cannot follow 'intake'; expected one of g0_approved, g0_rejected)",
            "warning: dropped 3 cases: C, D, E",
        ])
    }

    @Test func asOfCutsLaterEventsAndCensorsOpenStages() throws {
        let (log, report) = try build(good, asOf: "3.5")
        #expect(log.asOfMonth == 3.5)
        #expect(report.eventsAfterAsOf == 2)
        #expect(report.warnings == ["note: 2 events after the as-of time cut off"])
        let o = LogObservations(log)
        // A's data preparation started at 2.5 and is still running at 3.5.
        #expect(o.dataPrep == [LogObservations.Timed(time: CensoredTime(1, censored: true), caseIndex: 0)])
        #expect(o.g0Approved == 1 && o.g0Rejected == 1)
    }

    @Test func datesBecomeMonthsFromTheFirstTimestamp() throws {
        let csv = "case_id,activity,timestamp\nA,intake,2024-01-01\nA,g0_approved,2024-01-31T10:30:00Z\nA,data_prep_start,2024-03-01T12:00:00+02:00\n"
        let (log, _) = try build(csv)
        let months = log.cases[0].events.map(\.month)
        #expect(months[0] == 0)
        // 30.4375 days after the start is exactly one month.
        #expect(abs(months[1] - 1) < 1e-12)
        #expect(abs(months[2] - (60 * 86_400 + 10 * 3600) / LogTimestamp.secondsPerMonth) < 1e-12)
        #expect(log.originSeconds == Double(LogTimestamp.daysFromCivil(year: 2024, month: 1, day: 1)) * 86_400)
    }

    @Test func isoTextInvertsTheParser() {
        for text in ["1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "1999-12-31T12:00:00Z", "2100-03-01T00:00:01Z"] {
            guard case .instant(let s)? = LogTimestamp.parse(text) else {
                Issue.record("\(text) does not parse")
                continue
            }
            #expect(LogTimestamp.isoText(seconds: s) == text)
        }
    }

    @Test func mappingRenamesActivitiesColumnsAndIgnoresNull() throws {
        let folder = NSTemporaryDirectory() + "execsim-mapping-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/mapping.json"
        try Data(#"{"activities": {"Idea": "intake", "OK": "g0_approved", "Comment": null}, "columns": {"case_id": "Key", "timestamp": "When"}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let mapping = try ActivityMapping.load(contentsOf: path)
        let (log, _) = try build("Key,activity,When\nX,Idea,0\nX,Comment,0.5\nX,OK,1\n", mapping: mapping)
        #expect(log.cases == [LogCase(id: "X", events: [LogEvent(.intake, 0), LogEvent(.g0Approved, 1)])])

        try Data(#"{"activities": {"Idea": "intak"}}"#.utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try ActivityMapping.load(contentsOf: path) } catch {
            #expect("\(error)" == "\(path): $.activities.Idea: unknown activity 'intak'; did you mean 'intake'?")
        }
        try Data(#"{"activities": {"A": 3, "B": "zzz"}, "colums": {}}"#.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ActivityMapping.load(contentsOf: path)
            Issue.record("no error")
        } catch {
            // Every problem at once, each with its JSON path.
            #expect("\(error)".split(separator: "\n").count == 3)
            #expect("\(error)".contains("\(path): $.colums: unknown key 'colums'; did you mean 'columns'?"))
            #expect("\(error)".contains("\(path): $.activities.A: expected a string, got a number"))
        }
    }

    /// A simulated history written as CSV (dates) and as XES reads back to the same log.
    @Test func csvAndXESOfTheSameHistoryAreEqual() throws {
        var scenario = Scenario()
        scenario.horizonMonths = 36
        var sim = ProgramSimulation(scenario: scenario)
        let (_, trace) = sim.runTraced(seed: 3, replication: 0)
        let log = TraceEventLog.log(trace, horizon: 36)
        let start = Double(LogTimestamp.daysFromCivil(year: 2022, month: 1, day: 1)) * 86_400
        let csvText = String(decoding: TraceEventLog.csv(log, startSeconds: start), as: UTF8.self)
        let fromCSV = try EventLogBuilder.build(try EventLogCSVReader.records(parsing: csvText, file: "e.csv"), file: "e.csv").0
        let fromXES = try EventLogBuilder.build(try XESReader.records(parsing: Data(TraceEventLog.xes(log, startSeconds: start)), file: "e.xes"), file: "e.xes").0
        #expect(fromCSV.cases.count == log.cases.count)
        #expect(fromCSV == fromXES)
        // In months, the CSV form gives back the simulated times exactly.
        let months = String(decoding: TraceEventLog.csv(log), as: UTF8.self)
        var back = try EventLogBuilder.build(try EventLogCSVReader.records(parsing: months, file: "m.csv"), file: "m.csv").0
        back.asOfMonth = log.asOfMonth
        #expect(back == log)
    }

    @Test func xesErrorsNameTheLine() {
        let xes = "<log>\n<trace>\n<string key=\"concept:name\" value=\"A\"/>\n<event>\n<date key=\"time:timestamp\" value=\"2024-01-01\"/>\n</event>\n</trace>\n</log>\n"
        do {
            _ = try XESReader.records(parsing: Data(xes.utf8), file: "e.xes")
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "e.xes: line 4: case A: an <event> without a concept:name string (its activity)")
        }
    }
}
