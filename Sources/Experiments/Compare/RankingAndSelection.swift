import Foundation

/// Selecting the best scenario with a guaranteed probability of correct selection.
///
/// The procedure is Kim and Nelson's fully sequential KN (Kim & Nelson 2001, "A fully
/// sequential procedure for indifference-zone selection in simulation", ACM TOMACS 11(3)),
/// which allows common random numbers: after a first stage of n₀ replications of every
/// scenario, it adds one replication at a time to each surviving scenario and drops those
/// whose running mean falls too far behind another's. When the best is at least δ (the
/// indifference zone) better than every other, it is selected with probability at least
/// 1 − α; otherwise it selects one within δ of the best with that probability.
public enum RankingAndSelection {
    /// The outcome of one selection.
    public struct Selection: Sendable, Equatable {
        /// The selected scenario; nil only when the first stage could not be completed.
        public var selected: Int?
        /// For each scenario, the replications of it the procedure used: the stage at which it
        /// was eliminated, or the final stage for the survivors.
        public var replicationsUsed: [Int]
        /// The highest replication index drawn, plus one: how many replications of the
        /// survivors had to exist (indices skipped for undefined values included).
        public var replicationsDrawn: Int
        /// True when the procedure stopped with several survivors (the limit, or a reason in
        /// ``stopped``); the one with the best running mean was then taken, without the guarantee.
        public var hitLimit: Bool
        /// Why it stopped before separating the survivors, when it did.
        public var stopped: Stop? = nil
    }

    /// Why a selection ended without the guarantee.
    public enum Stop: Sendable, Equatable {
        /// The replication limit was reached with several survivors.
        case limit
        /// The metric was undefined for `scenario` in `replications` replications in a row, so
        /// no paired value could be drawn (for example roi of a scenario without cost).
        case undefined(scenario: Int, replications: Int)
        /// The survivors gave exactly the same value in each of `replications` paired
        /// replications: on this metric they are the same scenario, and no number of
        /// replications separates them.
        case identical(scenarios: [Int], replications: Int)
    }

    /// Consecutive replications without a defined paired value, and paired replications with
    /// identical values, after which the procedure stops and says so.
    public static let giveUpAfter = 1000

    /// Runs KN on `k` scenarios.
    ///
    /// Replication indices are taken in order 0, 1, 2, …; an index where a surviving
    /// scenario's value is undefined (`sample` returns nil) is skipped for all of them, which
    /// keeps the pairing that CRN relies on.
    ///
    /// - Parameters:
    ///   - k: the number of scenarios.
    ///   - delta: the indifference zone δ > 0, in the metric's units.
    ///   - higherIsBetter: the metric's direction.
    ///   - alpha: 1 − the probability of correct selection.
    ///   - firstStage: n₀ ≥ 2 (Kim and Nelson suggest 10 to 20).
    ///   - limit: the first replication index that may not be drawn.
    ///   - sample: scenario i's value in replication r.
    /// - Complexity: O(k² · n₀) for the first stage, then O(|survivors|²) per stage.
    public static func kimNelson(k: Int, delta: Double, higherIsBetter: Bool, alpha: Double = 0.05,
                                 firstStage n0: Int = 20, limit: Int = 1_000_000,
                                 sample: (_ scenario: Int, _ replication: Int) -> Double?) -> Selection {
        precondition(k >= 1 && delta > 0 && n0 >= 2 && alpha > 0 && alpha < 1)
        if k == 1 {
            return Selection(selected: 0, replicationsUsed: [0], replicationsDrawn: 0, hitLimit: false)
        }
        let sign = higherIsBetter ? 1.0 : -1.0
        var surviving = Array(0..<k)
        var used = [Int](repeating: 0, count: k)
        var next = 0  // the next replication index to try

        var stop: Stop?
        var undefinedCount = [Int](repeating: 0, count: k)
        /// The next replication where every survivor's value is defined, in the better direction.
        func draw() -> [Double]? {
            var skipped = 0
            while next < limit {
                let r = next
                next += 1
                var row = [Double](repeating: 0, count: k)
                var complete = true
                for i in surviving {
                    guard let v = sample(i, r), !v.isNaN else {
                        complete = false
                        undefinedCount[i] += 1
                        break
                    }
                    row[i] = sign * v
                }
                if complete { return row }
                skipped += 1
                if skipped >= giveUpAfter {
                    let worst = surviving.max { undefinedCount[$0] < undefinedCount[$1] }!
                    stop = .undefined(scenario: worst, replications: skipped)
                    return nil
                }
            }
            stop = .limit
            return nil
        }
        // Pairs of survivors that have differed in some drawn replication.
        var differs = [[Bool]](repeating: [Bool](repeating: false, count: k), count: k)
        var rowsDrawn = 0
        func record(_ row: [Double]) {
            rowsDrawn += 1
            for i in surviving { for l in surviving where l > i && row[i] != row[l] { differs[i][l] = true } }
        }

        // First stage: n₀ replications of everything, and the variance of each paired difference.
        var firstRows: [[Double]] = []
        while firstRows.count < n0, let row = draw() { firstRows.append(row); record(row) }
        guard firstRows.count == n0 else {
            return Selection(selected: nil, replicationsUsed: used, replicationsDrawn: next, hitLimit: true, stopped: stop)
        }
        var sums = [Double](repeating: 0, count: k)
        for row in firstRows { for i in 0..<k { sums[i] += row[i] } }
        var varianceOfDifference = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for l in (i + 1)..<k {
                let diffs = firstRows.map { $0[i] - $0[l] }
                let sd = PairedComparison.standardDeviation(diffs, mean: PairedComparison.mean(diffs))
                varianceOfDifference[i][l] = sd * sd
                varianceOfDifference[l][i] = sd * sd
            }
        }
        // η from the first-stage size and Bonferroni over the k − 1 rivals (c = 1 in KN).
        let eta = 0.5 * (pow(2 * alpha / Double(k - 1), -2 / Double(n0 - 1)) - 1)
        let h2 = 2 * eta * Double(n0 - 1)

        var stage = n0
        while true {
            // Screening: i survives if its mean is not below any rival's by more than W.
            let r = Double(stage)
            let kept = surviving.filter { i in
                surviving.allSatisfy { l in
                    guard l != i else { return true }
                    let w = max(0, delta / (2 * r) * (h2 * varianceOfDifference[i][l] / (delta * delta) - r))
                    return sums[i] / r >= sums[l] / r - w
                }
            }
            for i in surviving where !kept.contains(i) { used[i] = stage }
            surviving = kept
            if surviving.count == 1 { break }
            if rowsDrawn >= giveUpAfter,
               surviving.allSatisfy({ i in surviving.allSatisfy { l in l <= i || !differs[i][l] } }) {
                stop = .identical(scenarios: surviving, replications: rowsDrawn)
            }
            guard stop == nil, let row = draw() else {
                for i in surviving { used[i] = stage }
                // Ties go to the earliest scenario, so identical scenarios select the first given.
                let best = surviving.max { sums[$0] < sums[$1] || (sums[$0] == sums[$1] && $0 > $1) }
                return Selection(selected: best, replicationsUsed: used, replicationsDrawn: next, hitLimit: true, stopped: stop)
            }
            record(row)
            for i in surviving { sums[i] += row[i] }
            stage += 1
        }
        used[surviving[0]] = stage
        return Selection(selected: surviving[0], replicationsUsed: used, replicationsDrawn: next, hitLimit: false)
    }
}
