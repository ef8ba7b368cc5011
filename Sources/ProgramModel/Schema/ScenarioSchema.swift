import SimKernel

/// Every field of a scenario file, described once (MODEL.md section 9; defaults of section 10
/// are `Scenario()`'s). The order here is the order files are written in and keys are listed
/// in messages. To add a field: add its property to `Scenario` and one entry here.
public enum ScenarioSchema {
    public typealias Field = ScenarioField<Scenario>

    public static let fields: [Field] = [
        .text("name", \.name, required: true, section: "9", "The scenario's name: names its result folder and its rows in comparisons."),
        .text("description", \.description, section: "9", "Free text about the scenario, kept in written files."),
        .whole("seed", \.seed, atLeast: 0, section: "8", "Default seed of a run of this file (the --seed flag wins)."),
        .whole("replications", \.replications, atLeast: 1, section: "8", "Default replication count of a run of this file (the --replications flag wins)."),
        .number("horizonMonths", \.horizonMonths, .greaterThan(0), duration: true, section: "2", "Simulated months; every figure is measured up to this horizon."),
        .whole("businessUnits", \.businessUnits, atLeast: 1, section: "4.1", "Business units B; each use case belongs to one, drawn uniformly."),

        .whole("portfolio.initialUseCases", \.portfolio.initialUseCases, atLeast: 0, section: "4.2", "Use cases that arrive at t = 0."),
        .number("portfolio.arrivalsPerMonth", \.portfolio.arrivalsPerMonth, .atLeast(0), section: "4.2", "Rate of later Poisson arrivals."),
        .number("portfolio.arrivalsUntilMonth", \.portfolio.arrivalsUntilMonth, .atLeast(0), duration: true, section: "4.2", "Arrivals stop at this month (capped at the horizon)."),
        .choice("portfolio.prioritization", \.portfolio.prioritization, section: "6.6", "Which waiting scale-up or new work a free squad takes: first come first served, the highest estimated value, or the highest estimated value per unit of complexity (wsjf)."),
        .number("portfolio.valueEstimateP90Ratio", \.portfolio.valueEstimateP90Ratio, .atLeast(1), section: "4.2", "The estimated value is within this factor of the truth 80% of the time; 1 is exact."),
        .list("portfolio.archetypes", \.portfolio.archetypes, element: Scenario.Archetype.init, fields: archetypeFields,
              check: { reader, path, archetypes in
                  let total = archetypes.reduce(0) { $0 + $1.weight }
                  if !(total > 0) { reader.report(path, "weights must sum to a positive number, got \(DocumentReader.format(total))") }
              },
              section: "4.2", "Kinds of use case; each use case draws one by weight. Replaces the default list."),

        .list("dataDomains", \.dataDomains, element: { Scenario.DataDomainSpec(name: "", readiness: defaultDomainReadiness) },
              fields: dataDomainFields, uniqueName: \.name,
              section: "4.1", "Data domains; each use case uses one. Replaces the default list."),

        .whole("teams.delivery", \.teams.delivery, atLeast: 1, section: "4.3", "Delivery squads T: data preparation, pilots, scale-up and retraining."),
        .choice("teams.placement", \.teams.placement, section: "4.3", "pooled: one central pool; perBusinessUnit: squad b serves unit b mod B."),
        .whole("teams.foundation", \.teams.foundation, atLeast: 0, section: "6.2", "Data-foundation squads F raising domain readiness."),
        .number("teams.costPerMonth", \.teams.costPerMonth, .atLeast(0), section: "4.3", "Cost of every squad per month from the month it joins, busy or idle (k$)."),
        .list("teams.additions", \.teams.additions, nonEmpty: false, element: { Scenario.SquadAddition(month: 0) },
              fields: additionFields,
              section: "6.7", "Squads that join during the program, numbered in join order (by month, then as listed)."),

        .number("fit.pooled", \.fit.pooled, .fraction, section: "4.4", "Base operational fit of a use case served by pooled squads."),
        .number("fit.perBusinessUnit", \.fit.perBusinessUnit, .fraction, section: "4.4", "Base operational fit of a use case served by its unit's squads."),

        .choice("governance.style", \.governance.style, section: "6.3", "Who decides G0 and G1: the committee, locally, or the committee for high-risk use cases only."),
        .number("governance.committee.cadenceMonths", \.governance.committee.cadenceMonths, .greaterThan(0), duration: true, section: "6.3", "Months between steering-committee meetings."),
        .whole("governance.committee.capacity", \.governance.committee.capacity, atLeast: 1, section: "6.3", "Items the committee decides at most per meeting."),
        .number("governance.localDecisionMonths", \.governance.localDecisionMonths, .atLeast(0), duration: true, section: "6.3", "Mean of the exponential local decision delay; 0 means instant."),
        .number("governance.screening.committee", \.governance.screening.committee, .fraction, section: "5.2", "Screening strength of a committee G0 decision on a misaligned use case."),
        .number("governance.screening.local", \.governance.screening.local, .fraction, section: "5.2", "Screening strength of a local G0 decision on a misaligned use case."),
        .number("governance.approveAligned", \.governance.approveAligned, .fraction, section: "5.2", "G0 approval probability of an aligned use case."),
        .number("governance.localAuditShare", \.governance.localAuditShare, .fraction, section: "5.6", "Probability that a locally decided G1 is audited first."),
        .distribution("governance.auditDuration", \.governance.auditDuration, duration: true, section: "5.6", "Duration of an audit (holds no squad)."),

        .choice("strategy.approach", \.strategy.approach, section: "5.1", "parallel: work starts at once; sequential: the strategy is planned first."),
        .number("strategy.planningMonths", \.strategy.planningMonths, .atLeast(0), duration: true, section: "5.1", "Planning hold before G0 under sequential."),
        .number("strategy.plannedScreening", \.strategy.plannedScreening, .fraction, section: "5.2", "Screening strength a finished strategy gives G0."),
        .number("strategy.learningPilots", \.strategy.learningPilots, .greaterThan(0), section: "5.2", "Pilots after which parallel screening reaches 63% of plannedScreening."),
        .number("strategy.deferBelowReadiness", \.strategy.deferBelowReadiness, .fraction, section: "5.3", "Under sequential, approved use cases wait until their domain is this ready."),

        .bool("coDevelopment.enabled", \.coDevelopment.enabled, section: "6.1", "Embed data scientists with frontline users during pilots."),
        .distribution("coDevelopment.embedMonths", \.coDevelopment.embedMonths, duration: true, section: "5.5", "Months of embedding added to a pilot (times 1 − overlap)."),
        .number("coDevelopment.overlap", \.coDevelopment.overlap, .fraction, section: "5.5", "Share of the embedding that overlaps the pilot's own work."),
        .number("coDevelopment.fitGain", \.coDevelopment.fitGain, .fraction, section: "4.4", "Share of the fit gap (1 − f) that co-development closes."),

        .distribution("stages.dataPrep.duration", \.stages.dataPrep.duration, duration: true, section: "5.4", "Base data-preparation duration (times complexity and the readiness penalty)."),
        .number("stages.dataPrep.readinessPenalty", \.stages.dataPrep.readinessPenalty, .atLeast(0), section: "5.4", "Duration multiplier per unit of missing readiness (1 − r)."),
        .number("stages.dataPrep.blockerRate", \.stages.dataPrep.blockerRate, .fraction, section: "5.4", "Blocking data problem probability per unit of missing readiness."),
        .number("stages.dataPrep.abandonOnBlocker", \.stages.dataPrep.abandonOnBlocker, .fraction, section: "5.4", "Probability that a blocked use case is abandoned rather than remediated."),
        .number("stages.dataPrep.remediationShare", \.stages.dataPrep.remediationShare, .atLeast(0), section: "5.4", "Remediation time as a share of the data-prep duration."),
        .distribution("stages.pilot.duration", \.stages.pilot.duration, duration: true, section: "5.5", "Base pilot duration (times complexity)."),
        .number("stages.pilot.baseSuccess", \.stages.pilot.baseSuccess, .fraction, section: "5.5", "Technical success probability with ready data and complexity 1."),
        .number("stages.pilot.dataSensitivity", \.stages.pilot.dataSensitivity, .fraction, section: "5.5", "Loss of success probability per unit of missing readiness."),
        .number("stages.pilot.complexityExponent", \.stages.pilot.complexityExponent, .atLeast(0), section: "5.5", "Success falls as complexity to the minus this power."),
        .number("stages.scaleApproval.base", \.stages.scaleApproval.base, .fraction, section: "5.6", "G1 approval probability with no fit."),
        .number("stages.scaleApproval.misalignedEvidence", \.stages.scaleApproval.misalignedEvidence, .fraction, section: "5.6", "Weight of a misaligned use case's evidence at G1."),
        .distribution("stages.scaleApproval.reworkMonths", \.stages.scaleApproval.reworkMonths, duration: true, section: "5.6", "Rework after a denied G1 (holds no squad)."),
        .whole("stages.scaleApproval.maxResubmissions", \.stages.scaleApproval.maxResubmissions, atLeast: 0, section: "5.6", "Resubmissions to G1 before a use case stalls in purgatory."),
        .number("stages.scaleApproval.reworkFitGain", \.stages.scaleApproval.reworkFitGain, .fraction, section: "5.6", "Share of the fit gap each rework closes."),
        .distribution("stages.scaleUp.duration", \.stages.scaleUp.duration, duration: true, section: "5.7", "Base scale-up duration (times complexity and coupling)."),
        .list("stages.rollout.phases", \.stages.rollout.phases, element: { Scenario.Stages.Rollout.Phase(name: "", share: 0) },
              fields: phaseFields, uniqueName: \.name,
              check: { reader, path, phases in
                  let total = phases.reduce(0) { $0 + $1.share }
                  if abs(total - 1) > 1e-9 { reader.report(path, "shares must sum to 1, got \(DocumentReader.format(total))") }
              },
              section: "5.8", "Rollout phases in order; shares sum to 1. Replaces the default list."),
        .number("stages.rollout.baseAdoption", \.stages.rollout.baseAdoption, .fraction, section: "5.8", "Adoption probability of a phase at fit 0 without change management."),
        .number("stages.rollout.changeManagement", \.stages.rollout.changeManagement, .fraction, section: "5.8", "Share of the adoption risk change management removes."),
        .number("stages.rollout.misalignedAdoption", \.stages.rollout.misalignedAdoption, .fraction, section: "5.8", "Adoption multiplier of a misaligned use case."),

        .number("architecture.coupling", \.architecture.coupling, .atLeast(0), section: "5.7", "Scale-up slowdown per system already in production."),
        .bool("architecture.eventDriven", \.architecture.eventDriven, section: "5.7", "An event-driven architecture that decouples systems."),
        .number("architecture.eventDrivenFactor", \.architecture.eventDrivenFactor, .atLeast(0), section: "5.7", "Coupling multiplier of an event-driven architecture."),

        .number("dataFoundation.chunkMonths", \.dataFoundation.chunkMonths, .greaterThan(0), duration: true, section: "6.2", "Months a foundation squad works on a domain before its readiness rises."),
        .number("dataFoundation.gainPerSquadMonth", \.dataFoundation.gainPerSquadMonth, .atLeast(0), section: "6.2", "Readiness gained per foundation squad-month."),
        .number("dataFoundation.maxReadiness", \.dataFoundation.maxReadiness, .fraction, section: "6.2", "Readiness foundation work stops at."),

        .number("operations.driftPerYear", \.operations.driftPerYear, .atLeast(0), section: "6.4", "Drift rate of a use case in production."),
        .number("operations.driftValueLoss", \.operations.driftValueLoss, .fraction, section: "6.4", "Share of value lost while drifted."),
        .bool("operations.monitoring", \.operations.monitoring, section: "6.4", "Models are monitored, so drift is found sooner."),
        .number("operations.detectionMonths.monitored", \.operations.detectionMonths.monitored, .atLeast(0), duration: true, section: "6.4", "Mean time to detect drift with monitoring."),
        .number("operations.detectionMonths.unmonitored", \.operations.detectionMonths.unmonitored, .atLeast(0), duration: true, section: "6.4", "Mean time to detect drift without monitoring."),
        .distribution("operations.retrainDuration", \.operations.retrainDuration, duration: true, section: "6.4", "Retraining, holding a squad at the highest priority."),

        .number("compliance.incidentsPerYear.audited", \.compliance.incidentsPerYear.audited, .atLeast(0), section: "6.5", "Incident rate of an audited use case in production."),
        .number("compliance.incidentsPerYear.unaudited", \.compliance.incidentsPerYear.unaudited, .atLeast(0), section: "6.5", "Incident rate of an unaudited use case in production."),
        .distribution("compliance.rollbackMonths", \.compliance.rollbackMonths, duration: true, section: "6.5", "Months of no value after an incident."),

        .number("economics.discountRatePerYear", \.economics.discountRatePerYear, .greaterThan(-1), section: "7", "Annual rate discounting value and cost to present value."),
        .number("economics.pilotCostPerMonth", \.economics.pilotCostPerMonth, .atLeast(0), section: "7", "Cost per month of every use case in its pilot stage, beyond squads (k$)."),
        .number("economics.scaleUpCostPerMonth", \.economics.scaleUpCostPerMonth, .atLeast(0), section: "7", "Cost per month of every use case in scale-up, beyond squads (k$)."),
        .number("economics.runCostPerMonth", \.economics.runCostPerMonth, .atLeast(0), section: "7", "Cost per month of every production system until decommissioned: infrastructure, licences, tokens (k$)."),
    ]

    static let archetypeFields: [ScenarioField<Scenario.Archetype>] = [
        .text("name", \.name, section: "4.2", "The archetype's name."),
        .number("weight", \.weight, .atLeast(0), section: "4.2", "Relative share of use cases of this kind."),
        .distribution("valuePerMonth", \.valuePerMonth, duration: false, section: "4.2", "Value per month (k$) once fully rolled out."),
        .distribution("complexity", \.complexity, duration: false, section: "4.2", "Multiplies data-prep, pilot and scale-up durations (clamped to at least 0.05)."),
        .number("highRiskShare", \.highRiskShare, .fraction, section: "4.2", "Probability a use case is high risk (committee review under hybrid)."),
        .number("alignedShare", \.alignedShare, .fraction, section: "4.2", "Probability a use case is tied to a measurable business objective."),
        .names("domains", \.domains, section: "4.1", "Data domains this kind draws from; absent means all."),
    ]

    static let additionFields: [ScenarioField<Scenario.SquadAddition>] = [
        .number("month", \.month, .atLeast(0), duration: true, section: "6.7", "When the squads join, in [0, horizonMonths].").mandatory(),
        .whole("delivery", \.delivery, atLeast: 0, section: "4.3", "Delivery squads that join."),
        .whole("foundation", \.foundation, atLeast: 0, section: "6.2", "Data-foundation squads that join."),
    ]

    static let dataDomainFields: [ScenarioField<Scenario.DataDomainSpec>] = [
        .text("name", \.name, required: true, section: "4.1", "The domain's name, unique in the list."),
        .number("readiness", \.readiness, .fraction, section: "4.1", "How clean, accessible and governed the domain's data is at t = 0."),
    ]

    static let phaseFields: [ScenarioField<Scenario.Stages.Rollout.Phase>] = [
        .text("name", \.name, required: true, section: "5.8", "The phase's name, unique in the list."),
        .number("share", \.share, .fraction, section: "5.8", "Share of the value this phase adds on success.").mandatory(),
        .distribution("duration", \.duration, duration: true, section: "5.8", "The phase's duration."),
    ]

    /// Readiness of a data domain listed without one. 0.5 is the middle of the scale and the
    /// default `customer` domain's value: a user who adds a domain without saying how ready its
    /// data is gets neither an optimistic nor a pessimistic assumption.
    static let defaultDomainReadiness = 0.5

    /// Checks between fields, run only when the fields they read are valid on their own, so a
    /// user gets no second issue about a value already reported.
    static let rules: [ScenarioRule] = [
        ScenarioRule(fields: ["businessUnits", "teams.delivery", "teams.placement"]) { reader, s in
            if s.teams.placement == .perBusinessUnit, s.teams.delivery < s.businessUnits {
                reader.report("$.teams.delivery",
                              "perBusinessUnit placement needs at least one squad per business unit (\(s.businessUnits)), got \(s.teams.delivery)")
            }
        },
        ScenarioRule(fields: ["horizonMonths", "teams.additions"]) { reader, s in
            for (k, addition) in s.teams.additions.enumerated() where addition.month > s.horizonMonths {
                reader.report("$.teams.additions[\(k)].month",
                              "must be a month in [0, horizonMonths = \(DocumentReader.format(s.horizonMonths))], got \(DocumentReader.format(addition.month))")
            }
        },
        ScenarioRule(fields: ["dataDomains", "portfolio.archetypes"]) { reader, s in
            let known = Set(s.dataDomains.map(\.name))
            let valid = s.dataDomains.map(\.name).joined(separator: ", ")
            for (i, archetype) in s.portfolio.archetypes.enumerated() {
                for (k, name) in (archetype.domains ?? []).enumerated() where !known.contains(name) {
                    reader.report("$.portfolio.archetypes[\(i)].domains[\(k)]",
                                  "\(JSONWriter.quote(name)) names no data domain; valid: \(valid)")
                }
            }
        },
    ]

    static let object = ObjectSchema(fields: fields)

    /// The valid keys of the object at a dotted path of the scenario ("" for the root).
    public static func keys(at path: String) -> [String] { object.keys(at: path) }

    /// Every field, list elements' fields included ("portfolio.archetypes[].weight"), with
    /// its default from `Scenario()`.
    public static var descriptions: [FieldDescription] { object.descriptions(prefix: "", defaults: Scenario()) }
}

/// A check between fields of a scenario (MODEL.md section 9), skipped when any of `fields` is
/// itself invalid. (Unchecked Sendable: an immutable closure.)
struct ScenarioRule: @unchecked Sendable {
    let fields: [String]
    let check: (DocumentReader, Scenario) -> Void
}
