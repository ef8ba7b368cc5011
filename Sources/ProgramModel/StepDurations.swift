/// Sums and counts of the work steps' durations in one replication: data preparation (with
/// remediation) up to the pilot's start, the pilot, scale-up, and the rollout from its first
/// phase to the last; a step counts when it finished within the horizon. Plain fields, so a
/// reset per replication allocates nothing.
struct StepDurations {
    enum Step { case dataPrep, pilot, scaleUp, rollout }

    private var dataPrep = (sum: 0.0, count: 0), pilot = (sum: 0.0, count: 0)
    private var scaleUp = (sum: 0.0, count: 0), rollout = (sum: 0.0, count: 0)

    mutating func add(_ step: Step, _ months: Double) {
        switch step {
        case .dataPrep: dataPrep.sum += months; dataPrep.count += 1
        case .pilot: pilot.sum += months; pilot.count += 1
        case .scaleUp: scaleUp.sum += months; scaleUp.count += 1
        case .rollout: rollout.sum += months; rollout.count += 1
        }
    }

    /// The mean duration; nil when no use case finished the step.
    func mean(_ step: Step) -> Double? {
        let s = switch step {
        case .dataPrep: dataPrep
        case .pilot: pilot
        case .scaleUp: scaleUp
        case .rollout: rollout
        }
        return s.count > 0 ? s.sum / Double(s.count) : nil
    }
}
