import Foundation

/// The program's value account (MODEL.md section 7).
///
/// The value rate is piecewise constant (it changes only at events), so cumulative value, its
/// discounted integral and the break-even crossing are all computed exactly per segment rather
/// than sampled.
struct ValueLedger {
    let costRate: Double
    /// Continuous discount rate δ per month.
    let delta: Double
    private(set) var rate = 0.0
    private(set) var cumulative = 0.0
    private(set) var discountedValue = 0.0
    private(set) var breakEven: Double? = nil
    private(set) var lastTime = 0.0
    /// exp(−δ·t) at the end of the last discounted segment, reused as the next segment's start
    /// (the same value exp would return again, so results are unchanged).
    private var discountTime = 0.0
    private var discountAtTime = 1.0

    init(costRate: Double, delta: Double) {
        self.costRate = costRate
        self.delta = delta
        // With no cost the program is even from the start (section 7: 0 when the cost rate is 0).
        breakEven = costRate == 0 ? 0 : nil
    }

    /// Closes the segment [lastTime, t] at the current rate.
    mutating func advance(to t: Double) {
        let t0 = lastTime
        guard t > t0 else { return }
        if rate != 0 {
            if delta > 0 {
                let start = discountTime == t0 ? discountAtTime : exp(-delta * t0)
                let end = exp(-delta * t)
                discountedValue += rate * (start - end) / delta
                (discountTime, discountAtTime) = (t, end)
            } else {
                discountedValue += rate * (t - t0)
            }
            if breakEven == nil && rate > costRate {
                // First t with cumulative + rate·(t − t0) = costRate·t on this linear segment.
                let crossing = t0 + (costRate * t0 - cumulative) / (rate - costRate)
                if crossing <= t { breakEven = Swift.max(crossing, t0) }
            }
        }
        cumulative += rate * (t - t0)
        lastTime = t
    }

    /// Changes the program's value rate at time t by `change` (k$ per month).
    mutating func changeRate(by change: Double, at t: Double) {
        advance(to: t)
        rate += change
    }

    /// Cumulative value at t ≥ lastTime, without closing the segment (for month-end series).
    func cumulative(at t: Double) -> Double {
        cumulative + rate * (t - lastTime)
    }

    /// NPV over [0, horizon] once the ledger has been advanced to the horizon.
    func npv(horizon: Double) -> Double {
        let discountedCost = delta > 0 ? costRate * (1 - exp(-delta * horizon)) / delta : costRate * horizon
        return discountedValue - discountedCost
    }
}
