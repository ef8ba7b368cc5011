import SimKernel

/// Where a use case is in its life (MODEL.md section 5). Terminal stages say why it left.
enum UseCaseStage: UInt8 {
    case planningHold          // 5.1, sequential strategy only
    case g0Decision            // 5.2, waiting for or at G0
    case deferred              // 5.3, approved but its domain is not ready
    case waitingForPrepSquad   // 5.4, queued for a class-2 squad
    case dataPrep, remediation // 5.4, holding a squad
    case pilot                 // 5.5, holding the same squad
    case audit                 // 5.6
    case g1Decision            // 5.6, waiting for or at G1
    case rework                // 5.6
    case waitingForScaleSquad  // 5.7, approved, queued for a class-1 squad
    case scaleUp               // 5.7, holding a squad
    case rollout               // 5.8, between phases
    case operating             // rolled out fully, or stopped with a share > 0
    // Terminal:
    case rejected, abandonedData, failedTechnical, stalledPurgatory, decommissioned

    /// A successful pilot that has not reached production: pilot purgatory (5.6).
    var isInPurgatory: Bool {
        switch self {
        case .audit, .g1Decision, .rework, .waitingForScaleSquad: true
        default: false
        }
    }
}

/// Which gate a pending decision is for (5.2, 5.6).
enum Gate: UInt8 { case g0, g1 }

/// The work a use case has asked a squad for; one request is outstanding at a time.
enum SquadWork: UInt8 { case dataPrep, scaleUp, retrain }

/// One use case's attributes and state. Its own random stream lives here, so every draw about
/// it (attributes, durations, outcomes, decision delays) comes from the same stream whatever
/// the scenario: common random numbers (MODEL.md section 8).
struct UseCase {
    var rng: Xoshiro256StarStar
    var arrival: Double
    var valuePerMonth: Double
    var complexity: Double
    var highRisk: Bool
    var aligned: Bool
    var unit: Int32
    var domain: Int32
    var fit: Double
    /// Its place in a ranked squad queue (6.6): Ṽ, or Ṽ/c under wsjf; 0 under fifo.
    var rank: Double = 0

    var stage: UseCaseStage = .g0Decision
    var gate: Gate = .g0
    /// The work requested or in progress; nil when the use case holds no squad and waits for none.
    var work: SquadWork? = nil
    var audited = false
    var resubmissions = 0
    var phase = 0
    /// Readiness of its domain when data preparation started (5.4).
    var readinessAtPrep = 0.0
    var prepDuration = 0.0
    var decisionEnteredAt = 0.0
    var pilotSucceededAt = 0.0
    /// When its current step of work (data preparation, pilot, scale-up, rollout) began.
    var stepStartedAt = 0.0
    var share = 0.0
    /// Set at the end of its first successful rollout phase, its moment of first value (5.8).
    var reachedValue = false
    var drifted = false
    var rolledBack = false
    /// The use case's current contribution to the program's value rate (section 7).
    var valueRate = 0.0
}
