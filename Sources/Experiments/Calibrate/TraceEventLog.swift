import ProgramModel

/// A simulated replication's history as an organization's portfolio tool would have recorded
/// it: the model's trace (``TraceEvent``) reduced to the activities of ``LogActivity``, so a
/// log can be generated from a known scenario and calibrated back.
///
/// What an organization does not see is left out: program events, squad queueing, the moment
/// a drift happens (only its detection), remediation and rework starts (they show as gaps).
public enum TraceEventLog {
    /// The log of one traced replication that ran to `horizon` months.
    public static func log(_ trace: [TraceEvent], horizon: Double) -> EventLog {
        var cases: [LogCase] = []
        var index: [Int: Int] = [:]
        var prepOpen: [Int: Bool] = [:], auditOpen: [Int: Bool] = [:], driftPending: [Int: Bool] = [:]
        for e in trace where e.useCase >= 0 {
            let uc = e.useCase
            func add(_ a: LogActivity) { cases[index[uc]!].events.append(LogEvent(a, e.time)) }
            switch e.event {
            case "arrive":
                index[uc] = cases.count
                let fields = keyValues(e.detail)
                cases.append(LogCase(id: caseID(uc), businessUnit: fields["unit"].flatMap(Int.init).map { "bu-\($0 + 1)" },
                                     domain: fields["domain"], valuePerMonth: fields["value_per_month"].flatMap(Double.init)))
                add(.intake)
            case "g0_approved": add(.g0Approved)
            case "g0_rejected": add(.g0Rejected)
            case "data_prep_start":
                prepOpen[uc] = true
                add(.dataPrepStart)
            case "remediation_start", "abandoned_data", "pilot_start":
                if prepOpen[uc] == true {
                    prepOpen[uc] = false
                    add(.dataPrepEnd)
                }
                if e.event == "abandoned_data" { add(.abandonedData) }
                if e.event == "pilot_start" { add(.pilotStart) }
            case "pilot_succeeded": add(.pilotSuccess)
            case "failed_technical": add(.pilotFailure)
            case "audit_start": auditOpen[uc] = true
            case "g1_submitted":
                if auditOpen[uc] == true {
                    auditOpen[uc] = false
                    add(.auditEnd)
                }
            case "g1_approved": add(.g1Approved)
            case "g1_denied": add(.g1Denied)
            case "stalled_purgatory":
                add(.g1Denied)
                add(.stalledPurgatory)
            case "scale_up_start": add(.scaleUpStart)
            case "reached_production": add(.production)
            case "rollout_phase_done": add(.rolloutPhaseEnd)
            case "adoption_stalled":
                add(.adoptionStalled)
                if e.detail.hasSuffix("decommissioned") { add(.decommissioned) }
            case "scaled": add(.scaled)
            case "drift": driftPending[uc] = true
            case "squad_queued", "retrain_start":
                // A detected drift asks for a squad at once (class 0): queued or started.
                if driftPending[uc] == true && (e.event == "retrain_start" || e.detail == "class=0") {
                    driftPending[uc] = false
                    add(.driftDetected)
                }
            case "retrain_end": add(.retrained)
            case "incident": add(.incident)
            default: break
            }
        }
        return EventLog(cases: cases, asOfMonth: horizon)
    }

    static func caseID(_ useCase: Int) -> String {
        let digits = String(useCase + 1)
        return "UC-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func keyValues(_ detail: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in detail.split(separator: " ") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            result[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        return result
    }

    /// All events in time order (ties by case order, then within the case), as the CSV form
    /// lists them.
    static func chronological(_ log: EventLog) -> [(caseIndex: Int, eventIndex: Int)] {
        var all: [(caseIndex: Int, eventIndex: Int)] = []
        for (c, lc) in log.cases.enumerated() {
            for i in lc.events.indices { all.append((c, i)) }
        }
        // Stable by construction of the key: time, then case, then position in the case.
        all.sort { a, b in
            let ta = log.cases[a.caseIndex].events[a.eventIndex].month
            let tb = log.cases[b.caseIndex].events[b.eventIndex].month
            if ta != tb { return ta < tb }
            if a.caseIndex != b.caseIndex { return a.caseIndex < b.caseIndex }
            return a.eventIndex < b.eventIndex
        }
        return all
    }

    static func timestampText(_ month: Double, startSeconds: Double?) -> String {
        guard let startSeconds else {
            return CSVWriter.format(month)
        }
        return LogTimestamp.isoText(seconds: startSeconds + month * LogTimestamp.secondsPerMonth)
    }

    /// The log as CSV in the input format of `execsim calibrate`. Case attributes go on the
    /// intake row. With `startSeconds`, timestamps are ISO 8601 date-times counted from it;
    /// otherwise numbers of months.
    public static func csv(_ log: EventLog, startSeconds: Double? = nil) -> [UInt8] {
        var w = CSVWriter(header: ["case_id", "activity", "timestamp", "business_unit", "domain", "value_per_month"])
        for (c, i) in chronological(log) {
            let lc = log.cases[c]
            let e = lc.events[i]
            w.field(lc.id)
            w.field(e.activity.rawValue)
            w.field(timestampText(e.month, startSeconds: startSeconds))
            w.field(i == 0 ? lc.businessUnit ?? "" : "")
            w.field(i == 0 ? lc.domain ?? "" : "")
            w.field(i == 0 ? lc.valuePerMonth : nil)
            w.endRow()
        }
        return w.bytes
    }

    /// The log as XES (IEEE 1849): one trace per case, in case order.
    public static func xes(_ log: EventLog, startSeconds: Double? = nil) -> [UInt8] {
        func esc(_ s: String) -> String {
            var r = ""
            for ch in s {
                switch ch {
                case "&": r += "&amp;"
                case "<": r += "&lt;"
                case ">": r += "&gt;"
                case "\"": r += "&quot;"
                default: r.append(ch)
                }
            }
            return r
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n"
        out += "  <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
        out += "  <extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
        let timeElement = startSeconds == nil ? "float" : "date"
        for c in log.cases {
            out += "  <trace>\n    <string key=\"concept:name\" value=\"\(esc(c.id))\"/>\n"
            if let bu = c.businessUnit { out += "    <string key=\"business_unit\" value=\"\(esc(bu))\"/>\n" }
            if let d = c.domain { out += "    <string key=\"domain\" value=\"\(esc(d))\"/>\n" }
            if let v = c.valuePerMonth { out += "    <float key=\"value_per_month\" value=\"\(CSVWriter.format(v))\"/>\n" }
            for e in c.events {
                out += "    <event>\n      <string key=\"concept:name\" value=\"\(e.activity.rawValue)\"/>\n"
                out += "      <\(timeElement) key=\"time:timestamp\" value=\"\(timestampText(e.month, startSeconds: startSeconds))\"/>\n    </event>\n"
            }
            out += "  </trace>\n"
        }
        out += "</log>\n"
        return Array(out.utf8)
    }
}
