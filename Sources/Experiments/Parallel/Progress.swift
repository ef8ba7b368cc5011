/// What a long computation tells whoever started it, so the command line can draw progress
/// without the experiment layer knowing of terminals: `started` once per part (a scenario of a
/// run or a comparison, a sweep), then `advanced` from worker threads as replications or points
/// finish, then `finished`.
public enum ProgressEvent: Sendable, Equatable {
    case started(label: String, total: Int)
    case advanced(by: Int)
    case finished
}

/// Receives `ProgressEvent`s; called from any thread.
public typealias ProgressHandler = @Sendable (ProgressEvent) -> Void
