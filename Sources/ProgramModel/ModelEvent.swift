/// What an event does. Dispatch is one `switch` over this small enum (STYLE.md: no closures or
/// existentials in the event loop).
enum ModelEventKind: UInt8 {
    case arrival              // subject 0: one of the initial use cases; 1: the Poisson stream
    case enterG0              // end of the sequential planning hold (5.1)
    case localDecision        // a local G0 or G1 decision falls due (6.3)
    case committeeMeeting     // the steering committee meets (6.3)
    case dataPrepEnd, remediationEnd, pilotEnd
    case auditEnd, reworkEnd
    case scaleUpEnd, rolloutPhaseEnd
    case drift, driftDetected, retrainEnd   // 6.4
    case incident, rollbackEnd              // 6.5
    case foundationStart, foundationChunkEnd // 6.2, subject = foundation squad
    case squadsJoin                          // 6.7, subject = index into the joins, in join order
}

/// The payload the kernel's event list carries: a kind and an index into the model's tables.
struct ModelEvent {
    var kind: ModelEventKind
    var subject: Int32
}
