import Foundation

/// What `execsim calibrate` prints: each fitted field with its interval, the ABC's budget and
/// the check's verdicts.
public enum CalibrationSummary {
    public static func render(_ c: Calibration, folder: String) -> String {
        // Counts (use cases, units, squads) read as whole numbers, the rest as figures.
        func number(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e6 ? String(Int(x)) : MetricFormat.figure(x)
        }
        var lines: [String] = []
        lines.append("\(c.observations.cases) use cases over \(number(c.observations.asOfMonth)) months → \(folder)/calibrated.json, calibration.csv, check.csv")
        let fitted = c.rows.filter(\.inScenario)
        let width = fitted.map(\.parameter.count).max() ?? 0
        for r in fitted {
            let name = r.parameter.padding(toLength: width, withPad: " ", startingAt: 0)
            let interval = r.lower.flatMap { lo in r.upper.map { "[\(MetricFormat.figure(lo)), \(MetricFormat.figure($0))] \(Int((r.level * 100).rounded()))%" } } ?? ""
            lines.append("  \(name)  \(r.estimate.map(number) ?? "–")  \(interval)")
        }
        if let p = c.posterior {
            lines.append("ABC: \(p.simulations) simulated histories in \(String(format: "%.1f", c.abcSeconds)) s, tolerance \(MetricFormat.figure(p.tolerance)), effective sample size \(MetricFormat.figure(p.effectiveSampleSize))")
        }
        let judged = c.check.rows.filter { $0.inside != nil }
        let outside = judged.filter { $0.inside == false }.map(\.statistic)
        lines.append("check: \(judged.count - outside.count) of \(judged.count) statistics inside the simulated 90% band (\(c.check.replications) replications)"
                     + (outside.isEmpty ? "" : "; outside: " + outside.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
