/// The activities an event log may hold: the model's events as an organization's portfolio
/// tool would record them (MODEL.md section 5). The raw values are what a log spells; a
/// mapping file (``ActivityMapping``) renames an organization's own names to these.
public enum LogActivity: String, CaseIterable, Sendable {
    case intake
    case g0Approved = "g0_approved"
    case g0Rejected = "g0_rejected"
    case dataPrepStart = "data_prep_start"
    /// The end of the preparation work proper; a remediation (5.4) shows as the gap from here
    /// to `pilot_start`.
    case dataPrepEnd = "data_prep_end"
    case abandonedData = "abandoned_data"
    case pilotStart = "pilot_start"
    case pilotSuccess = "pilot_success"
    case pilotFailure = "pilot_failure"
    case auditEnd = "audit_end"
    case g1Approved = "g1_approved"
    case g1Denied = "g1_denied"
    /// The use case is dropped after its last G1 denial (5.6); follows that `g1_denied`.
    case stalledPurgatory = "stalled_purgatory"
    case scaleUpStart = "scale_up_start"
    case production
    case rolloutPhaseEnd = "rollout_phase_end"
    case adoptionStalled = "adoption_stalled"
    case scaled
    case driftDetected = "drift_detected"
    case retrained
    case incident
    case decommissioned

    /// Every valid spelling, for error messages.
    public static let validNames: String = allCases.map(\.rawValue).joined(separator: ", ")
}
