#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, set once at start-up to keep the memory it has rather than hand it back.
///
/// By default glibc returns the top of its heap to the system once 128 KB of it is free, and
/// maps every block above a threshold (128 KB, rising with use) afresh. A run frees its chunk
/// of results, rows and laid-out values at the end of every chunk and takes as much again at
/// the start of the next, so each chunk paid for its memory again in page faults: 5,400 to
/// 13,000 of them in a 20,000-replication run, a page of zeros each. Keeping up to 64 MB at
/// the top of the heap and mapping only blocks of 32 MB or more lets the next chunk reuse the
/// same pages. Peak memory is unchanged: what is kept is what the run had in use a moment ago.
enum AllocatorSettings {
    private typealias MallOpt = @convention(c) (Int32, Int32) -> Int32

    /// `mallopt` parameters (malloc.h): not in Swift's Glibc module.
    private static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3

    /// Applies the settings; returns whether glibc took both (false elsewhere).
    @discardableResult
    static func apply() -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        return mallopt(trimThreshold, 64 << 20) == 1 && mallopt(mmapThreshold, 32 << 20) == 1
        #else
        return false
        #endif
    }
}
