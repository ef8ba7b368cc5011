/// An event log read and checked: one ``LogCase`` per use case, times in months since the
/// program's start, everything after ``asOfMonth`` cut off.
public struct EventLog: Sendable, Equatable {
    /// Cases in the order their first event appears in the file.
    public var cases: [LogCase]
    /// The log's end: whatever is under way then is censored.
    public var asOfMonth: Double
    /// Seconds since the epoch of month 0 when the log's timestamps were dates; nil when they
    /// were numbers of months.
    public var originSeconds: Double?

    public init(cases: [LogCase], asOfMonth: Double, originSeconds: Double? = nil) {
        self.cases = cases
        self.asOfMonth = asOfMonth
        self.originSeconds = originSeconds
    }
}

/// One use case's history.
public struct LogCase: Sendable, Equatable {
    public var id: String
    public var businessUnit: String?
    public var domain: String?
    public var valuePerMonth: Double?
    /// In the order they happened (ties in file order).
    public var events: [LogEvent]

    public init(id: String, businessUnit: String? = nil, domain: String? = nil,
                valuePerMonth: Double? = nil, events: [LogEvent] = []) {
        self.id = id
        self.businessUnit = businessUnit
        self.domain = domain
        self.valuePerMonth = valuePerMonth
        self.events = events
    }
}

public struct LogEvent: Sendable, Equatable {
    public var activity: LogActivity
    public var month: Double

    public init(_ activity: LogActivity, _ month: Double) {
        self.activity = activity
        self.month = month
    }
}

/// One event as a reader found it, before its activity, timestamp and order are checked.
public struct EventLogRecord: Sendable, Equatable {
    public var caseID: String
    public var activity: String
    public var timestamp: String
    public var businessUnit: String?
    public var domain: String?
    public var valuePerMonth: String?
    /// Where it was: a line of the CSV file, or of the XES file where the event starts.
    public var line: Int

    public init(caseID: String, activity: String, timestamp: String, businessUnit: String? = nil,
                domain: String? = nil, valuePerMonth: String? = nil, line: Int) {
        self.caseID = caseID
        self.activity = activity
        self.timestamp = timestamp
        self.businessUnit = businessUnit
        self.domain = domain
        self.valuePerMonth = valuePerMonth
        self.line = line
    }
}

/// A problem with an event log, naming the file, the line and what would be valid.
public struct EventLogError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file): line \($0): \(message)" } ?? "\(file): \(message)"
    }
}
