import Foundation
import SimKernel

/// Portfolio prioritization (MODEL.md 4.2 estimated value, 4.3, 6.6): which waiting scale-up
/// or new work a free squad takes.
extension ProgramSimulation {
    /// Class 0 (retraining) is always first come first served; classes 1 (scale-up) and 2
    /// (new work) are ranked unless the prioritization is `fifo`.
    static func squadDisciplines(_ p: ModelParameters) -> [ServerPool.Discipline] {
        let work: ServerPool.Discipline = p.ranksWork ? .highestRankFirst : .firstComeFirstServed
        return [.firstComeFirstServed, work, work]
    }

    /// The last attribute draw of a use case (4.2): Z for its estimated value
    /// Ṽ = V·exp(σZ), and from it the rank of its class-1 and class-2 requests (Ṽ, or Ṽ/c
    /// under wsjf).
    ///
    /// Z takes its two draws whatever the prioritization, so that scenarios that differ only
    /// in how they rank work face the same use cases; under `fifo` nothing uses it, so the
    /// draws are made and the transform is skipped.
    @inline(__always)
    func workRank(value: Double, complexity: Double, rng: inout Xoshiro256StarStar) -> Double {
        guard p.ranksWork else {
            _ = rng.next()
            _ = rng.next()
            return 0
        }
        let z = rng.standardNormal()
        let estimate = p.estimateSigma == 0 ? value : value * exp(p.estimateSigma * z)
        return p.scenario.portfolio.prioritization == .wsjf ? estimate / complexity : estimate
    }

    /// The rank a request of `priorityClass` carries into its pool (ignored in fifo classes).
    @inline(__always)
    func requestRank(_ uc: Int, _ priorityClass: Int) -> Double {
        priorityClass == 0 ? 0 : useCases[uc].rank
    }
}
