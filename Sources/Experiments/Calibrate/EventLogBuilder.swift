/// Checks the records a reader found and turns them into an ``EventLog``.
///
/// Strict by default: an unknown activity, a timestamp that does not parse, events out of
/// order within a case or a bad case attribute are errors naming the file, the line and what
/// would be valid. Lenient: each case with a problem is dropped instead, and the problems are
/// counted by kind.
public enum EventLogBuilder {
    public enum ProblemKind: String, CaseIterable, Sendable {
        case unknownActivity = "unknown activity"
        case badTimestamp = "bad timestamp"
        case outOfOrder = "out of order"
        case badAttribute = "bad attribute"
    }

    public struct Problem: Sendable, Equatable {
        public var kind: ProblemKind
        public var caseID: String
        public var error: EventLogError
    }

    /// What `--lenient` dropped.
    public struct Report: Sendable, Equatable {
        public var problems: [Problem] = []
        /// Cases dropped, in the order they appear in the file.
        public var droppedCases: [String] = []
        /// Events after the as-of time, cut off.
        public var eventsAfterAsOf = 0

        /// One warning line per problem kind with its count, then the dropped cases.
        public var warnings: [String] {
            var lines: [String] = []
            for kind in ProblemKind.allCases {
                let these = problems.filter { $0.kind == kind }
                guard let first = these.first else { continue }
                lines.append("warning: \(these.count) × \(kind.rawValue) (first: \(first.error))")
            }
            if eventsAfterAsOf > 0 {
                lines.append("note: \(eventsAfterAsOf) event\(eventsAfterAsOf == 1 ? "" : "s") after the as-of time cut off")
            }
            if !droppedCases.isEmpty {
                lines.append("warning: dropped \(droppedCases.count) case\(droppedCases.count == 1 ? "" : "s"): \(droppedCases.joined(separator: ", "))")
            }
            return lines
        }
    }

    /// Every problem of a strict read; the description lists the first ten.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var problems: [Problem]
        public var description: String {
            var lines = problems.prefix(10).map(\.error.description)
            if problems.count > 10 { lines.append("… and \(problems.count - 10) more problems") }
            lines.append("(--lenient drops the cases with problems instead)")
            return lines.joined(separator: "\n")
        }
    }

    /// - Parameters:
    ///   - asOf: the log's end in the log's own time form; nil means its last timestamp.
    ///   - lenient: drop cases with problems instead of failing.
    public static func build(_ records: [EventLogRecord], file: String, mapping: ActivityMapping = ActivityMapping(),
                             asOf: String? = nil, lenient: Bool = false) throws -> (EventLog, Report) {
        var report = Report()
        var problemCases = Set<String>()
        func problem(_ kind: ProblemKind, _ record: EventLogRecord, _ message: String) {
            report.problems.append(Problem(kind: kind, caseID: record.caseID,
                                           error: EventLogError(file: file, line: record.line, message: message)))
            problemCases.insert(record.caseID)
        }

        // Parse activities and timestamps; the time form is the first record's.
        var parsed: [(record: EventLogRecord, activity: LogActivity?, time: LogTimestamp?)] = []
        var usesInstants: Bool?
        for record in records {
            var activity: LogActivity?
            switch mapping.activity(for: record.activity) {
            case .activity(let a): activity = a
            case .ignored: continue
            case .unknown:
                problem(.unknownActivity, record,
                        "case \(record.caseID): unknown activity '\(record.activity)'; valid: \(LogActivity.validNames)\(mapping.isEmpty ? " (or rename yours with a mapping file)" : "")")
            }
            var time = LogTimestamp.parse(record.timestamp)
            switch time {
            case nil:
                problem(.badTimestamp, record, "case \(record.caseID): timestamp '\(record.timestamp)' does not parse; expected \(LogTimestamp.validForms)")
            case .instant?:
                if usesInstants == nil { usesInstants = true }
                if usesInstants == false {
                    problem(.badTimestamp, record, "case \(record.caseID): timestamp '\(record.timestamp)' is a date, but the log's first timestamp is a number of months; use one form throughout")
                    time = nil
                }
            case .months(let m)?:
                if usesInstants == nil { usesInstants = false }
                if usesInstants == true {
                    problem(.badTimestamp, record, "case \(record.caseID): timestamp '\(record.timestamp)' is a number of months, but the log's first timestamp is a date; use one form throughout")
                    time = nil
                } else if m < 0 {
                    problem(.badTimestamp, record, "case \(record.caseID): timestamp '\(record.timestamp)' is before month 0; expected a number of months of at least 0")
                    time = nil
                }
            }
            if let text = record.valuePerMonth, !text.isEmpty, Double(text).map({ !$0.isFinite || $0 < 0 }) ?? true {
                problem(.badAttribute, record, "case \(record.caseID): value_per_month '\(text)' is not a number of at least 0 (k$ per month)")
            }
            parsed.append((record, activity, time))
        }

        var origin = 0.0
        if usesInstants == true {
            origin = parsed.compactMap { if case .instant(let s)? = $0.time { s } else { nil } }.min() ?? 0
        }
        func month(_ t: LogTimestamp) -> Double {
            switch t {
            case .months(let m): m
            case .instant(let s): (s - origin) / LogTimestamp.secondsPerMonth
            }
        }
        let lastMonth = parsed.compactMap { $0.time.map(month) }.max() ?? 0
        var asOfMonth = lastMonth
        if let asOf {
            guard let t = LogTimestamp.parse(asOf) else {
                throw EventLogError(file: file, line: nil, message: "--as-of '\(asOf)' does not parse; expected \(LogTimestamp.validForms)")
            }
            switch (t, usesInstants) {
            case (.instant, false?): throw EventLogError(file: file, line: nil, message: "--as-of '\(asOf)' is a date, but the log's timestamps are months; give a number of months")
            case (.months, true?): throw EventLogError(file: file, line: nil, message: "--as-of '\(asOf)' is a number of months, but the log's timestamps are dates; give a date")
            default: asOfMonth = month(t)
            }
            guard asOfMonth > 0 else {
                throw EventLogError(file: file, line: nil, message: "--as-of '\(asOf)' is not after the log's first event")
            }
        }

        // Group by case in order of first appearance, then check each case's order.
        var caseIndex: [String: Int] = [:]
        var grouped: [[(record: EventLogRecord, activity: LogActivity?, time: LogTimestamp?)]] = []
        for entry in parsed {
            if let i = caseIndex[entry.record.caseID] { grouped[i].append(entry) } else {
                caseIndex[entry.record.caseID] = grouped.count
                grouped.append([entry])
            }
        }
        var cases: [LogCase] = []
        for entries in grouped {
            let id = entries[0].record.caseID
            var c = LogCase(id: id)
            var lifecycle = CaseLifecycle()
            var previous: (activity: LogActivity, month: Double, line: Int)?
            for entry in entries {
                for (value, name, keyPath) in [(entry.record.businessUnit, "business_unit", \LogCase.businessUnit),
                                               (entry.record.domain, "domain", \LogCase.domain)] {
                    guard let value, !value.isEmpty else { continue }
                    if let existing = c[keyPath: keyPath], existing != value {
                        problem(.badAttribute, entry.record, "case \(id): \(name) '\(value)' differs from '\(existing)' given earlier; a case has one \(name)")
                    }
                    c[keyPath: keyPath] = c[keyPath: keyPath] ?? value
                }
                if let text = entry.record.valuePerMonth, let v = Double(text), v.isFinite, v >= 0 {
                    c.valuePerMonth = c.valuePerMonth ?? v
                }
                guard let activity = entry.activity, let time = entry.time else { continue }
                let m = month(time)
                if let previous, m < previous.month {
                    problem(.outOfOrder, entry.record, "case \(id): '\(activity.rawValue)' at \(entry.record.timestamp) is earlier than '\(previous.activity.rawValue)' on line \(previous.line); events of a case must not go back in time")
                    break
                }
                previous = (activity, m, entry.record.line)
                if m > asOfMonth {
                    report.eventsAfterAsOf += 1
                    continue
                }
                if let expected = lifecycle.accept(activity) {
                    let after = c.events.last.map { "'\($0.activity.rawValue)'" } ?? "the start of the case"
                    problem(.outOfOrder, entry.record, "case \(id): '\(activity.rawValue)' cannot follow \(after); expected \(expected.isEmpty ? "nothing more (the case has ended)" : "one of " + expected.map(\.rawValue).joined(separator: ", "))")
                    break
                }
                c.events.append(LogEvent(activity, m))
            }
            if problemCases.contains(id) {
                report.droppedCases.append(id)
            } else if !c.events.isEmpty {
                cases.append(c)
            }
        }
        if !report.problems.isEmpty && !lenient {
            throw Failure(problems: report.problems)
        }
        return (EventLog(cases: cases, asOfMonth: asOfMonth, originSeconds: usesInstants == true ? origin : nil), report)
    }
}
