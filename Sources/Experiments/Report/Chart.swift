/// One finished chart: written as `<name>.svg` and inlined in the report.
public struct Chart: Sendable {
    /// The file stem, e.g. "funnel".
    public let name: String
    public let title: String
    /// The standalone SVG document.
    public let svg: String
    /// What the chart does not show by itself: derivations, undefined values (one paragraph).
    public let note: String
}

/// Who the figures are about: every chart's caption names it, so a slide cut from the report
/// still says where its numbers came from.
public struct ChartSource: Sendable, Equatable {
    public var scenario: String
    public var replications: Int
    public var seed: UInt64?

    public init(scenario: String, replications: Int, seed: UInt64?) {
        self.scenario = scenario
        self.replications = replications
        self.seed = seed
    }

    public var caption: String {
        "Scenario \(scenario) · \(replications) replications · seed \(seed.map(String.init) ?? "not recorded") · execsim \(ExecsimVersion.current)"
    }
}
