import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an event log in XES (IEEE 1849), the process-mining standard that PM4Py, ProM and
/// Celonis export: each `<trace>` is a case named by its `concept:name`, each `<event>` has a
/// `concept:name` (the activity) and a `time:timestamp`. Trace attributes `business_unit`,
/// `domain` and `value_per_month` are the case attributes of the CSV form.
public enum XESReader {
    public static func read(_ path: String) throws -> [EventLogRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EventLogError(file: path, line: nil, message: "no such file or not readable")
        }
        return try records(parsing: data, file: path)
    }

    public static func records(parsing data: Data, file: String) throws -> [EventLogRecord] {
        let parser = XMLParser(data: data)
        let delegate = Delegate(file: file)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.failure { throw error }
        guard ok else {
            throw EventLogError(file: file, line: parser.lineNumber,
                                message: "not well-formed XML (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "parse error"))")
        }
        guard delegate.sawLog else {
            throw EventLogError(file: file, line: nil, message: "no <log> element; expected an XES file (IEEE 1849)")
        }
        return delegate.records
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        var records: [EventLogRecord] = []
        var failure: EventLogError?
        var sawLog = false
        /// Nesting of trace, event and attribute elements (attributes may nest in XES).
        var depthInAttribute = 0
        var inTrace = false
        var inEvent = false
        var traceLine = 0
        var traceAttributes: [String: String] = [:]
        var traceEvents: [(activity: String?, timestamp: String?, line: Int)] = []
        var eventActivity: String?
        var eventTimestamp: String?
        var eventLine = 0

        init(file: String) { self.file = file }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "log": sawLog = true
            case "trace" where depthInAttribute == 0:
                inTrace = true
                traceLine = parser.lineNumber
                traceAttributes = [:]
                traceEvents = []
            case "event" where depthInAttribute == 0 && inTrace:
                inEvent = true
                eventLine = parser.lineNumber
                eventActivity = nil
                eventTimestamp = nil
            case "string", "date", "int", "float", "boolean", "id", "list", "container":
                defer { depthInAttribute += 1 }
                guard depthInAttribute == 0, inTrace, let key = attributes["key"], let value = attributes["value"] else { return }
                if inEvent {
                    if key == "concept:name" { eventActivity = value }
                    if key == "time:timestamp" { eventTimestamp = value }
                } else {
                    traceAttributes[key] = value
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "string", "date", "int", "float", "boolean", "id", "list", "container":
                depthInAttribute -= 1
            case "event" where depthInAttribute == 0 && inEvent:
                inEvent = false
                traceEvents.append((eventActivity, eventTimestamp, eventLine))
            case "trace" where depthInAttribute == 0 && inTrace:
                inTrace = false
                guard failure == nil else { return }
                guard let id = traceAttributes["concept:name"], !id.isEmpty else {
                    failure = EventLogError(file: file, line: traceLine, message: "a <trace> without a concept:name string; each case needs its id")
                    parser.abortParsing()
                    return
                }
                for e in traceEvents {
                    guard let activity = e.activity else {
                        failure = EventLogError(file: file, line: e.line, message: "case \(id): an <event> without a concept:name string (its activity)")
                        parser.abortParsing()
                        return
                    }
                    records.append(EventLogRecord(
                        caseID: id, activity: activity, timestamp: e.timestamp ?? "",
                        businessUnit: traceAttributes["business_unit"], domain: traceAttributes["domain"],
                        valuePerMonth: traceAttributes["value_per_month"], line: e.line))
                }
            default: break
            }
        }
    }
}
