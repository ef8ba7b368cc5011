import SimKernel

/// Morris's elementary-effects design (Morris 1991): `trajectories` random walks on a grid of
/// `levels` levels per factor in [0, 1], each of k + 1 points, where each step moves exactly one
/// factor, every factor once, by ±Δ with Δ = levels / (2 (levels − 1)).
///
/// Levels are kept as integer indices 0..<levels (unit value index / (levels − 1)), so a step
/// is exactly levels / 2 indices and the test "moves one factor by Δ" is exact.
public struct MorrisDesign: Sendable {
    public let factors: Int
    public let levels: Int
    public let trajectories: Int
    /// Δ in level indices: levels / 2.
    public var stepIndices: Int { levels / 2 }
    /// Δ on the unit scale.
    public var delta: Double { Double(stepIndices) / Double(levels - 1) }
    /// Level indices of every point, trajectory by trajectory: point t·(k + 1) + s.
    public let points: [[Int]]
    /// `moved[t][s]`: the factor that changes between points s and s + 1 of trajectory t.
    public let moved: [[Int]]

    /// Draw order, part of the reproducibility contract: per trajectory, per factor a start
    /// level in 0..<levels − Δ (one uniform) and a direction (one uniform, up if < ½), then a
    /// Fisher–Yates shuffle of the factor order. A factor moving down starts Δ higher.
    public init(factors: Int, levels: Int, trajectories: Int, generator: inout Xoshiro256StarStar) {
        precondition(factors >= 1 && levels >= 2 && levels % 2 == 0 && trajectories >= 1)
        self.factors = factors
        self.levels = levels
        self.trajectories = trajectories
        let step = levels / 2
        var points: [[Int]] = []
        var moved: [[Int]] = []
        for _ in 0..<trajectories {
            var start = [Int](repeating: 0, count: factors)
            var up = [Bool](repeating: true, count: factors)
            for f in 0..<factors {
                let base = LatinHypercube.uniformIndex(below: levels - step, &generator)
                up[f] = generator.nextUnit() < 0.5
                start[f] = up[f] ? base : base + step
            }
            var order = Array(0..<factors)
            var i = factors - 1
            while i > 0 {
                order.swapAt(i, LatinHypercube.uniformIndex(below: i + 1, &generator))
                i -= 1
            }
            var x = start
            points.append(x)
            for f in order {
                x[f] += up[f] ? step : -step
                points.append(x)
            }
            moved.append(order)
        }
        self.points = points
        self.moved = moved
    }

    /// The unit value of a level index.
    public func unit(_ level: Int) -> Double {
        Double(level) / Double(levels - 1)
    }
}
