import Foundation
import ProgramModel

/// The files computed from a finished experiments.csv (docs/explore.md): robustness.csv,
/// importance.csv, discovery.csv and discovery.json. They are derived from the file alone (and
/// the explore file in the manifest), so a resumed run, merged shards and `execsim discover`
/// give the same bytes as one straight run.
public enum ExploreAnalysis {
    public static let robustnessHeader = [
        "policy", "metric", "better", "worlds", "mean", "p10", "p50", "p90", "worst",
        "regret_mean", "regret_p90", "regret_max", "share_best", "share_best_or_tied",
        "threshold", "share_meeting_threshold", "share_meeting_all_thresholds",
    ]
    public static let importanceHeader = ["policy", "minus_policy", "metric", "uncertainty", "prcc",
                                          "prcc_ci95_low", "prcc_ci95_high", "p_value", "rank", "worlds"]

    /// PRIM settings and the box-choice rule.
    public struct DiscoveryOptions: Sendable {
        public var alpha = 0.05
        public var minMass = 0.05
        public var minDensity = 0.8
        public var minCoverage: Double?
        public init() {}
    }

    /// Writes all four files into `directory` from its experiments.csv.
    static func write(_ plan: ExplorePlan, directory: String) throws(OutputError) {
        let contents = try ExperimentsTable.read(directory + "/" + ExperimentsTable.fileName, file: plan.file)
        try AtomicFile.write(robustness(plan.file, contents), to: directory + "/robustness.csv")
        try AtomicFile.write(importance(plan.file, contents), to: directory + "/importance.csv")
        let cases = DiscoveryCase.defaults(policies: contents.policies, metrics: plan.file.metrics)
        let found = discover(plan.file, contents, cases: cases, options: DiscoveryOptions())
        try AtomicFile.write(discoveryCSV(plan.file, found), to: directory + "/discovery.csv")
        try AtomicFile.write(Array(discoveryJSON(plan.file, found, options: DiscoveryOptions()).utf8), to: directory + "/discovery.json")
    }

    // MARK: Robustness

    static func robustness(_ file: ExploreFile, _ contents: ExperimentsTable.Contents) -> [UInt8] {
        var csv = CSVWriter(header: robustnessHeader)
        let p = contents.policies.count
        var perMetric: [[Robustness.PolicySummary]] = []
        var meeting: [[[Bool]]] = []
        for (m, metric) in file.metrics.enumerated() {
            perMetric.append(Robustness.summaries(values: contents.means[m], halfWidths: contents.halfWidths[m],
                                                  higherIsBetter: metric.higherIsBetter, threshold: file.thresholds[m]))
            if let t = file.thresholds[m] {
                meeting.append(contents.means[m].map { world in
                    world.map { Robustness.meets($0, threshold: t, higherIsBetter: metric.higherIsBetter) }
                })
            }
        }
        let all = meeting.isEmpty ? [Double?](repeating: nil, count: p) : Robustness.shareMeetingAll(meeting, policies: p)
        for (m, metric) in file.metrics.enumerated() {
            for (i, s) in perMetric[m].enumerated() {
                csv.field(contents.policies[i])
                csv.field(metric.name)
                csv.field(metric.betterDirection)
                csv.field(s.worlds)
                for v in [s.mean, s.p10, s.p50, s.p90, s.worst, s.regretMean, s.regretP90, s.regretMax,
                          s.shareBest, s.shareBestOrTied, file.thresholds[m], s.shareMeetingThreshold, all[i]] {
                    csv.field(v)
                }
                csv.endRow()
            }
        }
        return csv.bytes
    }

    // MARK: Importance

    /// The uncertainties PRCC and the scatter can use: those with numeric values.
    static func numericUncertainties(_ file: ExploreFile) -> [Int] {
        file.uncertainties.indices.filter { isNumeric(file.uncertainties[$0]) }
    }

    static func isNumeric(_ u: SweepParameter) -> Bool {
        guard let values = u.values else { return true }
        return values.allSatisfy { if case .number = $0 { true } else { false } }
    }

    static func importance(_ file: ExploreFile, _ contents: ExperimentsTable.Contents) -> [UInt8] {
        var csv = CSVWriter(header: importanceHeader)
        let numeric = numericUncertainties(file)
        let inputs = numeric.map { u in contents.uncertainty[u].map { $0.flatMap(Double.init) } }
        let p = contents.policies.count
        // Each policy's outcome, then each other policy minus the first (the reference).
        let targets: [(Int, Int?)] = (0..<p).map { ($0, nil) } + (1..<max(1, p)).map { ($0, 0) }
        for (m, metric) in file.metrics.enumerated() {
            for (policy, minus) in targets {
                let outcome = contents.means[m].map { world -> Double? in
                    guard let a = world[policy] else { return nil }
                    guard let minus else { return a }
                    return world[minus].map { a - $0 }
                }
                let worlds = outcome.indices.filter { w in outcome[w] != nil && inputs.allSatisfy { $0[w] != nil } }
                let coefficients = numeric.isEmpty ? [] : PartialRankCorrelation.coefficients(
                    inputs: inputs.map { column in worlds.map { column[$0]! } }, output: worlds.map { outcome[$0]! })
                let order = coefficients.indices.filter { coefficients[$0].value != nil }
                    .sorted { abs(coefficients[$0].value!) != abs(coefficients[$1].value!) ? abs(coefficients[$0].value!) > abs(coefficients[$1].value!) : $0 < $1 }
                for (j, u) in numeric.enumerated() {
                    let c = coefficients[j]
                    csv.field(contents.policies[policy])
                    csv.field(minus.map { contents.policies[$0] } ?? "")
                    csv.field(metric.name)
                    csv.field(file.uncertainties[u].path.description)
                    for v in [c.value, c.ci95Low, c.ci95High, c.pValue] { csv.field(v) }
                    if let r = order.firstIndex(of: j) { csv.field(r + 1) } else { csv.field(nil as Double?) }
                    csv.field(worlds.count)
                    csv.endRow()
                }
            }
        }
        return csv.bytes
    }

    // MARK: Discovery

    /// One case's PRIM result.
    public struct Discovery: Sendable {
        public var discoveryCase: DiscoveryCase
        public var caseCount: Int
        public var trajectory: [PRIM.Step]
        public var choice: PRIM.Choice
        public var quasiP: [Double?]
        public var chosen: PRIM.Step { trajectory[choice.step] }
    }

    /// PRIM's dimensions from the world values: numbers, or categories in the order the file lists them.
    static func dimensions(_ file: ExploreFile, _ contents: ExperimentsTable.Contents) -> [PRIM.Dimension] {
        file.uncertainties.enumerated().map { u, parameter in
            if isNumeric(parameter) {
                return .numeric(contents.uncertainty[u].map { $0.flatMap(Double.init) ?? .nan })
            }
            let names = parameter.values!.map(PointsTable.cellText)
            return .categorical(names: names, values: contents.uncertainty[u].map { cell in names.firstIndex { $0 == cell } ?? 0 })
        }
    }

    public static func discover(_ file: ExploreFile, _ contents: ExperimentsTable.Contents, cases: [DiscoveryCase],
                                options: DiscoveryOptions) -> [Discovery] {
        let dims = dimensions(file, contents)
        return cases.map { c in
            let metric = file.metrics[c.metric]
            let holds = (0..<contents.worlds).map { c.holds(means: contents.means[c.metric][$0], halfWidths: contents.ciHalfWidths[c.metric][$0], metric: metric) }
            let trajectory = PRIM.peel(dims, cases: holds, alpha: options.alpha, minMass: options.minMass)
            let choice = PRIM.choose(trajectory, minDensity: options.minDensity, minCoverage: options.minCoverage)
            return Discovery(discoveryCase: c, caseCount: holds.filter { $0 }.count, trajectory: trajectory,
                             choice: choice, quasiP: PRIM.quasiPValues(dims, cases: holds, box: trajectory[choice.step]))
        }
    }

    static func discoveryHeader(_ file: ExploreFile) -> [String] {
        ["case", "step", "coverage", "density", "mass", "worlds", "cases", "restricted", "chosen"]
            + file.uncertainties.flatMap { u -> [String] in
                let path = u.path.description
                return isNumeric(u) ? [path + "_low", path + "_high", path + "_quasi_p"] : [path + "_categories", path + "_quasi_p"]
            }
    }

    /// The peeling trajectory of every case: a row per box, its limits (empty: unrestricted),
    /// `chosen` marking the reported box, whose row also holds the quasi-p-values.
    static func discoveryCSV(_ file: ExploreFile, _ found: [Discovery]) -> [UInt8] {
        var csv = CSVWriter(header: discoveryHeader(file))
        for d in found {
            for (i, step) in d.trajectory.enumerated() {
                csv.field(d.discoveryCase.description)
                csv.field(i)
                for v in [step.coverage, step.density, step.mass] { csv.field(v) }
                csv.field(step.worlds)
                csv.field(step.cases)
                csv.field(step.restricted.map { file.uncertainties[$0].path.description }.joined(separator: ";"))
                csv.field(i == d.choice.step ? "true" : "false")
                for (u, parameter) in file.uncertainties.enumerated() {
                    let limit = step.limits[u]
                    if isNumeric(parameter) {
                        csv.field(limit.lower)
                        csv.field(limit.upper)
                    } else {
                        let names = parameter.values!.map(PointsTable.cellText)
                        csv.field(limit.categories.map { $0.map { names[$0] }.joined(separator: ";") } ?? "")
                    }
                    csv.field(i == d.choice.step ? d.quasiP[u] : nil)
                }
                csv.endRow()
            }
        }
        return csv.bytes
    }

    /// Each case's chosen box with its limits against each uncertainty's full range, the rule
    /// that chose it, and its trajectory.
    static func discoveryJSON(_ file: ExploreFile, _ found: [Discovery], options: DiscoveryOptions) -> String {
        func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
        let cases: [JSONValue] = found.map { d in
            let box = d.chosen
            let limits: [JSONValue] = file.uncertainties.enumerated().map { u, parameter in
                let limit = box.limits[u]
                var members: [(key: String, value: JSONValue)] = [
                    ("uncertainty", .string(parameter.path.description)),
                    ("restricted", .bool(limit.isRestricted)),
                ]
                if isNumeric(parameter) {
                    let range = fullRange(parameter)
                    members += [("lower", number(limit.lower)), ("upper", number(limit.upper)),
                                ("range_min", number(range.min)), ("range_max", number(range.max))]
                } else {
                    let names = parameter.values!.map(PointsTable.cellText)
                    members.append(("categories", .array((limit.categories ?? Array(names.indices)).map { .string(names[$0]) })))
                }
                members.append(("quasi_p", number(d.quasiP[u])))
                return .object(members)
            }
            return .object([
                ("case", .string(d.discoveryCase.description)),
                ("worlds_with_case", .number(Double(d.caseCount))),
                ("chosen_step", .number(Double(d.choice.step))),
                ("rule", .string(d.choice.rule)),
                ("coverage", .number(box.coverage)), ("density", .number(box.density)), ("mass", .number(box.mass)),
                ("worlds_in_box", .number(Double(box.worlds))), ("cases_in_box", .number(Double(box.cases))),
                ("limits", .array(limits)),
                ("trajectory", .array(d.trajectory.map { s in
                    .object([("coverage", .number(s.coverage)), ("density", .number(s.density)), ("mass", .number(s.mass)),
                             ("restricted", .array(s.restricted.map { .string(file.uncertainties[$0].path.description) }))])
                })),
            ])
        }
        return JSONWriter.prettyText(.object([
            ("method", .string("PRIM peeling (Friedman & Fisher 1999), coverage/density/mass as Bryant & Lempert 2010")),
            ("alpha", .number(options.alpha)), ("min_mass", .number(options.minMass)),
            ("min_density", .number(options.minDensity)), ("min_coverage", number(options.minCoverage)),
            ("worlds", .number(Double(file.worlds))),
            ("cases", .array(cases)),
        ]))
    }

    /// The range an uncertainty was sampled over.
    static func fullRange(_ u: SweepParameter) -> (min: Double?, max: Double?) {
        if let lo = u.min, let hi = u.max { return (lo, hi) }
        let xs = (u.values ?? []).compactMap { if case .number(let x) = $0 { x } else { nil } }
        return (xs.min(), xs.max())
    }

    /// `execsim discover`: reruns scenario discovery on a finished exploration folder and writes
    /// discovery.csv and discovery.json into `out`.
    public static func rediscover(directory: String, cases texts: [String], options: DiscoveryOptions,
                                  out: String) throws(ExploreAnalysisError) -> [Discovery] {
        let recorded: ExploreFile?
        do throws(ScenarioError) {
            recorded = try ExploreManifest.file(directory: directory)
        } catch {
            throw .invalid(error.description)
        }
        guard let file = recorded else {
            throw .invalid("\(directory)/manifest.json is not an exploration's (run execsim explore first)")
        }
        let contents: ExperimentsTable.Contents
        do throws(OutputError) {
            contents = try ExperimentsTable.read(directory + "/" + ExperimentsTable.fileName, file: file)
        } catch {
            throw .invalid(error.description)
        }
        var cases: [DiscoveryCase] = []
        for text in texts {
            do throws(DiscoveryCaseError) {
                cases.append(try DiscoveryCase(parsing: text, policies: contents.policies, metrics: file.metrics))
            } catch {
                throw .usage(error.message)
            }
        }
        if cases.isEmpty { cases = DiscoveryCase.defaults(policies: contents.policies, metrics: file.metrics) }
        let found = discover(file, contents, cases: cases, options: options)
        do throws(OutputError) {
            try AtomicFile.createDirectory(out)
            try AtomicFile.write(discoveryCSV(file, found), to: out + "/discovery.csv")
            try AtomicFile.write(Array(discoveryJSON(file, found, options: options).utf8), to: out + "/discovery.json")
        } catch {
            throw .output(error)
        }
        return found
    }

    /// "npv of centralized < 0: 41 of 200 worlds; box (coverage 0.83, density 0.91, mass 0.19):
    /// stages.dataPrep.blockerRate ≥ 0.61, fit.pooled ≤ 0.42", for the terminal.
    public static func summary(_ d: Discovery, file: ExploreFile) -> String {
        let box = d.chosen
        let limits = box.restricted.map { u -> String in
            let path = file.uncertainties[u].path.description
            let limit = box.limits[u]
            if let categories = limit.categories, let values = file.uncertainties[u].values {
                return "\(path) in {" + categories.map { PointsTable.cellText(values[$0]) }.joined(separator: ", ") + "}"
            }
            switch (limit.lower, limit.upper) {
            case let (lo?, hi?): return "\(CSVWriter.format(lo)) ≤ \(path) ≤ \(CSVWriter.format(hi))"
            case let (lo?, nil): return "\(path) ≥ \(CSVWriter.format(lo))"
            case let (nil, hi?): return "\(path) ≤ \(CSVWriter.format(hi))"
            default: return path
            }
        }
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        return "\(d.discoveryCase.description): \(d.caseCount) of \(file.worlds) worlds; box (coverage \(f(box.coverage)), density \(f(box.density)), mass \(f(box.mass)); \(d.choice.rule)): "
            + (limits.isEmpty ? "the whole space" : limits.joined(separator: ", "))
    }
}

public enum ExploreAnalysisError: Error, CustomStringConvertible {
    case invalid(String)
    case usage(String)
    case output(OutputError)

    public var description: String {
        switch self {
        case .invalid(let m), .usage(let m): m
        case .output(let e): e.description
        }
    }
}
