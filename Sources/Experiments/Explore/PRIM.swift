import Foundation

/// The Patient Rule Induction Method (Friedman & Fisher 1999, "Bump hunting in
/// high-dimensional data") as used for scenario discovery (Bryant & Lempert 2010): find a box
/// in the space of uncertainties — a range per numeric dimension, a subset of categories per
/// categorical one — inside which a case of interest is much more frequent than outside.
///
/// Only peeling is done: starting from the whole space, each step removes the α share of the
/// box's points at one end of one dimension (or one category) that leaves the box with the
/// highest share of cases. The trajectory of boxes trades coverage for density; a box is then
/// picked from it by a stated rule (``choose(_:minDensity:minCoverage:)``).
///
/// Definitions (Bryant & Lempert 2010): with `cases` the worlds where the case holds,
/// - coverage = cases in the box / all cases,
/// - density = cases in the box / worlds in the box,
/// - mass = worlds in the box / all worlds.
public enum PRIM {
    /// One uncertainty's values, one per world.
    public enum Dimension: Sendable {
        case numeric([Double])
        /// Category names and each world's category index into them.
        case categorical(names: [String], values: [Int])

        var count: Int {
            switch self {
            case .numeric(let x): x.count
            case .categorical(_, let v): v.count
            }
        }
    }

    /// A box's restriction of one dimension; nil bounds (or all categories) mean unrestricted.
    public struct Limit: Sendable, Equatable {
        /// Numeric: worlds with `lower ≤ x ≤ upper` are inside; the bounds are the extreme
        /// values left in the box on a side that was peeled.
        public var lower: Double?
        public var upper: Double?
        /// Categorical: the category indices still inside; nil when none was removed.
        public var categories: [Int]?

        public var isRestricted: Bool { lower != nil || upper != nil || categories != nil }

        func contains(_ dimension: Dimension, _ i: Int) -> Bool {
            switch dimension {
            case .numeric(let x):
                if let lower, x[i] < lower { return false }
                if let upper, x[i] > upper { return false }
                return true
            case .categorical(_, let v):
                return categories?.contains(v[i]) ?? true
            }
        }
    }

    /// One box of the peeling trajectory.
    public struct Step: Sendable, Equatable {
        public var limits: [Limit]
        /// Worlds in the box and cases among them.
        public var worlds: Int
        public var cases: Int
        public var coverage: Double
        public var density: Double
        public var mass: Double

        /// The dimensions the box restricts, in dimension order.
        public var restricted: [Int] { limits.indices.filter { limits[$0].isRestricted } }
    }

    /// The peeling trajectory: step 0 is the whole space; each later box is the previous one
    /// peeled once.
    ///
    /// A candidate peel on a numeric dimension removes the ⌈α·n⌉ lowest (or highest) values in
    /// the box together with every value tied with them (so integer and few-valued dimensions
    /// peel whole levels); on a categorical one it removes one category. The candidate that
    /// leaves the highest density wins; ties go to the one removing fewer worlds, then to the
    /// earlier dimension, lower end before upper. Peels leaving less than `minMass` of all
    /// worlds are not taken. Peeling stops when no peel is left or the box holds only cases
    /// (density 1: further peels could only lose coverage).
    ///
    /// - Parameters:
    ///   - dimensions: each uncertainty's value per world; all of the same length.
    ///   - cases: whether the case holds, per world.
    ///   - alpha: the share of the box peeled at each step (Friedman & Fisher suggest 0.05–0.1).
    ///   - minMass: the smallest box, as a share of all worlds.
    /// - Complexity: O(steps · dimensions · n log n).
    public static func peel(_ dimensions: [Dimension], cases: [Bool], alpha: Double = 0.05,
                            minMass: Double = 0.05) -> [Step] {
        let total = cases.count
        precondition(dimensions.allSatisfy { $0.count == total }, "dimensions and cases of different lengths")
        let totalCases = cases.filter { $0 }.count
        var limits = [Limit](repeating: Limit(), count: dimensions.count)
        var inside = Array(0..<total)
        func step(_ members: [Int]) -> Step {
            let c = members.filter { cases[$0] }.count
            return Step(limits: limits, worlds: members.count, cases: c,
                        coverage: totalCases > 0 ? Double(c) / Double(totalCases) : 0,
                        density: members.isEmpty ? 0 : Double(c) / Double(members.count),
                        mass: total > 0 ? Double(members.count) / Double(total) : 0)
        }
        var trajectory = [step(inside)]
        let smallest = Int((minMass * Double(total)).rounded(.up))
        while let current = trajectory.last, current.cases > 0, current.cases < current.worlds {
            var best: (members: [Int], cases: Int, limit: Limit, dimension: Int)?
            func consider(_ members: [Int], _ limit: Limit, _ d: Int) {
                guard members.count >= max(1, smallest), members.count < inside.count else { return }
                let c = members.filter { cases[$0] }.count
                if let b = best {
                    // Higher density first; equal densities: fewer worlds removed (more kept).
                    let lhs = c * b.members.count, rhs = b.cases * members.count
                    if lhs < rhs || (lhs == rhs && members.count <= b.members.count) { return }
                }
                best = (members, c, limit, d)
            }
            for (d, dimension) in dimensions.enumerated() {
                switch dimension {
                case .numeric(let x):
                    let sorted = inside.map { x[$0] }.sorted()
                    let k = max(1, Int((alpha * Double(sorted.count)).rounded(.up)))
                    guard k < sorted.count else { continue }
                    let low = sorted[k - 1], high = sorted[sorted.count - k]
                    let keptLow = inside.filter { x[$0] > low }
                    if let floor = keptLow.map({ x[$0] }).min() {
                        var limit = limits[d]
                        limit.lower = floor
                        consider(keptLow, limit, d)
                    }
                    let keptHigh = inside.filter { x[$0] < high }
                    if let ceiling = keptHigh.map({ x[$0] }).max() {
                        var limit = limits[d]
                        limit.upper = ceiling
                        consider(keptHigh, limit, d)
                    }
                case .categorical(let names, let v):
                    let present = (0..<names.count).filter { c in inside.contains { v[$0] == c } }
                    guard present.count > 1 else { continue }
                    for c in present {
                        var limit = limits[d]
                        limit.categories = present.filter { $0 != c }
                        consider(inside.filter { v[$0] != c }, limit, d)
                    }
                }
            }
            guard let chosen = best else { break }
            limits[chosen.dimension] = chosen.limit
            inside = chosen.members
            trajectory.append(step(inside))
        }
        return trajectory
    }

    /// Which box of a trajectory is reported, and why.
    public struct Choice: Sendable, Equatable {
        public var step: Int
        public var rule: String
    }

    /// The box to report from a trajectory.
    ///
    /// - With `minCoverage`: the densest box covering at least that share of the cases (ties:
    ///   the larger coverage, then the earlier box).
    /// - Otherwise: the box with the largest coverage among those with density ≥ `minDensity`
    ///   (ties: the denser, then the earlier); when no box is that dense, the densest box.
    public static func choose(_ trajectory: [Step], minDensity: Double = 0.8, minCoverage: Double? = nil) -> Choice {
        func pick(_ candidates: [Int], by better: (Step, Step) -> Bool) -> Int {
            candidates.reduce(candidates[0]) { best, i in better(trajectory[i], trajectory[best]) ? i : best }
        }
        if let minCoverage {
            let eligible = trajectory.indices.filter { trajectory[$0].coverage >= minCoverage }
            if !eligible.isEmpty {
                let i = pick(eligible) { a, b in a.density != b.density ? a.density > b.density : a.coverage > b.coverage }
                return Choice(step: i, rule: "densest box with coverage >= \(format(minCoverage))")
            }
        }
        let dense = trajectory.indices.filter { trajectory[$0].density >= minDensity }
        if !dense.isEmpty {
            let i = pick(dense) { a, b in a.coverage != b.coverage ? a.coverage > b.coverage : a.density > b.density }
            return Choice(step: i, rule: "largest coverage with density >= \(format(minDensity))")
        }
        let i = pick(Array(trajectory.indices)) { a, b in a.density != b.density ? a.density > b.density : a.coverage > b.coverage }
        return Choice(step: i, rule: "no box reaches density \(format(minDensity)); densest box")
    }

    /// Per restricted dimension of `box`, the quasi-p-value of Bryant & Lempert (2010): the
    /// one-sided binomial probability of at least the box's cases among its worlds if the
    /// case rate were that of the box with this dimension's restriction dropped. A large value
    /// says the restriction adds little beyond the others. Unrestricted dimensions get nil.
    public static func quasiPValues(_ dimensions: [Dimension], cases: [Bool], box: Step) -> [Double?] {
        dimensions.indices.map { j -> Double? in
            guard box.limits[j].isRestricted else { return nil }
            var loosened = box.limits
            loosened[j] = Limit()
            var worlds = 0, hits = 0
            for i in cases.indices where dimensions.indices.allSatisfy({ loosened[$0].contains(dimensions[$0], i) }) {
                worlds += 1
                if cases[i] { hits += 1 }
            }
            guard worlds > 0 else { return nil }
            return binomialUpperTail(atLeast: box.cases, trials: box.worlds, p: Double(hits) / Double(worlds))
        }
    }

    /// P(X ≥ k) for X ~ Binomial(n, p), summed in log space.
    static func binomialUpperTail(atLeast k: Int, trials n: Int, p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        let logP = Foundation.log(p), logQ = Foundation.log1p(-p)
        func logFactorial(_ m: Int) -> Double {
            let x: Double = Double(m + 1)
            return lgamma(x)
        }
        let logN = logFactorial(n)
        var sum = 0.0
        for i in k...n {
            let term = logN - logFactorial(i) - logFactorial(n - i) + Double(i) * logP + Double(n - i) * logQ
            sum += exp(term)
        }
        return Swift.min(1, sum)
    }

    /// Whether world `i` lies in a box.
    public static func contains(_ limits: [Limit], _ dimensions: [Dimension], world i: Int) -> Bool {
        dimensions.indices.allSatisfy { limits[$0].contains(dimensions[$0], i) }
    }

    private static func format(_ x: Double) -> String { CSVWriter.format(x) }
}
