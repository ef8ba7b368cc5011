import ProgramModel

/// A case of interest for scenario discovery: a statement that holds or not in each world,
/// judged on the world's mean figures (experiments.csv).
///
///     hybrid-federated beats centralized-pooled on pilot_to_scale_rate
///     hybrid-federated clearly beats centralized-pooled on pilot_to_scale_rate
///     centralized-pooled is best on npv
///     npv of centralized-pooled < 0          (also <=, >, >=)
///
/// "beats" is a strictly better mean in the metric's direction; "clearly beats" a better mean
/// by more than √(h₁² + h₂²), the two means' 95% half-widths combined as if independent (a
/// conservative test: common random numbers only narrow the paired interval); "is best" is the
/// best mean of all policies (the first of equal means). A world where a figure the case needs is undefined
/// does not count as a case.
public struct DiscoveryCase: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case best(policy: Int)
        case beats(policy: Int, other: Int)
        case clearlyBeats(policy: Int, other: Int)
        case compare(policy: Int, op: String, value: Double)
    }

    public var kind: Kind
    public var metric: Int
    /// The case as written (normalized spacing).
    public var description: String

    /// Parses `text` against the exploration's policies and metrics; the error says what would be valid.
    public init(parsing text: String, policies: [String], metrics: [ReplicationMetric]) throws(DiscoveryCaseError) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        description = words.joined(separator: " ")
        func policy(_ name: String) throws(DiscoveryCaseError) -> Int {
            guard let i = policies.firstIndex(of: name) else {
                throw DiscoveryCaseError(message: "'\(name)' is not a policy of this exploration (\(policies.joined(separator: ", ")))")
            }
            return i
        }
        func metricIndex(_ name: String) throws(DiscoveryCaseError) -> Int {
            guard let i = metrics.firstIndex(where: { $0.name == name }) else {
                throw DiscoveryCaseError(message: "'\(name)' is not a metric of this exploration (\(metrics.map(\.name).joined(separator: ", ")))")
            }
            return i
        }
        switch words.count {
        case 5 where words[1] == "beats" && words[3] == "on":
            kind = .beats(policy: try policy(words[0]), other: try policy(words[2]))
            metric = try metricIndex(words[4])
        case 6 where words[1] == "clearly" && words[2] == "beats" && words[4] == "on":
            kind = .clearlyBeats(policy: try policy(words[0]), other: try policy(words[3]))
            metric = try metricIndex(words[5])
        case 5 where words[1] == "is" && words[2] == "best" && words[3] == "on":
            kind = .best(policy: try policy(words[0]))
            metric = try metricIndex(words[4])
        case 5 where words[1] == "of" && ["<", "<=", ">", ">="].contains(words[3]):
            guard let value = Double(words[4]), value.isFinite else {
                throw DiscoveryCaseError(message: "'\(words[4])' is not a number")
            }
            metric = try metricIndex(words[0])
            kind = .compare(policy: try policy(words[2]), op: words[3], value: value)
        default:
            throw DiscoveryCaseError(message: "'\(text)' is not a case; write 'P beats Q on METRIC', 'P clearly beats Q on METRIC', 'P is best on METRIC' or 'METRIC of P < X' (<, <=, >, >=)")
        }
        switch kind {
        case .beats(let a, let b), .clearlyBeats(let a, let b):
            if a == b { throw DiscoveryCaseError(message: "a policy cannot beat itself") }
        default:
            break
        }
    }

    /// The default cases: each policy is best, on each metric.
    public static func defaults(policies: [String], metrics: [ReplicationMetric]) -> [DiscoveryCase] {
        metrics.indices.flatMap { m in
            policies.indices.map { p in
                try! DiscoveryCase(parsing: "\(policies[p]) is best on \(metrics[m].name)", policies: policies, metrics: metrics)
            }
        }
    }

    /// Whether the case holds in one world, from its means per policy and their 95% half-widths
    /// (needed by "clearly beats" only).
    public func holds(means: [Double?], halfWidths: [Double?] = [], metric: ReplicationMetric) -> Bool {
        switch kind {
        case .best(let p):
            guard let own = means[p] else { return false }
            for (q, other) in means.enumerated() {
                guard let other else { continue }
                if metric.isBetter(other, than: own) || (q < p && other == own) { return false }
            }
            return true
        case .beats(let p, let q):
            guard let a = means[p], let b = means[q] else { return false }
            return metric.isBetter(a, than: b)
        case .clearlyBeats(let p, let q):
            guard let a = means[p], let b = means[q], halfWidths.count == means.count,
                  let ha = halfWidths[p], let hb = halfWidths[q] else { return false }
            let margin = (ha * ha + hb * hb).squareRoot()
            return metric.higherIsBetter ? a - b > margin : b - a > margin
        case .compare(let p, let op, let value):
            guard let a = means[p] else { return false }
            switch op {
            case "<": return a < value
            case "<=": return a <= value
            case ">": return a > value
            default: return a >= value
            }
        }
    }
}

public struct DiscoveryCaseError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
