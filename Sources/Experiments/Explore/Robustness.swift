/// How each policy fares across worlds on one metric (Lempert, Popper & Bankes 2003, *Shaping
/// the Next One Hundred Years*; Savage's minimax regret): its outcome over worlds, its regret,
/// how often it is best and how often it meets a threshold (satisficing).
///
/// Inputs are per world and policy: the policy's mean over the world's replications and the
/// half-width of the paired 95% interval of its regret (the best policy's replications minus
/// its own, with common random numbers within the world). Nil means undefined there.
public enum Robustness {
    public struct PolicySummary: Sendable, Equatable {
        /// Worlds where the policy's figure is defined.
        public var worlds: Int
        public var mean: Double?
        public var p10: Double?
        public var p50: Double?
        public var p90: Double?
        /// The worst world's figure in the metric's direction.
        public var worst: Double?
        public var regretMean: Double?
        public var regretP90: Double?
        public var regretMax: Double?
        /// Worlds where it is the best policy and its paired interval against every other
        /// policy excludes a tie, over all worlds.
        public var shareBest: Double?
        /// Worlds where it is the best or not separated from the best.
        public var shareBestOrTied: Double?
        /// Worlds where it meets the metric's threshold (nil without a threshold).
        public var shareMeetingThreshold: Double?
    }

    /// Regret in each world: the best policy's figure minus this one's, in the metric's
    /// direction, so 0 for the best and positive for the rest. The best is over the policies
    /// defined in the world; an undefined figure has no regret.
    ///
    ///     Robustness.regrets([[3, 5, 4]], higherIsBetter: true)  // [[2, 0, 1]]
    public static func regrets(_ values: [[Double?]], higherIsBetter: Bool) -> [[Double?]] {
        values.map { world in
            let defined = world.compactMap { $0 }
            guard let best = higherIsBetter ? defined.max() : defined.min() else { return world }
            return world.map { v in v.map { higherIsBetter ? best - $0 : $0 - best } }
        }
    }

    /// Whether each policy is best or tied with the best in each world: regret 0, or a regret
    /// the paired interval does not separate from 0 (regret ≤ its half-width).
    public static func bestOrTied(regrets: [[Double?]], halfWidths: [[Double?]]) -> [[Bool]] {
        zip(regrets, halfWidths).map { r, h in
            zip(r, h).map { regret, half in
                guard let regret else { return false }
                return regret == 0 || (half.map { regret <= $0 } ?? false)
            }
        }
    }

    /// Whether `value` meets `threshold` in the direction given: at least it when higher is
    /// better, at most it otherwise. Undefined never meets a threshold.
    public static func meets(_ value: Double?, threshold: Double, higherIsBetter: Bool) -> Bool {
        guard let value else { return false }
        return higherIsBetter ? value >= threshold : value <= threshold
    }

    /// Each policy's summary over worlds (`values[world][policy]`).
    public static func summaries(values: [[Double?]], halfWidths: [[Double?]], higherIsBetter: Bool,
                                 threshold: Double?) -> [PolicySummary] {
        let policies = values.first?.count ?? 0
        let regret = regrets(values, higherIsBetter: higherIsBetter)
        let tied = bestOrTied(regrets: regret, halfWidths: halfWidths)
        let worlds = Double(values.count)
        return (0..<policies).map { p in
            let own = values.compactMap { $0[p] }.sorted()
            let regrets = regret.compactMap { $0[p] }.sorted()
            var s = PolicySummary(worlds: own.count)
            if !own.isEmpty {
                s.mean = own.reduce(0, +) / Double(own.count)
                s.p10 = Percentile.linear(own, 0.1)
                s.p50 = Percentile.linear(own, 0.5)
                s.p90 = Percentile.linear(own, 0.9)
                s.worst = higherIsBetter ? own.first : own.last
            }
            if !regrets.isEmpty {
                s.regretMean = regrets.reduce(0, +) / Double(regrets.count)
                s.regretP90 = Percentile.linear(regrets, 0.9)
                s.regretMax = regrets.last
            }
            if !values.isEmpty {
                let sole = tied.indices.filter { w in
                    regret[w][p] == 0 && tied[w].indices.allSatisfy { q in q == p || !tied[w][q] }
                }.count
                s.shareBest = Double(sole) / worlds
                s.shareBestOrTied = Double(tied.filter { $0[p] }.count) / worlds
                if let threshold {
                    s.shareMeetingThreshold = Double(values.filter {
                        meets($0[p], threshold: threshold, higherIsBetter: higherIsBetter)
                    }.count) / worlds
                }
            }
            return s
        }
    }

    /// Per policy, the share of worlds where it meets every threshold at once
    /// (`meeting[metric][world][policy]`); nil when no metric has a threshold.
    public static func shareMeetingAll(_ meeting: [[[Bool]]], policies: Int) -> [Double?] {
        guard let worlds = meeting.first?.count, worlds > 0 else { return [Double?](repeating: nil, count: policies) }
        return (0..<policies).map { p in
            Double((0..<worlds).filter { w in meeting.allSatisfy { $0[w][p] } }.count) / Double(worlds)
        }
    }
}
