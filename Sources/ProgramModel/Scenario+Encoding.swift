import SimKernel

/// Writing a scenario back as a file that `Scenario.decode` reads to the same value: every
/// field present (so a written file documents the whole model), keys in the order of MODEL.md
/// section 10, durations as numbers of months, fixed distributions as bare numbers.
extension Scenario {
    public func encode() -> JSONValue {
        var root: [(key: String, value: JSONValue)] = [("name", .string(name))]
        if let description { root.append(("description", .string(description))) }
        if let seed { root.append(("seed", .number(Double(seed)))) }
        if let replications { root.append(("replications", .number(Double(replications)))) }
        root += [
            ("horizonMonths", .number(horizonMonths)),
            ("businessUnits", .number(Double(businessUnits))),
            ("portfolio", .object([
                ("initialUseCases", .number(Double(portfolio.initialUseCases))),
                ("arrivalsPerMonth", .number(portfolio.arrivalsPerMonth)),
                ("arrivalsUntilMonth", .number(portfolio.arrivalsUntilMonth)),
                ("prioritization", .string(portfolio.prioritization.rawValue)),
                ("valueEstimateP90Ratio", .number(portfolio.valueEstimateP90Ratio)),
                ("archetypes", .array(portfolio.archetypes.map(Self.encode(archetype:)))),
            ])),
            ("dataDomains", .array(dataDomains.map {
                .object([("name", .string($0.name)), ("readiness", .number($0.readiness))])
            })),
            ("teams", .object([
                ("delivery", .number(Double(teams.delivery))),
                ("placement", .string(teams.placement.rawValue)),
                ("foundation", .number(Double(teams.foundation))),
                ("costPerMonth", .number(teams.costPerMonth)),
                ("additions", .array(teams.additions.map {
                    .object([
                        ("month", .number($0.month)),
                        ("delivery", .number(Double($0.delivery))),
                        ("foundation", .number(Double($0.foundation))),
                    ])
                })),
            ])),
            ("fit", .object([
                ("pooled", .number(fit.pooled)),
                ("perBusinessUnit", .number(fit.perBusinessUnit)),
            ])),
            ("governance", .object([
                ("style", .string(governance.style.rawValue)),
                ("committee", .object([
                    ("cadenceMonths", .number(governance.committee.cadenceMonths)),
                    ("capacity", .number(Double(governance.committee.capacity))),
                ])),
                ("localDecisionMonths", .number(governance.localDecisionMonths)),
                ("screening", .object([
                    ("committee", .number(governance.screening.committee)),
                    ("local", .number(governance.screening.local)),
                ])),
                ("approveAligned", .number(governance.approveAligned)),
                ("localAuditShare", .number(governance.localAuditShare)),
                ("auditDuration", Self.encode(governance.auditDuration)),
            ])),
            ("strategy", .object([
                ("approach", .string(strategy.approach.rawValue)),
                ("planningMonths", .number(strategy.planningMonths)),
                ("plannedScreening", .number(strategy.plannedScreening)),
                ("learningPilots", .number(strategy.learningPilots)),
                ("deferBelowReadiness", .number(strategy.deferBelowReadiness)),
            ])),
            ("coDevelopment", .object([
                ("enabled", .bool(coDevelopment.enabled)),
                ("embedMonths", Self.encode(coDevelopment.embedMonths)),
                ("overlap", .number(coDevelopment.overlap)),
                ("fitGain", .number(coDevelopment.fitGain)),
            ])),
            ("stages", encodeStages()),
            ("architecture", .object([
                ("coupling", .number(architecture.coupling)),
                ("eventDriven", .bool(architecture.eventDriven)),
                ("eventDrivenFactor", .number(architecture.eventDrivenFactor)),
            ])),
            ("dataFoundation", .object([
                ("chunkMonths", .number(dataFoundation.chunkMonths)),
                ("gainPerSquadMonth", .number(dataFoundation.gainPerSquadMonth)),
                ("maxReadiness", .number(dataFoundation.maxReadiness)),
            ])),
            ("operations", .object([
                ("driftPerYear", .number(operations.driftPerYear)),
                ("driftValueLoss", .number(operations.driftValueLoss)),
                ("monitoring", .bool(operations.monitoring)),
                ("detectionMonths", .object([
                    ("monitored", .number(operations.detectionMonths.monitored)),
                    ("unmonitored", .number(operations.detectionMonths.unmonitored)),
                ])),
                ("retrainDuration", Self.encode(operations.retrainDuration)),
            ])),
            ("compliance", .object([
                ("incidentsPerYear", .object([
                    ("audited", .number(compliance.incidentsPerYear.audited)),
                    ("unaudited", .number(compliance.incidentsPerYear.unaudited)),
                ])),
                ("rollbackMonths", Self.encode(compliance.rollbackMonths)),
            ])),
            ("economics", .object([
                ("discountRatePerYear", .number(economics.discountRatePerYear)),
                ("pilotCostPerMonth", .number(economics.pilotCostPerMonth)),
                ("scaleUpCostPerMonth", .number(economics.scaleUpCostPerMonth)),
                ("runCostPerMonth", .number(economics.runCostPerMonth)),
            ])),
        ]
        return .object(root)
    }

    /// The scenario file text (pretty JSON ending with a newline).
    public func jsonText() -> String {
        JSONWriter.prettyText(encode())
    }

    private func encodeStages() -> JSONValue {
        .object([
            ("dataPrep", .object([
                ("duration", Self.encode(stages.dataPrep.duration)),
                ("readinessPenalty", .number(stages.dataPrep.readinessPenalty)),
                ("blockerRate", .number(stages.dataPrep.blockerRate)),
                ("abandonOnBlocker", .number(stages.dataPrep.abandonOnBlocker)),
                ("remediationShare", .number(stages.dataPrep.remediationShare)),
            ])),
            ("pilot", .object([
                ("duration", Self.encode(stages.pilot.duration)),
                ("baseSuccess", .number(stages.pilot.baseSuccess)),
                ("dataSensitivity", .number(stages.pilot.dataSensitivity)),
                ("complexityExponent", .number(stages.pilot.complexityExponent)),
            ])),
            ("scaleApproval", .object([
                ("base", .number(stages.scaleApproval.base)),
                ("misalignedEvidence", .number(stages.scaleApproval.misalignedEvidence)),
                ("reworkMonths", Self.encode(stages.scaleApproval.reworkMonths)),
                ("maxResubmissions", .number(Double(stages.scaleApproval.maxResubmissions))),
                ("reworkFitGain", .number(stages.scaleApproval.reworkFitGain)),
            ])),
            ("scaleUp", .object([
                ("duration", Self.encode(stages.scaleUp.duration)),
            ])),
            ("rollout", .object([
                ("phases", .array(stages.rollout.phases.map {
                    .object([
                        ("name", .string($0.name)),
                        ("share", .number($0.share)),
                        ("duration", Self.encode($0.duration)),
                    ])
                })),
                ("baseAdoption", .number(stages.rollout.baseAdoption)),
                ("changeManagement", .number(stages.rollout.changeManagement)),
                ("misalignedAdoption", .number(stages.rollout.misalignedAdoption)),
            ])),
        ])
    }

    /// An archetype; `domains` is written only when set (absent means all domains).
    private static func encode(archetype a: Archetype) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(a.name)),
            ("weight", .number(a.weight)),
            ("valuePerMonth", encode(a.valuePerMonth)),
            ("complexity", encode(a.complexity)),
            ("highRiskShare", .number(a.highRiskShare)),
            ("alignedShare", .number(a.alignedShare)),
        ]
        if let domains = a.domains {
            members.append(("domains", .array(domains.map { .string($0) })))
        }
        return .object(members)
    }

    /// A distribution as MODEL.md section 3 spells it: fixed as a bare number, others as a
    /// `dist` object with their fields in the table's order; optional fields only when set
    /// (pert's lambda always, so the value written is the value used).
    static func encode(_ d: Distribution) -> JSONValue {
        func object(_ fields: [(String, Double)]) -> JSONValue {
            .object([("dist", .string(d.name))] + fields.map { (key: $0.0, value: .number($0.1)) })
        }
        switch d {
        case .fixed(let value):
            return .number(value)
        case .uniform(let min, let max):
            return object([("min", min), ("max", max)])
        case .triangular(let min, let mode, let max):
            return object([("min", min), ("mode", mode), ("max", max)])
        case .pert(let min, let mode, let max, let lambda):
            return object([("min", min), ("mode", mode), ("max", max), ("lambda", lambda)])
        case .exponential(let mean):
            return object([("mean", mean)])
        case .lognormal(let median, let p90):
            return object([("median", median), ("p90", p90)])
        case .gamma(let mean, let cv):
            return object([("mean", mean), ("cv", cv)])
        case .normal(let mean, let sd, let min, let max):
            var fields = [("mean", mean), ("sd", sd)]
            if let min { fields.append(("min", min)) }
            if let max { fields.append(("max", max)) }
            return object(fields)
        case .empirical(let values, let weights):
            var members: [(key: String, value: JSONValue)] = [
                ("dist", .string(d.name)),
                ("values", .array(values.map { .number($0) })),
            ]
            if let weights { members.append(("weights", .array(weights.map { .number($0) }))) }
            return .object(members)
        }
    }
}
