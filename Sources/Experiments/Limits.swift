/// The stated limits of execsim's commands, refused up front with a message that gives the
/// limit (docs/limits.md lists them all). Each keeps a run within this kind of machine's
/// memory, or a number exact in the JSON files execsim writes.
public enum Limits {
    /// Largest seed: seeds are stored in `scenario.json` and `manifest.json` as JSON numbers,
    /// which are exact up to 2^53.
    public static let seed: UInt64 = 1 << 53

    /// Replications of one `run`: streamed, so memory stays flat; this bounds the time (about
    /// an hour for the baseline on two cores) and keeps counts exact.
    public static let runReplications = 100_000_000

    /// Worker threads: more than this only adds memory (one simulation each).
    public static let threads = 256

    /// Memory a command may plan to hold at once (`compare` keeps each compared value of every
    /// replication of every scenario for its paired differences).
    public static let memoryBytes = 4_000_000_000

    /// `bench kernel --pending`: the event list holds this many events.
    public static let benchPending = 10_000_000
    /// `bench model --replications`: the benchmark keeps one count per replication.
    public static let benchReplications = 10_000_000

    /// Bytes `compare` keeps per compared metric, replication and scenario (a `Double?`).
    public static let comparedValueBytes = MemoryLayout<Double?>.stride

    /// "3.2 GB" for messages.
    public static func describe(bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes, unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(Int(value)) bytes" : "\(value < 10 ? String(Double(Int(value * 10)) / 10) : String(Int(value))) \(units[unit])"
    }
}
