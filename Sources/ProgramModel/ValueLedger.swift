import Foundation

/// The four parts of the program's cost rate (MODEL.md section 7).
enum CostPart: Int, CaseIterable {
    case squads, pilots, scaleUp, run
}

/// The program's value and cost account (MODEL.md section 7).
///
/// Both rates are piecewise constant (they change only at events), so cumulative value and
/// cost, their discounted integrals and the break-even crossing are all computed exactly.
///
/// Each rate is kept as sums over its changes rather than per segment: a change Δ at time s
/// contributes Δ·(t − s) to the integral up to t and Δ·(e^(−δs) − e^(−δH))/δ to the
/// discounted integral over [0, H]. So the figures depend only on the changes of that rate,
/// never on how often the other one changed (value realized is the same to the bit whether
/// or not pilots cost anything), and a constant cost rate (the baseline: squads only, all
/// from t = 0) is one change, with nothing computed per event.
struct ValueLedger {
    /// Continuous discount rate δ per month.
    let delta: Double
    private(set) var rate = 0.0
    /// Σ Δ·s over the changes of the value rate: cumulative value at t is rate·t − this.
    private var valueChangeMoment = 0.0
    /// Σ Δ·e^(−δs) over the changes of the value rate.
    private var valueDiscountWeight = 0.0
    private(set) var breakEvenTime: Double? = nil
    /// The end of the last segment checked for break-even.
    private(set) var lastTime = 0.0

    /// The cost rate of each part and their total.
    private(set) var costRates = SIMD4<Double>(repeating: 0)
    private(set) var costRate = 0.0
    /// Σ Δ·s over the changes of each part's rate, so that its cumulative cost at t is
    /// rate·t − this.
    private var costChangeMoments = SIMD4<Double>(repeating: 0)
    /// The sum of `costChangeMoments`' lanes, kept for the month-end reads.
    private var costChangeMoment = 0.0
    /// Σ Δ·e^(−δs) over the changes of the total cost rate.
    private var costDiscountWeight = 0.0

    init(delta: Double) {
        self.delta = delta
    }

    /// e^(−δt), or 1 without discounting.
    private func discountFactor(_ t: Double) -> Double {
        delta != 0 ? exp(-delta * t) : 1
    }

    /// ∫₀ᴴ e^(−δt)·rate(t) dt from a rate's final value and its sums over changes.
    private func discounted(rate: Double, weight: Double, moment: Double, horizon: Double) -> Double {
        delta != 0 ? (weight - rate * exp(-delta * horizon)) / delta : rate * horizon - moment
    }

    /// Cumulative value at t ≥ the last change of the value rate.
    func cumulative(at t: Double) -> Double {
        rate * t - valueChangeMoment
    }

    /// Cumulative cost at t ≥ the last cost change.
    func cumulativeCost(at t: Double) -> Double {
        costRate * t - costChangeMoment
    }

    /// The cumulative cost of one part at t ≥ its last change.
    func cumulativeCost(of part: CostPart, at t: Double) -> Double {
        costRates[part.rawValue] * t - costChangeMoments[part.rawValue]
    }

    /// Closes the segment [lastTime, t] at the current rates (for the break-even search).
    mutating func advance(to t: Double) {
        let t0 = lastTime
        guard t > t0 else { return }
        if breakEvenTime == nil { checkBreakEven(from: t0, to: t) }
        lastTime = t
    }

    /// The first t in (t0, t1] with cumulative value ≥ cumulative cost > 0, on a segment where
    /// both rates are constant (the infimum when the cost only starts at t0 and value is already
    /// ahead). Stretches with no cost at all yet are not a break-even: nothing was at stake.
    private mutating func checkBreakEven(from t0: Double, to t1: Double) {
        let cost0 = cumulativeCost(at: t0)
        guard cost0 > 0 || costRate > 0 else { return }
        let net0 = cumulative(at: t0) - cost0
        let netRate = rate - costRate
        if net0 >= 0 && (cost0 > 0 || net0 > 0 || netRate >= 0) {
            breakEvenTime = t0
        } else if net0 < 0 && netRate > 0 {
            let crossing = t0 - net0 / netRate
            if crossing <= t1 { breakEvenTime = Swift.max(crossing, t0) }
        }
    }

    /// Changes the program's value rate at time t by `change` (k$ per month).
    mutating func changeRate(by change: Double, at t: Double) {
        guard change != 0 else { return }
        advance(to: t)
        rate += change
        valueChangeMoment += change * t
        valueDiscountWeight += change * discountFactor(t)
    }

    /// Sets one cost part's rate at time t (k$ per month).
    mutating func setCostRate(_ part: CostPart, to newRate: Double, at t: Double) {
        let change = newRate - costRates[part.rawValue]
        guard change != 0 else { return }
        advance(to: t)
        costRates[part.rawValue] = newRate
        costRate = costRates[0] + costRates[1] + costRates[2] + costRates[3]
        costChangeMoments[part.rawValue] += change * t
        costChangeMoment += change * t
        costDiscountWeight += change * discountFactor(t)
    }

    /// NPV over [0, horizon] once the ledger has been advanced to the horizon.
    func npv(horizon: Double) -> Double {
        discounted(rate: rate, weight: valueDiscountWeight, moment: valueChangeMoment, horizon: horizon)
            - discounted(rate: costRate, weight: costDiscountWeight, moment: costChangeMoment, horizon: horizon)
    }

    /// The break-even month once advanced to the horizon: 0 when the cost is 0 over the whole
    /// horizon (section 7), nil if never.
    func breakEven(horizon: Double) -> Double? {
        if let breakEvenTime { return breakEvenTime }
        return cumulativeCost(at: horizon) == 0 ? 0 : nil
    }
}
