import Foundation
import SimKernel

/// Reading scenario files strictly (MODEL.md section 9): every field but `name` is optional and
/// merges over `Scenario()` key by key; lists replace the default list; unknown keys, wrong
/// types and out-of-range values are errors, all of them reported at once with their path.
extension Scenario {
    /// A scenario from a parsed document. Throws every issue found, each naming `file`.
    public static func decode(json: JSONValue, file: String) throws(ScenarioError) -> Scenario {
        let decoder = ScenarioDecoder(file: file)
        var scenario = Scenario()
        decoder.decodeScenario(json, into: &scenario)
        if !decoder.issues.isEmpty { throw ScenarioError(issues: decoder.issues) }
        return scenario
    }

    /// A scenario from JSON text; a syntax error becomes an issue at `$`.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// A scenario from the file at `path` (the path as given names the file in issues).
    public static func load(contentsOf path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(issues: [ScenarioIssue(file: path, path: "$", message: "cannot read the file")])
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    private static func parse(bytes: [UInt8], file: String) throws(ScenarioError) -> Scenario {
        let json: JSONValue
        do throws(JSONSyntaxError) {
            json = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(issues: [ScenarioIssue(file: file, path: "$", message: "invalid JSON at \(error)")])
        }
        return try decode(json: json, file: file)
    }
}

/// The valid keys of every object in a scenario file, in the order `encode()` writes them
/// (MODEL.md section 10). Unknown-key messages list them in this order.
enum ScenarioKeys {
    static let root = [
        "name", "description", "seed", "replications", "horizonMonths", "businessUnits", "portfolio",
        "dataDomains", "teams", "fit", "governance", "strategy", "coDevelopment", "stages", "architecture",
        "dataFoundation", "operations", "compliance", "economics",
    ]
    static let portfolio = [
        "initialUseCases", "arrivalsPerMonth", "arrivalsUntilMonth", "prioritization", "valueEstimateP90Ratio",
        "archetypes",
    ]
    static let archetype = [
        "name", "weight", "valuePerMonth", "complexity", "highRiskShare", "alignedShare", "domains",
    ]
    static let dataDomain = ["name", "readiness"]
    static let teams = ["delivery", "placement", "foundation", "costPerMonth", "additions"]
    static let addition = ["month", "delivery", "foundation"]
    static let fit = ["pooled", "perBusinessUnit"]
    static let governance = [
        "style", "committee", "localDecisionMonths", "screening", "approveAligned", "localAuditShare",
        "auditDuration",
    ]
    static let committee = ["cadenceMonths", "capacity"]
    static let screening = ["committee", "local"]
    static let strategy = ["approach", "planningMonths", "plannedScreening", "learningPilots", "deferBelowReadiness"]
    static let coDevelopment = ["enabled", "embedMonths", "overlap", "fitGain"]
    static let stages = ["dataPrep", "pilot", "scaleApproval", "scaleUp", "rollout"]
    static let dataPrep = ["duration", "readinessPenalty", "blockerRate", "abandonOnBlocker", "remediationShare"]
    static let pilot = ["duration", "baseSuccess", "dataSensitivity", "complexityExponent"]
    static let scaleApproval = ["base", "misalignedEvidence", "reworkMonths", "maxResubmissions", "reworkFitGain"]
    static let scaleUp = ["duration"]
    static let rollout = ["phases", "baseAdoption", "changeManagement", "misalignedAdoption"]
    static let phase = ["name", "share", "duration"]
    static let architecture = ["coupling", "eventDriven", "eventDrivenFactor"]
    static let dataFoundation = ["chunkMonths", "gainPerSquadMonth", "maxReadiness"]
    static let operations = ["driftPerYear", "driftValueLoss", "monitoring", "detectionMonths", "retrainDuration"]
    static let detectionMonths = ["monitored", "unmonitored"]
    static let compliance = ["incidentsPerYear", "rollbackMonths"]
    static let incidentsPerYear = ["audited", "unaudited"]
    static let economics = ["discountRatePerYear", "pilotCostPerMonth", "scaleUpCostPerMonth", "runCostPerMonth"]
}

extension ScenarioDecoder {
    /// Readiness of a data domain listed without one. 0.5 is the middle of the scale and the
    /// default `customer` domain's value: a user who adds a domain without saying how ready its
    /// data is gets neither an optimistic nor a pessimistic assumption.
    static let defaultDomainReadiness = 0.5

    func decodeScenario(_ json: JSONValue, into s: inout Scenario) {
        guard let o = object(json, at: "$", keys: ScenarioKeys.root) else { return }

        if let v = o.require("name"), let name = string(v, at: o.path("name"), nonEmpty: true) {
            s.name = name
        }
        if let v = o["description"], let text = string(v, at: o.path("description")) {
            s.description = text
        }
        if let v = o["seed"], let seed = whole(v, at: o.path("seed"), atLeast: 0) {
            s.seed = UInt64(seed)
        }
        if let v = o["replications"], let n = whole(v, at: o.path("replications"), atLeast: 1) {
            s.replications = n
        }
        let horizonValid = o.number("horizonMonths", into: &s.horizonMonths, .greaterThan(0), duration: true)
        let businessUnitsValid = o.whole("businessUnits", into: &s.businessUnits, atLeast: 1)

        // Archetype `domains` lists are checked against the data domains once both are read.
        var domainReferences: [(path: String, names: [String])] = []
        o.object("portfolio", keys: ScenarioKeys.portfolio) { p in
            p.whole("initialUseCases", into: &s.portfolio.initialUseCases, atLeast: 0)
            p.number("arrivalsPerMonth", into: &s.portfolio.arrivalsPerMonth, .atLeast(0))
            p.number("arrivalsUntilMonth", into: &s.portfolio.arrivalsUntilMonth, .atLeast(0), duration: true)
            p.choice("prioritization", into: &s.portfolio.prioritization)
            p.number("valueEstimateP90Ratio", into: &s.portfolio.valueEstimateP90Ratio, .atLeast(1))
            if let v = p["archetypes"] {
                archetypes(v, at: p.path("archetypes"), into: &s.portfolio.archetypes, references: &domainReferences)
            }
        }

        var domainNamesValid = true
        if let v = o["dataDomains"] {
            domainNamesValid = dataDomains(v, at: o.path("dataDomains"), into: &s.dataDomains)
        }

        var deliveryValid = true
        var placementValid = true
        o.object("teams", keys: ScenarioKeys.teams) { t in
            deliveryValid = t.whole("delivery", into: &s.teams.delivery, atLeast: 1)
            placementValid = t.choice("placement", into: &s.teams.placement)
            t.whole("foundation", into: &s.teams.foundation, atLeast: 0)
            t.number("costPerMonth", into: &s.teams.costPerMonth, .atLeast(0))
            if let v = t["additions"] {
                additions(v, at: t.path("additions"), into: &s.teams.additions)
            }
        }

        o.object("fit", keys: ScenarioKeys.fit) { f in
            f.number("pooled", into: &s.fit.pooled, .fraction)
            f.number("perBusinessUnit", into: &s.fit.perBusinessUnit, .fraction)
        }

        o.object("governance", keys: ScenarioKeys.governance) { g in
            g.choice("style", into: &s.governance.style)
            g.object("committee", keys: ScenarioKeys.committee) { c in
                c.number("cadenceMonths", into: &s.governance.committee.cadenceMonths, .greaterThan(0), duration: true)
                c.whole("capacity", into: &s.governance.committee.capacity, atLeast: 1)
            }
            g.number("localDecisionMonths", into: &s.governance.localDecisionMonths, .atLeast(0), duration: true)
            g.object("screening", keys: ScenarioKeys.screening) { c in
                c.number("committee", into: &s.governance.screening.committee, .fraction)
                c.number("local", into: &s.governance.screening.local, .fraction)
            }
            g.number("approveAligned", into: &s.governance.approveAligned, .fraction)
            g.number("localAuditShare", into: &s.governance.localAuditShare, .fraction)
            g.distribution("auditDuration", into: &s.governance.auditDuration, duration: true)
        }

        o.object("strategy", keys: ScenarioKeys.strategy) { t in
            t.choice("approach", into: &s.strategy.approach)
            t.number("planningMonths", into: &s.strategy.planningMonths, .atLeast(0), duration: true)
            t.number("plannedScreening", into: &s.strategy.plannedScreening, .fraction)
            t.number("learningPilots", into: &s.strategy.learningPilots, .greaterThan(0))
            t.number("deferBelowReadiness", into: &s.strategy.deferBelowReadiness, .fraction)
        }

        o.object("coDevelopment", keys: ScenarioKeys.coDevelopment) { c in
            c.bool("enabled", into: &s.coDevelopment.enabled)
            c.distribution("embedMonths", into: &s.coDevelopment.embedMonths, duration: true)
            c.number("overlap", into: &s.coDevelopment.overlap, .fraction)
            c.number("fitGain", into: &s.coDevelopment.fitGain, .fraction)
        }

        o.object("stages", keys: ScenarioKeys.stages) { st in
            stages(st, into: &s.stages)
        }

        o.object("architecture", keys: ScenarioKeys.architecture) { a in
            a.number("coupling", into: &s.architecture.coupling, .atLeast(0))
            a.bool("eventDriven", into: &s.architecture.eventDriven)
            a.number("eventDrivenFactor", into: &s.architecture.eventDrivenFactor, .atLeast(0))
        }

        o.object("dataFoundation", keys: ScenarioKeys.dataFoundation) { f in
            f.number("chunkMonths", into: &s.dataFoundation.chunkMonths, .greaterThan(0), duration: true)
            f.number("gainPerSquadMonth", into: &s.dataFoundation.gainPerSquadMonth, .atLeast(0))
            f.number("maxReadiness", into: &s.dataFoundation.maxReadiness, .fraction)
        }

        o.object("operations", keys: ScenarioKeys.operations) { op in
            op.number("driftPerYear", into: &s.operations.driftPerYear, .atLeast(0))
            op.number("driftValueLoss", into: &s.operations.driftValueLoss, .fraction)
            op.bool("monitoring", into: &s.operations.monitoring)
            op.object("detectionMonths", keys: ScenarioKeys.detectionMonths) { d in
                d.number("monitored", into: &s.operations.detectionMonths.monitored, .atLeast(0), duration: true)
                d.number("unmonitored", into: &s.operations.detectionMonths.unmonitored, .atLeast(0), duration: true)
            }
            op.distribution("retrainDuration", into: &s.operations.retrainDuration, duration: true)
        }

        o.object("compliance", keys: ScenarioKeys.compliance) { c in
            c.object("incidentsPerYear", keys: ScenarioKeys.incidentsPerYear) { i in
                i.number("audited", into: &s.compliance.incidentsPerYear.audited, .atLeast(0))
                i.number("unaudited", into: &s.compliance.incidentsPerYear.unaudited, .atLeast(0))
            }
            c.distribution("rollbackMonths", into: &s.compliance.rollbackMonths, duration: true)
        }

        o.object("economics", keys: ScenarioKeys.economics) { e in
            e.number("discountRatePerYear", into: &s.economics.discountRatePerYear, .greaterThan(-1))
            e.number("pilotCostPerMonth", into: &s.economics.pilotCostPerMonth, .atLeast(0))
            e.number("scaleUpCostPerMonth", into: &s.economics.scaleUpCostPerMonth, .atLeast(0))
            e.number("runCostPerMonth", into: &s.economics.runCostPerMonth, .atLeast(0))
        }

        // Cross-field checks, only between fields that are valid on their own.
        if businessUnitsValid, deliveryValid, placementValid,
           s.teams.placement == .perBusinessUnit, s.teams.delivery < s.businessUnits {
            report("$.teams.delivery",
                   "perBusinessUnit placement needs at least one squad per business unit (\(s.businessUnits)), got \(s.teams.delivery)")
        }
        for (k, addition) in s.teams.additions.enumerated()
        where addition.month < 0 || (horizonValid && addition.month > s.horizonMonths) {
            let bound = horizonValid ? "horizonMonths = \(Self.format(s.horizonMonths))" : "horizonMonths"
            report(Self.path(Self.path("$.teams.additions", index: k), key: "month"),
                   "must be a month in [0, \(bound)], got \(Self.format(addition.month))")
        }
        if domainNamesValid {
            let known = Set(s.dataDomains.map(\.name))
            let valid = s.dataDomains.map(\.name).joined(separator: ", ")
            for reference in domainReferences {
                for (k, name) in reference.names.enumerated() where !known.contains(name) {
                    report(Self.path(reference.path, index: k),
                           "\(JSONWriter.quote(name)) names no data domain; valid: \(valid)")
                }
            }
        }
    }

    /// `teams.additions`: a list (possibly empty) of `{month, delivery, foundation}`; `month` is
    /// required (a number of months or a duration string), the counts are whole numbers ≥ 0
    /// defaulting to 0. `month` is checked against [0, horizon] once both are read.
    private func additions(_ v: JSONValue, at path: String, into target: inout [Scenario.SquadAddition]) {
        guard let elements = list(v, at: path) else { return }
        // Every element keeps its place, valid or not, so the range check after reading
        // names the right index (a file with any issue is rejected as a whole anyway).
        var result: [Scenario.SquadAddition] = []
        for (k, element) in elements.enumerated() {
            var addition = Scenario.SquadAddition(month: 0)
            if let a = object(element, at: Self.path(path, index: k), keys: ScenarioKeys.addition) {
                if let monthValue = a.require("month"),
                   let month = number(monthValue, at: a.path("month"), duration: true) {
                    addition.month = month
                }
                a.whole("delivery", into: &addition.delivery, atLeast: 0)
                a.whole("foundation", into: &addition.foundation, atLeast: 0)
            }
            result.append(addition)
        }
        target = result
    }

    /// `portfolio.archetypes`: replaces the default list; each element starts from `Archetype()`.
    private func archetypes(_ v: JSONValue, at path: String, into target: inout [Scenario.Archetype],
                            references: inout [(path: String, names: [String])]) {
        guard let elements = list(v, at: path, nonEmpty: true) else { return }
        var result: [Scenario.Archetype] = []
        var weightsValid = true
        for (k, element) in elements.enumerated() {
            let elementPath = Self.path(path, index: k)
            guard let a = object(element, at: elementPath, keys: ScenarioKeys.archetype) else {
                weightsValid = false
                continue
            }
            var archetype = Scenario.Archetype()
            a.string("name", into: &archetype.name, nonEmpty: true)
            weightsValid = a.number("weight", into: &archetype.weight, .atLeast(0)) && weightsValid
            a.distribution("valuePerMonth", into: &archetype.valuePerMonth, duration: false)
            a.distribution("complexity", into: &archetype.complexity, duration: false)
            a.number("highRiskShare", into: &archetype.highRiskShare, .fraction)
            a.number("alignedShare", into: &archetype.alignedShare, .fraction)
            if let d = a["domains"], let names = domainNames(d, at: a.path("domains")) {
                archetype.domains = names
                references.append((a.path("domains"), names))
            }
            result.append(archetype)
        }
        let total = result.reduce(0) { $0 + $1.weight }
        if weightsValid, !(total > 0) {
            report(path, "weights must sum to a positive number, got \(Self.format(total))")
        }
        target = result
    }

    /// An archetype's `domains`: a non-empty list of non-empty names (nil, i.e. absent, means all).
    private func domainNames(_ v: JSONValue, at path: String) -> [String]? {
        guard let elements = list(v, at: path, nonEmpty: true) else { return nil }
        var names: [String] = []
        for (k, element) in elements.enumerated() {
            guard let name = string(element, at: Self.path(path, index: k), nonEmpty: true) else { return nil }
            names.append(name)
        }
        return names
    }

    /// `dataDomains`: replaces the default list. Returns whether every name is valid (present,
    /// a non-empty string, unique), the condition for checking archetype references to them.
    private func dataDomains(_ v: JSONValue, at path: String, into target: inout [Scenario.DataDomainSpec]) -> Bool {
        guard let elements = list(v, at: path, nonEmpty: true) else { return false }
        var namesValid = true
        var firstUse: [String: String] = [:]
        var result: [Scenario.DataDomainSpec] = []
        for (k, element) in elements.enumerated() {
            let elementPath = Self.path(path, index: k)
            guard let d = object(element, at: elementPath, keys: ScenarioKeys.dataDomain) else {
                namesValid = false
                continue
            }
            var domain = Scenario.DataDomainSpec(name: "", readiness: Self.defaultDomainReadiness)
            if let nameValue = d.require("name"),
               let name = uniqueName(nameValue, at: d.path("name"), firstUse: &firstUse) {
                domain.name = name
            } else {
                namesValid = false
            }
            d.number("readiness", into: &domain.readiness, .fraction)
            result.append(domain)
        }
        target = result
        return namesValid
    }

    /// A non-empty name not used before in the same list.
    private func uniqueName(_ v: JSONValue, at path: String, firstUse: inout [String: String]) -> String? {
        guard let name = string(v, at: path, nonEmpty: true) else { return nil }
        if let first = firstUse[name] {
            report(path, "duplicate name \(JSONWriter.quote(name)) (first used at \(first))")
            return nil
        }
        firstUse[name] = path
        return name
    }

    private func stages(_ st: ObjectReader, into s: inout Scenario.Stages) {
        st.object("dataPrep", keys: ScenarioKeys.dataPrep) { d in
            d.distribution("duration", into: &s.dataPrep.duration, duration: true)
            d.number("readinessPenalty", into: &s.dataPrep.readinessPenalty, .atLeast(0))
            d.number("blockerRate", into: &s.dataPrep.blockerRate, .fraction)
            d.number("abandonOnBlocker", into: &s.dataPrep.abandonOnBlocker, .fraction)
            d.number("remediationShare", into: &s.dataPrep.remediationShare, .atLeast(0))
        }
        st.object("pilot", keys: ScenarioKeys.pilot) { p in
            p.distribution("duration", into: &s.pilot.duration, duration: true)
            p.number("baseSuccess", into: &s.pilot.baseSuccess, .fraction)
            p.number("dataSensitivity", into: &s.pilot.dataSensitivity, .fraction)
            p.number("complexityExponent", into: &s.pilot.complexityExponent, .atLeast(0))
        }
        st.object("scaleApproval", keys: ScenarioKeys.scaleApproval) { a in
            a.number("base", into: &s.scaleApproval.base, .fraction)
            a.number("misalignedEvidence", into: &s.scaleApproval.misalignedEvidence, .fraction)
            a.distribution("reworkMonths", into: &s.scaleApproval.reworkMonths, duration: true)
            a.whole("maxResubmissions", into: &s.scaleApproval.maxResubmissions, atLeast: 0)
            a.number("reworkFitGain", into: &s.scaleApproval.reworkFitGain, .fraction)
        }
        st.object("scaleUp", keys: ScenarioKeys.scaleUp) { u in
            u.distribution("duration", into: &s.scaleUp.duration, duration: true)
        }
        st.object("rollout", keys: ScenarioKeys.rollout) { r in
            if let v = r["phases"] {
                phases(v, at: r.path("phases"), into: &s.rollout.phases)
            }
            r.number("baseAdoption", into: &s.rollout.baseAdoption, .fraction)
            r.number("changeManagement", into: &s.rollout.changeManagement, .fraction)
            r.number("misalignedAdoption", into: &s.rollout.misalignedAdoption, .fraction)
        }
    }

    /// `stages.rollout.phases`: replaces the default list; `name` and `share` are required,
    /// `duration` defaults to triangular(1, 2, 4); shares must sum to 1 within 1e-9.
    private func phases(_ v: JSONValue, at path: String, into target: inout [Scenario.Stages.Rollout.Phase]) {
        guard let elements = list(v, at: path, nonEmpty: true) else { return }
        var sharesValid = true
        var firstUse: [String: String] = [:]
        var result: [Scenario.Stages.Rollout.Phase] = []
        for (k, element) in elements.enumerated() {
            let elementPath = Self.path(path, index: k)
            guard let p = object(element, at: elementPath, keys: ScenarioKeys.phase) else {
                sharesValid = false
                continue
            }
            var phase = Scenario.Stages.Rollout.Phase(name: "", share: 0)
            if let nameValue = p.require("name"),
               let name = uniqueName(nameValue, at: p.path("name"), firstUse: &firstUse) {
                phase.name = name
            }
            if let shareValue = p.require("share"),
               let share = number(shareValue, at: p.path("share"), .fraction) {
                phase.share = share
            } else {
                sharesValid = false
            }
            p.distribution("duration", into: &phase.duration, duration: true)
            result.append(phase)
        }
        let total = result.reduce(0) { $0 + $1.share }
        if sharesValid, abs(total - 1) > 1e-9 {
            report(path, "shares must sum to 1, got \(Self.format(total))")
        }
        target = result
    }
}
