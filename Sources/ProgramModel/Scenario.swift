import SimKernel

/// One operating-model scenario: every parameter of MODEL.md section 9, with the defaults of
/// section 10. Durations are in months; money in k$.
///
/// A `Scenario()` is the calibrated baseline. Files are read by `Scenario.decode` (strict,
/// merging over these defaults) and written back, every field present, by `Scenario.encode`.
public struct Scenario: Sendable, Equatable {
    public var name: String = "baseline"
    public var description: String? = nil
    /// Default seed and replication count for a run of this file (command-line flags win).
    public var seed: UInt64? = nil
    public var replications: Int? = nil

    public var horizonMonths: Double = 60
    public var businessUnits: Int = 4
    public var portfolio = Portfolio()
    public var dataDomains: [DataDomainSpec] = [
        DataDomainSpec(name: "customer", readiness: 0.5),
        DataDomainSpec(name: "operations", readiness: 0.4),
        DataDomainSpec(name: "finance", readiness: 0.6),
        DataDomainSpec(name: "supply-chain", readiness: 0.3),
    ]
    public var teams = Teams()
    public var fit = Fit()
    public var governance = Governance()
    public var strategy = Strategy()
    public var coDevelopment = CoDevelopment()
    public var stages = Stages()
    public var architecture = Architecture()
    public var dataFoundation = DataFoundation()
    public var operations = Operations()
    public var compliance = Compliance()
    public var economics = Economics()

    public init() {}

    public struct Portfolio: Sendable, Equatable {
        public var initialUseCases: Int = 24
        public var arrivalsPerMonth: Double = 0.5
        public var arrivalsUntilMonth: Double = 48
        /// How a free squad picks among waiting class-1 and class-2 requests (6.6).
        public var prioritization: Prioritization = .fifo
        /// p90 / median of the estimated value over the true value (4.2); 1 is exact.
        public var valueEstimateP90Ratio: Double = 2
        public var archetypes: [Archetype] = [Archetype()]
        public init() {}
    }

    /// The ranking of waiting new work and scale-ups (MODEL.md 6.6).
    public enum Prioritization: String, Sendable, Equatable, CaseIterable {
        /// First come first served.
        case fifo
        /// The highest estimated value first.
        case value
        /// Weighted shortest job first: the highest estimated value per unit of complexity.
        case wsjf
    }

    public struct Archetype: Sendable, Equatable {
        public var name: String = "typical"
        public var weight: Double = 1
        public var valuePerMonth: Distribution = .lognormal(median: 200, p90: 750)
        public var complexity: Distribution = .triangular(min: 0.7, mode: 1.0, max: 1.6)
        public var highRiskShare: Double = 0.3
        public var alignedShare: Double = 0.6
        /// Names of data domains this archetype draws from; nil means all domains.
        public var domains: [String]? = nil
        public init() {}
    }

    public struct DataDomainSpec: Sendable, Equatable {
        public var name: String
        public var readiness: Double
        public init(name: String, readiness: Double) {
            self.name = name
            self.readiness = readiness
        }
    }

    public enum Placement: String, Sendable, Equatable, CaseIterable {
        case pooled, perBusinessUnit
    }

    public struct Teams: Sendable, Equatable {
        public var delivery: Int = 8
        public var placement: Placement = .pooled
        public var foundation: Int = 0
        public var costPerMonth: Double = 120
        /// Squads that join during the program (4.3, 6.7), in the order written.
        public var additions: [SquadAddition] = []
        public init() {}
    }

    /// `delivery` and `foundation` squads that join at `month` (MODEL.md 4.3, 6.7).
    public struct SquadAddition: Sendable, Equatable {
        public var month: Double
        public var delivery: Int
        public var foundation: Int
        public init(month: Double, delivery: Int = 0, foundation: Int = 0) {
            self.month = month
            self.delivery = delivery
            self.foundation = foundation
        }
    }

    public struct Fit: Sendable, Equatable {
        public var pooled: Double = 0.45
        public var perBusinessUnit: Double = 0.65
        public init() {}
    }

    public enum GovernanceStyle: String, Sendable, Equatable, CaseIterable {
        case centralized, federated, hybrid
    }

    public struct Governance: Sendable, Equatable {
        public var style: GovernanceStyle = .centralized
        public var committee = Committee()
        /// Mean of the exponential local decision delay; 0 means instant.
        public var localDecisionMonths: Double = 0.25
        public var screening = Screening()
        public var approveAligned: Double = 0.9
        public var localAuditShare: Double = 0.3
        public var auditDuration: Distribution = .triangular(min: 0.25, mode: 0.5, max: 1.5)
        public init() {}

        public struct Committee: Sendable, Equatable {
            public var cadenceMonths: Double = 1
            public var capacity: Int = 6
            public init() {}
        }

        public struct Screening: Sendable, Equatable {
            public var committee: Double = 0.7
            public var local: Double = 0.3
            public init() {}
        }
    }

    public enum StrategyApproach: String, Sendable, Equatable, CaseIterable {
        case parallel, sequential
    }

    public struct Strategy: Sendable, Equatable {
        public var approach: StrategyApproach = .parallel
        public var planningMonths: Double = 6
        public var plannedScreening: Double = 0.85
        public var learningPilots: Double = 10
        public var deferBelowReadiness: Double = 0.3
        public init() {}
    }

    public struct CoDevelopment: Sendable, Equatable {
        public var enabled: Bool = false
        public var embedMonths: Distribution = .fixed(2)
        public var overlap: Double = 0.5
        public var fitGain: Double = 0.6
        public init() {}
    }

    public struct Stages: Sendable, Equatable {
        public var dataPrep = DataPrep()
        public var pilot = Pilot()
        public var scaleApproval = ScaleApproval()
        public var scaleUp = ScaleUp()
        public var rollout = Rollout()
        public init() {}

        public struct DataPrep: Sendable, Equatable {
            public var duration: Distribution = .triangular(min: 1, mode: 2, max: 4)
            public var readinessPenalty: Double = 1.5
            public var blockerRate: Double = 0.5
            public var abandonOnBlocker: Double = 0.5
            public var remediationShare: Double = 0.5
            public init() {}
        }

        public struct Pilot: Sendable, Equatable {
            public var duration: Distribution = .triangular(min: 3, mode: 4, max: 6)
            public var baseSuccess: Double = 0.85
            public var dataSensitivity: Double = 0.4
            public var complexityExponent: Double = 0.5
            public init() {}
        }

        public struct ScaleApproval: Sendable, Equatable {
            public var base: Double = 0.2
            public var misalignedEvidence: Double = 0.4
            public var reworkMonths: Distribution = .fixed(2)
            public var maxResubmissions: Int = 2
            public var reworkFitGain: Double = 0.4
            public init() {}
        }

        public struct ScaleUp: Sendable, Equatable {
            public var duration: Distribution = .triangular(min: 2.5, mode: 4.5, max: 7)
            public init() {}
        }

        public struct Rollout: Sendable, Equatable {
            public var phases: [Phase] = [
                Phase(name: "department", share: 0.1),
                Phase(name: "region", share: 0.3),
                Phase(name: "enterprise", share: 0.6),
            ]
            public var baseAdoption: Double = 0.6
            public var changeManagement: Double = 0.3
            public var misalignedAdoption: Double = 0.5
            public init() {}

            public struct Phase: Sendable, Equatable {
                public var name: String
                public var share: Double
                public var duration: Distribution
                public init(name: String, share: Double,
                            duration: Distribution = .triangular(min: 1, mode: 2, max: 4)) {
                    self.name = name
                    self.share = share
                    self.duration = duration
                }
            }
        }
    }

    public struct Architecture: Sendable, Equatable {
        public var coupling: Double = 0.02
        public var eventDriven: Bool = false
        public var eventDrivenFactor: Double = 0.25
        public init() {}
    }

    public struct DataFoundation: Sendable, Equatable {
        public var chunkMonths: Double = 1
        public var gainPerSquadMonth: Double = 0.03
        public var maxReadiness: Double = 0.95
        public init() {}
    }

    public struct Operations: Sendable, Equatable {
        public var driftPerYear: Double = 1.5
        public var driftValueLoss: Double = 0.3
        public var monitoring: Bool = false
        public var detectionMonths = DetectionMonths()
        public var retrainDuration: Distribution = .triangular(min: 0.25, mode: 0.5, max: 1)
        public init() {}

        public struct DetectionMonths: Sendable, Equatable {
            public var monitored: Double = 0.25
            public var unmonitored: Double = 4
            public init() {}
        }
    }

    public struct Compliance: Sendable, Equatable {
        public var incidentsPerYear = IncidentsPerYear()
        public var rollbackMonths: Distribution = .fixed(3)
        public init() {}

        public struct IncidentsPerYear: Sendable, Equatable {
            public var audited: Double = 0.02
            public var unaudited: Double = 0.15
            public init() {}
        }
    }

    public struct Economics: Sendable, Equatable {
        public var discountRatePerYear: Double = 0.10
        /// k$ per month for every use case in its pilot stage (section 7).
        public var pilotCostPerMonth: Double = 0
        /// k$ per month for every use case in scale-up.
        public var scaleUpCostPerMonth: Double = 0
        /// k$ per month for every production system, until decommissioned or the horizon.
        public var runCostPerMonth: Double = 0
        public init() {}
    }
}
