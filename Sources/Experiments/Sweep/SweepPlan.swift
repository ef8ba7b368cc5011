import Foundation
import ProgramModel
import SimKernel

/// A sweep ready to run: the file, the base scenario as a full JSON tree, and every design
/// point, each already checked to give a valid scenario.
public struct SweepPlan: Sendable {
    public let file: SweepFile
    /// `base.encode()`: every field present, so every path addresses something that exists.
    public let baseTree: JSONValue
    /// Per point, per parameter, the JSON value set at the parameter's path; nil leaves the
    /// base value (one-at-a-time designs).
    public let points: [[JSONValue?]]
    /// The Morris walk, for the analysis.
    public let morris: MorrisDesign?

    /// The generator behind the design, on a replication number no simulation uses, so the
    /// design depends on the seed alone and never shares draws with a replication.
    static func designGenerator(seed: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, replication: .max, stream: 0)
    }

    /// Loads the base scenario (relative to the sweep file) and builds the plan.
    public static func load(_ file: SweepFile, sweepPath: String) throws(ScenarioError) -> SweepPlan {
        var base = Scenario()
        if let relative = file.base {
            let directory = (sweepPath as NSString).deletingLastPathComponent
            let path = relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
            base = try Scenario.load(contentsOf: path)
        }
        return try SweepPlan(file: file, baseTree: base.encode(), fileName: sweepPath)
    }

    /// Builds the plan over a base tree (from a scenario, or from a manifest when merging).
    ///
    /// - Throws: issues at `$.parameters[i].path` for paths that address nothing, and for up to
    ///   five design points that give an invalid scenario.
    public init(file: SweepFile, baseTree: JSONValue, fileName: String) throws(ScenarioError) {
        self.file = file
        self.baseTree = baseTree
        var issues: [ScenarioIssue] = []
        for (i, parameter) in file.parameters.enumerated() {
            do throws(PathSyntaxError) {
                _ = try parameter.path.values(in: baseTree)
            } catch {
                issues.append(ScenarioIssue(file: fileName, path: "$.parameters[\(i)].path",
                                            message: "'\(parameter.path)' \(error.message)"))
            }
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }

        var generator = Self.designGenerator(seed: file.seed)
        var morris: MorrisDesign?
        switch file.design {
        case .grid:
            points = GridDesign.points(file.parameters.map(GridDesign.levels(of:)))
        case .lhs:
            let units = LatinHypercube.unitSamples(samples: file.samples ?? 1, dimensions: file.parameters.count,
                                                   generator: &generator)
            points = units.map { row in
                zip(file.parameters, row).map { parameter, u in
                    if let values = parameter.values {
                        return values[min(values.count - 1, Int(u * Double(values.count)))]
                    }
                    return .number(parameter.rangeValue(unit: u))
                }
            }
        case .morris:
            let design = MorrisDesign(factors: file.parameters.count, levels: file.levels ?? 4,
                                      trajectories: file.trajectories ?? 10, generator: &generator)
            morris = design
            points = design.points.map { levels in
                zip(file.parameters, levels).map { parameter, level in
                    let x = parameter.levelValue(level, of: design.levels)
                    return .number(x)
                }
            }
        case .oat:
            points = OneAtATimeDesign.points(parameters: file.parameters.count).map { run in
                file.parameters.indices.map { i in
                    i != run.parameter ? nil : run.high ? file.parameters[i].high! : file.parameters[i].low!
                }
            } + [file.parameters.map { _ -> JSONValue? in nil }]  // the base point, last
        }
        self.morris = morris

        // Checked on all threads: a 10,000-point design decodes 10,000 scenarios.
        let plan = self
        let failures = ParallelReplications.map(count: points.count, threads: 0) { index -> [ScenarioIssue]? in
            do throws(ScenarioError) {
                _ = try plan.scenario(point: index)
                return nil
            } catch {
                return error.issues
            }
        }
        var bad = 0
        for (index, failure) in failures.enumerated() {
            guard let failure else { continue }
            bad += 1
            if bad <= 5 {
                let setting = describe(point: index)
                issues += failure.map {
                    ScenarioIssue(file: fileName, path: "$.parameters",
                                  message: "point \(index) (\(setting)) gives an invalid scenario: \($0.path): \($0.message)")
                }
            }
        }
        if bad > 5 {
            issues.append(ScenarioIssue(file: fileName, path: "$.parameters",
                                        message: "\(bad - 5) more points give an invalid scenario"))
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
    }

    /// The scenario of one design point: the base tree with the point's values set, decoded
    /// (and so validated) like a file.
    public func scenario(point index: Int) throws(ScenarioError) -> Scenario {
        var tree = baseTree
        for (parameter, value) in zip(file.parameters, points[index]) {
            guard let value else { continue }
            // Paths were checked against the base tree, and setting values keeps its shape
            // above every path, so this cannot fail except for overlapping paths.
            do throws(PathSyntaxError) {
                try parameter.path.apply(value, to: &tree)
            } catch {
                throw ScenarioError(issues: [ScenarioIssue(file: file.name, path: "$", message: error.message)])
            }
        }
        return try Scenario.decode(json: tree, file: "point \(index)")
    }

    /// The values written in a point's row: the point's own, or for a parameter left at base,
    /// the base value when every place the path addresses holds the same one (else nil).
    public func columnValues(point index: Int) -> [JSONValue?] {
        zip(points[index], baseValues).map { own, base in own ?? base }
    }

    private var baseValues: [JSONValue?] {
        file.parameters.map { parameter in
            guard let found = try? parameter.path.values(in: baseTree), let first = found.first,
                  found.allSatisfy({ $0 == first }) else { return nil }
            return first
        }
    }

    /// `teams.delivery = 6, governance.style = "federated"` for messages.
    func describe(point index: Int) -> String {
        zip(file.parameters, points[index]).compactMap { parameter, value in
            value.map { "\(parameter.path) = \(PointsTable.cellText($0))" }
        }.joined(separator: ", ")
    }
}
