import Foundation
import ProgramModel

/// The unit of a figure, as column names, axis labels and reports write it.
public enum MetricUnit: String, Sendable, Equatable {
    case count, months, ratio
    case kiloDollars = "k$"
}

/// How a figure is printed for people (terminal tables, reports). Files write full precision
/// (`NumberText`); these are for reading at a glance.
public enum MetricFormat: Sendable, Equatable {
    /// Enough digits to compare scenarios, no more: three significant figures below 100,
    /// whole numbers above ("0.287", "19.3", "1250").
    case figure
    /// A share as a whole percentage ("48%").
    case percent

    public func text(_ x: Double) -> String {
        switch self {
        case .figure:
            let a = abs(x)
            let decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
            return String(format: "%.\(decimals)f", x)
        case .percent:
            return String(format: "%.0f%%", 100 * x)
        }
    }

    /// `MetricFormat.figure.text(x)`, the common case.
    public static func figure(_ x: Double) -> String { MetricFormat.figure.text(x) }
}

/// What readers of the output need to know about one figure of MODEL.md section 7.
public struct MetricInfo: Sendable, Equatable {
    public let metric: ReplicationMetric
    /// The column name in `replications.csv`, `summary.csv` and sweep files.
    public var name: String { metric.name }
    /// The display label; units in parentheses where the label names one: "NPV (k$)".
    public let label: String
    public let unit: MetricUnit
    /// True when a larger value is better for the program.
    public let higherIsBetter: Bool
    public let format: MetricFormat
    /// The label with its unit, for an axis: "NPV (k$)", "pilot-to-scale rate (ratio)".
    public var axisLabel: String { label.hasSuffix(")") ? label : "\(label) (\(unit.rawValue))" }
}

/// The one catalogue of figures that the terminal, CSV files and reports read: name, label,
/// unit, better direction and display format of every `ReplicationMetric`, plus the headline
/// figures a strategist asks for first. docs/compare.md lists the directions with the reason
/// for each.
///
///     MetricCatalogue[.npv].label            // "NPV (k$)"
///     MetricCatalogue[.cost].higherIsBetter  // false
///     MetricCatalogue.info(named: "roi")?.unit  // .ratio
public enum MetricCatalogue {
    /// The headline figures, in the order tables and reports show them.
    public static let headline: [ReplicationMetric] = [
        .pilotToScaleRate, .pilotToProductionRate, .timeToFirstValueMonths, .meanUseCaseTTVMonths,
        .meanPilotToProductionMonths, .valueRealized, .roi, .npv,
    ]

    /// Every metric, in `ReplicationMetric` order.
    public static let all: [MetricInfo] = ReplicationMetric.allCases.map(describe)

    public static subscript(metric: ReplicationMetric) -> MetricInfo { all[metric.rawValue] }

    /// The metric with this column name, if it is one.
    public static func info(named name: String) -> MetricInfo? {
        ReplicationMetric(name: name).map { all[$0.rawValue] }
    }

    /// The display label of a column; a column that is not a section 7 figure shows its name
    /// with spaces.
    public static func label(_ name: String) -> String {
        info(named: name)?.label ?? name.replacingOccurrences(of: "_", with: " ")
    }

    /// The unit of a column; one that is not a section 7 figure counts.
    public static func unit(_ name: String) -> MetricUnit { info(named: name)?.unit ?? .count }

    /// The label of a column with its unit, for an axis.
    public static func axisLabel(_ name: String) -> String {
        info(named: name)?.axisLabel ?? "\(label(name)) (\(MetricUnit.count.rawValue))"
    }

    /// Whether larger is better in a column; one that is not a section 7 figure counts as
    /// higher-is-better.
    public static func higherIsBetter(_ name: String) -> Bool { info(named: name)?.higherIsBetter ?? true }

    /// Headline metrics first in headline order, the rest in their given order.
    public static func ordered(_ names: [String]) -> [String] {
        let first = headline.map(\.name).filter(names.contains)
        return first + names.filter { !first.contains($0) }
    }

    private static func describe(_ metric: ReplicationMetric) -> MetricInfo {
        let (label, unit, higher): (String?, MetricUnit, Bool)
        switch metric {
        // More of the portfolio moving forward is better.
        case .useCases, .pilotsStarted, .pilotsSucceeded, .reachedProduction, .scaled:
            (label, unit, higher) = (nil, .count, true)
        case .pilotToScaleRate:
            (label, unit, higher) = ("pilot-to-scale rate", .ratio, true)
        case .pilotToProductionRate:
            (label, unit, higher) = ("pilot-to-production rate", .ratio, true)
        // Money: more value, net value, ROI and NPV are better; cost is lower-is-better.
        case .valueRealized:
            (label, unit, higher) = ("value realized (k$)", .kiloDollars, true)
        case .netValue:
            (label, unit, higher) = (nil, .kiloDollars, true)
        case .roi:
            (label, unit, higher) = ("ROI", .ratio, true)
        case .npv:
            (label, unit, higher) = ("NPV (k$)", .kiloDollars, true)
        case .cost, .squadCost, .pilotCost, .scaleUpCost, .runCost:
            (label, unit, higher) = (nil, .kiloDollars, false)
        // Paid-for squads doing work rather than idling; readiness is the data asset built.
        case .squadUtilization, .finalMeanReadiness:
            (label, unit, higher) = (nil, .ratio, true)
        // Use cases lost or stuck, at any gate.
        case .rejected, .deferred, .abandonedData, .failedTechnical, .stalledPurgatory,
             .inPurgatoryAtHorizon, .adoptionStalled:
            (label, unit, higher) = (nil, .count, false)
        // Times and waits: sooner is better.
        case .timeToFirstValueMonths:
            (label, unit, higher) = ("time to first value (months)", .months, false)
        case .meanUseCaseTTVMonths:
            (label, unit, higher) = ("use-case time to value (months)", .months, false)
        case .meanPilotToProductionMonths:
            (label, unit, higher) = ("pilot to production (months)", .months, false)
        case .breakEvenMonth, .meanTeamWaitMonths, .meanG0WaitMonths, .meanG1WaitMonths,
             .meanDataPrepMonths, .meanPilotMonths, .meanScaleUpMonths, .meanRolloutMonths:
            (label, unit, higher) = (nil, .months, false)
        case .driftEvents, .complianceIncidents:
            (label, unit, higher) = (nil, .count, false)
        }
        return MetricInfo(metric: metric, label: label ?? metric.name.replacingOccurrences(of: "_", with: " "),
                          unit: unit, higherIsBetter: higher, format: .figure)
    }
}

extension ReplicationMetric {
    /// The direction from the catalogue.
    public var higherIsBetter: Bool { MetricCatalogue[self].higherIsBetter }

    /// "higher" or "lower": the word for the better direction, for tables and CSV files.
    public var betterDirection: String { higherIsBetter ? "higher" : "lower" }

    /// Whether `a` is strictly better than `b` in this metric's direction (a tie is not better).
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        higherIsBetter ? a > b : a < b
    }
}
