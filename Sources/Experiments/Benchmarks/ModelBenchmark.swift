import Foundation
import ProgramModel

/// Throughput of whole replications of a scenario: the figure researchers care about.
///
/// Times only the simulation (no statistics, no output); `execsim run` adds those on top.
public enum ModelBenchmark {
    public struct Result: Sendable {
        public var threads: Int
        public var replications: Int
        public var events: Int
        public var seconds: Double
        public var replicationsPerSecond: Double { Double(replications) / seconds }
        public var eventsPerSecond: Double { Double(events) / seconds }
        public var microsecondsPerReplication: Double { seconds * 1e6 / Double(replications) }
    }

    public static func run(_ scenario: Scenario, replications: Int, threads: Int, seed: UInt64) -> Result {
        let workers = ParallelReplications.workerCount(threads: threads, count: replications)
        let start = DispatchTime.now().uptimeNanoseconds
        let parameters = ModelParameters(scenario)
        let events = ParallelReplications.mapWithState(
            count: replications, threads: workers,
            makeState: { ProgramSimulation(parameters: parameters) },
            { sim, r in
                _ = sim.run(seed: seed, replication: r)
                return sim.eventsProcessed
            })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(threads: workers, replications: replications, events: events.reduce(0, +),
                      seconds: seconds)
    }

    /// The process's peak resident memory in bytes (VmHWM on Linux), nil where unknown.
    public static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
