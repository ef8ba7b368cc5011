/// What an event does. Dispatch is one `switch` over this small enum (STYLE.md: no closures or
/// existentials in the event loop).
enum ModelEventKind: UInt8 {
    case initialArrivals      // the use cases present at t = 0, all of them (section 2)
    case poissonArrival       // the next arrival of the Poisson stream (4.1)
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

/// The payload the kernel's event list carries: a kind and an index into the model's tables
/// (the use case, or the foundation squad; unused by arrivals and committee meetings).
struct ModelEvent {
    var kind: ModelEventKind
    var subject: Int32
}
