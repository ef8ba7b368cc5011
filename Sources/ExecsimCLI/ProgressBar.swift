import Dispatch
import Experiments
import Foundation

/// A one-line progress display on stderr for long runs, so a user can tell a slow run from a
/// stuck one and knows how long to wait.
///
/// It draws only when stderr is a terminal and it is enabled, so piped or redirected output
/// and CI logs never fill with carriage returns. Worker threads may call ``advance(by:)``
/// concurrently; a lock guards the count and redraws happen at most ten times a second, so
/// the cost per call is one uncontended lock.
///
///     let bar = ProgressBar(total: 1000, label: "baseline", enabled: !quiet)
///     // from any thread: bar.advance(by: 1)
///     bar.finish()
///     // baseline [##########..........] 500/1000  245/s  ETA 0:02
public final class ProgressBar: @unchecked Sendable {
    public let total: Int
    public let label: String
    /// Whether anything is drawn: enabled and stderr is a terminal.
    public let isActive: Bool

    private let lock = NSLock()
    private var done = 0
    private var finished = false
    private let startNanoseconds: UInt64
    private var lastDrawNanoseconds: UInt64 = 0
    private static let redrawIntervalNanoseconds: UInt64 = 100_000_000
    private static let barWidth = 30

    /// - Parameters:
    ///   - total: the number of steps (replications) in the run.
    ///   - label: shown before the bar, typically the scenario or variant name.
    ///   - enabled: false to stay silent (for `--quiet`), whatever stderr is.
    public init(total: Int, label: String, enabled: Bool) {
        self.total = total
        self.label = label
        self.isActive = enabled && isatty(2) != 0
        self.startNanoseconds = DispatchTime.now().uptimeNanoseconds
    }

    /// Records `steps` more completed steps; redraws if the last redraw is 0.1 s old.
    /// Safe to call from any thread.
    public func advance(by steps: Int = 1) {
        guard isActive else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        done += steps
        let now = DispatchTime.now().uptimeNanoseconds
        if now &- lastDrawNanoseconds >= Self.redrawIntervalNanoseconds {
            lastDrawNanoseconds = now
            draw(now: now, final: false)
        }
    }

    /// Draws the final state and ends the line; later calls do nothing.
    public func finish() {
        guard isActive else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        draw(now: DispatchTime.now().uptimeNanoseconds, final: true)
    }

    /// Must be called with the lock held.
    private func draw(now: UInt64, final: Bool) {
        let elapsed = Double(now &- startNanoseconds) / 1e9
        let line = "\r" + Self.render(label: label, done: done, total: total, elapsedSeconds: elapsed)
            + "\u{1B}[K" + (final ? "\n" : "")
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { buffer in
            _ = write(2, buffer.baseAddress!, buffer.count)
        }
    }

    /// The text of the bar, without terminal control characters:
    /// `label [#####.....] done/total  rate/s  ETA m:ss`.
    static func render(label: String, done: Int, total: Int, elapsedSeconds: Double) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        let rateText = rate >= 100 ? String(Int(rate.rounded())) : String((rate * 10).rounded() / 10)
        let eta: String
        if done >= total {
            eta = formatMinutes(0)
        } else if rate > 0 {
            eta = formatMinutes(Double(total - done) / rate)
        } else {
            eta = "-:--"
        }
        return "\(label) [\(bar)] \(done)/\(total)  \(rateText)/s  ETA \(eta)"
    }

    /// `m:ss`, minutes unbounded (`75:03`).
    static func formatMinutes(_ seconds: Double) -> String {
        let whole = seconds.isFinite ? Int(seconds.rounded(.up)) : 0
        let secondsPart = whole % 60
        return "\(whole / 60):" + (secondsPart < 10 ? "0" : "") + String(secondsPart)
    }
}

extension ProgressBar {
    /// A handler that draws one bar per part of a computation (`ProgressEvent.started`) on
    /// stderr, when `enabled` and stderr is a terminal.
    static func handler(enabled: Bool) -> ProgressHandler {
        let current = CurrentBar()
        return { event in
            switch event {
            case .started(let label, let total):
                current.replace(with: ProgressBar(total: total, label: label, enabled: enabled))
            case .advanced(let steps):
                current.bar?.advance(by: steps)
            case .finished:
                current.replace(with: nil)
            }
        }
    }
}

/// The bar being drawn; parts start and finish on the caller's thread, advances come from
/// workers, hence the lock.
private final class CurrentBar: @unchecked Sendable {
    private let lock = NSLock()
    private var _bar: ProgressBar?

    var bar: ProgressBar? {
        lock.lock()
        defer { lock.unlock() }
        return _bar
    }

    func replace(with next: ProgressBar?) {
        lock.lock()
        let previous = _bar
        _bar = next
        lock.unlock()
        previous?.finish()
    }
}
