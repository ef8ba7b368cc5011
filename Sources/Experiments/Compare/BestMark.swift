/// The one rule for marking the best scenario of a metric, used by the printed table,
/// `best.csv` readers, the report's tables and every chart: the statistics decide, never the
/// sample means alone.
///
/// - ★ (`best`): Hsu's MCB separates this scenario from every other (its interval for
///   "mean − best of the others" lies above 0 in the better direction).
/// - ☆ (`contender`): no scenario is separated, and this one is not ruled out either; every
///   such scenario gets ☆, and the metric reads "no clear best".
/// - nothing: ruled out ("not best"), or another scenario is ★ (then no ☆ is shown at all).
///
/// The baseline is a scenario like any other and can be ★.
public enum BestMark: String, Sendable, Equatable {
    case best, contender, none

    public static func marks(_ verdicts: [MultipleComparisonsWithBest.Verdict?]) -> [BestMark] {
        let separated = verdicts.contains(.best)
        return verdicts.map { v in
            switch v {
            case .best?: .best
            case .contender? where !separated: .contender
            default: .none
            }
        }
    }

    /// Verdicts as `best.csv` writes them ("best", "contender", "not best", or empty).
    public static func marks(verdictTexts: [String?]) -> [BestMark] {
        marks(verdictTexts.map { $0.flatMap(MultipleComparisonsWithBest.Verdict.init(rawValue:)) })
    }

    /// "★", "☆" or "".
    public var symbol: String {
        switch self {
        case .best: "★"
        case .contender: "☆"
        case .none: ""
        }
    }

    /// The legend every output states with the marks.
    public static let legend = """
        ★ best: Hsu's multiple comparisons with the best (MCB) separates it from every other \
        scenario at 95% (Bonferroni-adjusted over the comparisons).
        ☆ contender: no scenario is separated, so there is no clear best; none of the ☆ ones is ruled out.
        """
}
