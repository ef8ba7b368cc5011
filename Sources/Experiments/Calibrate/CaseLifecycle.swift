/// The order in which a use case's events may come (MODEL.md section 5), as a small state
/// machine: a log whose cases break it is out of order (or mislabelled), and a calibration
/// fed with it would count nonsense.
struct CaseLifecycle {
    enum Stage {
        case start, intake, g0Approved, dataPrep, dataPrepEnded, pilot, pilotSucceeded, audited
        case g1Denied, g1Approved, scaleUp, rollout, operating, stalledWithoutValue, closed
    }

    private(set) var stage = Stage.start
    /// Whether the use case has value (a rollout phase succeeded): drift and incidents can
    /// happen from then on (6.4, 6.5).
    private(set) var hasValue = false
    private(set) var driftOpen = false

    /// Moves on with `activity`, or returns what would have been valid instead.
    mutating func accept(_ activity: LogActivity) -> [LogActivity]? {
        if let next = nextStage(activity) {
            stage = next
            switch activity {
            case .rolloutPhaseEnd: hasValue = true
            case .driftDetected: driftOpen = true
            case .retrained: driftOpen = false
            default: break
            }
            return nil
        }
        return LogActivity.allCases.filter { nextStage($0) != nil }
    }

    private func nextStage(_ a: LogActivity) -> Stage? {
        if hasValue && stage != .closed {
            switch a {
            case .driftDetected: return driftOpen ? nil : stage
            case .retrained: return driftOpen ? stage : nil
            case .incident: return stage
            default: break
            }
        }
        switch (stage, a) {
        case (.start, .intake): return .intake
        case (.intake, .g0Approved): return .g0Approved
        case (.intake, .g0Rejected): return .closed
        case (.g0Approved, .dataPrepStart): return .dataPrep
        case (.dataPrep, .dataPrepEnd): return .dataPrepEnded
        case (.dataPrepEnded, .pilotStart): return .pilot
        case (.dataPrepEnded, .abandonedData): return .closed
        case (.pilot, .pilotSuccess): return .pilotSucceeded
        case (.pilot, .pilotFailure): return .closed
        case (.pilotSucceeded, .auditEnd): return .audited
        case (.pilotSucceeded, .g1Approved), (.audited, .g1Approved), (.g1Denied, .g1Approved): return .g1Approved
        case (.pilotSucceeded, .g1Denied), (.audited, .g1Denied), (.g1Denied, .g1Denied): return .g1Denied
        case (.g1Denied, .stalledPurgatory): return .closed
        case (.g1Approved, .scaleUpStart): return .scaleUp
        case (.scaleUp, .production): return .rollout
        case (.rollout, .rolloutPhaseEnd): return .rollout
        case (.rollout, .adoptionStalled): return hasValue ? .operating : .stalledWithoutValue
        case (.rollout, .scaled): return hasValue ? .operating : nil
        case (.stalledWithoutValue, .decommissioned): return .closed
        default: return nil
        }
    }
}
