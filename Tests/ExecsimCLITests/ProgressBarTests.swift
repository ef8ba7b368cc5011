import Dispatch
import Testing
@testable import ExecsimCLI

@Suite struct ProgressBarTests {
    @Test func rendersBarRateAndETA() {
        #expect(ProgressBar.render(label: "baseline", done: 500, total: 1000, elapsedSeconds: 2)
            == "baseline [###############...............] 500/1000  250/s  ETA 0:02")
        #expect(ProgressBar.render(label: "x", done: 3, total: 10, elapsedSeconds: 2)
            == "x [#########.....................] 3/10  1.5/s  ETA 0:05")
        #expect(ProgressBar.render(label: "x", done: 0, total: 10, elapsedSeconds: 0)
            == "x [..............................] 0/10  0.0/s  ETA -:--")
        #expect(ProgressBar.render(label: "x", done: 10, total: 10, elapsedSeconds: 4)
            == "x [##############################] 10/10  2.5/s  ETA 0:00")
    }

    @Test func minutesAndSeconds() {
        #expect(ProgressBar.formatMinutes(0) == "0:00")
        #expect(ProgressBar.formatMinutes(59.2) == "1:00")
        #expect(ProgressBar.formatMinutes(61) == "1:01")
        #expect(ProgressBar.formatMinutes(4503) == "75:03")
    }

    @Test func disabledBarIsSilentAndThreadSafe() {
        let bar = ProgressBar(total: 1000, label: "quiet", enabled: false)
        #expect(!bar.isActive)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<125 { bar.advance(by: 1) }
        }
        bar.finish()
        bar.finish()
    }
}
