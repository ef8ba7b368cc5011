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
        // Membership flags and each numeric dimension's worlds sorted once by value: a step then
        // walks the sorted order past the worlds outside the box, O(n) per dimension, no sorting.
        var inside = [Bool](repeating: true, count: total)
        var worlds = total, hits = totalCases
        let order: [[Int]] = dimensions.map { d in
            guard case .numeric(let x) = d else { return [] }
            return x.indices.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : $0 < $1 }
        }
        func step() -> Step {
            Step(limits: limits, worlds: worlds, cases: hits,
                 coverage: totalCases > 0 ? Double(hits) / Double(totalCases) : 0,
                 density: worlds == 0 ? 0 : Double(hits) / Double(worlds),
                 mass: total > 0 ? Double(worlds) / Double(total) : 0)
        }
        var trajectory = [step()]
        let smallest = max(1, Int((minMass * Double(total)).rounded(.up)))
        /// A candidate peel: the worlds and cases it removes, the new limit, and which worlds go.
        struct Candidate {
            var removed: Int, removedCases: Int, limit: Limit, dimension: Int
            /// Numeric: remove values ≤ `low` (lower end) or ≥ `high`; categorical: this category.
            var below: Double?, above: Double?, category: Int?
        }
        while hits > 0, hits < worlds {
            let k = max(1, Int((alpha * Double(worlds)).rounded(.up)))
            var best: Candidate?
            func consider(_ c: Candidate) {
                let kept = worlds - c.removed, keptCases = hits - c.removedCases
                guard c.removed > 0, kept >= smallest else { return }
                if let b = best {
                    // Higher density first; equal densities: fewer worlds removed.
                    let lhs = keptCases * (worlds - b.removed), rhs = (hits - b.removedCases) * kept
                    if lhs < rhs || (lhs == rhs && c.removed >= b.removed) { return }
                }
                best = c
            }
            for (d, dimension) in dimensions.enumerated() {
                switch dimension {
                case .numeric(let x):
                    guard k < worlds else { continue }
                    // An end: the k most extreme values in the box and every world tied with
                    // the k-th; `next` is the first value left, the new bound.
                    func end<S: Sequence<Int>>(_ walk: S) -> (removed: Int, cases: Int, cut: Double, next: Double?) {
                        var seen = 0, removed = 0, removedCases = 0, cut = 0.0
                        for i in walk where inside[i] {
                            if seen < k { cut = x[i] }
                            guard seen < k || x[i] == cut else { return (removed, removedCases, cut, x[i]) }
                            removed += 1
                            if cases[i] { removedCases += 1 }
                            seen += 1
                        }
                        return (removed, removedCases, cut, nil)
                    }
                    let low = end(order[d])
                    if let floor = low.next {
                        var limit = limits[d]
                        limit.lower = floor
                        consider(Candidate(removed: low.removed, removedCases: low.cases, limit: limit, dimension: d, below: low.cut))
                    }
                    let high = end(order[d].reversed())
                    if let ceiling = high.next {
                        var limit = limits[d]
                        limit.upper = ceiling
                        consider(Candidate(removed: high.removed, removedCases: high.cases, limit: limit, dimension: d, above: high.cut))
                    }
                case .categorical(let names, let v):
                    var count = [Int](repeating: 0, count: names.count), caseCount = count
                    for i in 0..<total where inside[i] {
                        count[v[i]] += 1
                        if cases[i] { caseCount[v[i]] += 1 }
                    }
                    let present = names.indices.filter { count[$0] > 0 }
                    guard present.count > 1 else { continue }
                    for c in present {
                        var limit = limits[d]
                        limit.categories = present.filter { $0 != c }
                        consider(Candidate(removed: count[c], removedCases: caseCount[c], limit: limit, dimension: d, category: c))
                    }
                }
            }
            guard let chosen = best else { break }
            let d = chosen.dimension
            for i in 0..<total where inside[i] {
                let out: Bool
                switch dimensions[d] {
                case .numeric(let x):
                    out = chosen.below.map { x[i] <= $0 } ?? chosen.above.map { x[i] >= $0 } ?? false
                case .categorical(_, let v):
                    out = v[i] == chosen.category
                }
                if out { inside[i] = false }
            }
            limits[d] = chosen.limit
            worlds -= chosen.removed
            hits -= chosen.removedCases
            trajectory.append(step())
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
