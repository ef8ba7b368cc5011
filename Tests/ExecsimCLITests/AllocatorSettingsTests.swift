import Testing
@testable import ExecsimCLI

/// The executable keeps freed memory for reuse (see `AllocatorSettings`): glibc must take the
/// settings, or a run's chunks pay for their memory again in page faults.
@Suite struct AllocatorSettingsTests {
    @Test func glibcTakesTheSettings() {
        #if os(Linux)
        #expect(AllocatorSettings.apply())
        #expect(AllocatorSettings.apply(), "applying again is harmless")
        #else
        #expect(!AllocatorSettings.apply())
        #endif
    }
}
