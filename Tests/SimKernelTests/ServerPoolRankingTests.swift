import Testing
import SimKernel

/// Ranking within a class and servers that join while the pool runs.
@Suite struct ServerPoolRankingTests {
    /// A bank opens at 9 with one teller. VIP customers (rank 1) are served before regular
    /// ones (rank 0), first come first served among equals; nobody is interrupted. A second
    /// teller starts at noon. Every service takes 1.5 hours, and the ends are handled by hand:
    ///   9.0   R1 arrives, served at once by teller A (ends 10.5)
    ///   9.5   R2 arrives, waits
    ///   10.0  V1 arrives, waits (ahead of R2)
    ///   10.2  R3 arrives, waits
    ///   10.5  A frees: V1 (wait 0.5), ends 12.0
    ///   11.0  V2 arrives, waits (ahead of R2, R3)
    ///   11.5  V3 arrives, waits (behind V2: equal rank, later)
    ///   12.0  teller B joins: V2 (wait 1.0), ends 13.5;
    ///         then A frees: V3 (wait 0.5), ends 13.5
    ///   13.5  B frees: R2 (wait 4.0); A frees: R3 (wait 3.3)
    ///   15.0  both free, nobody waits
    /// Waits: 0 + 0.5 + 1 + 0.5 + 4 + 3.3 = 9.3 over 6 customers.
    /// Busy teller-hours over [9, 15]: A 9–15 (6 h), B 12–15 (3 h) = 9, counted from 0: the
    /// pool's clock starts at 0 with nobody in service, so the integral up to 15 is 9.
    /// Teller-hours available up to 15: A from 0 (15 h) + B from 12 (3 h) = 18.
    @Test func bankWithVIPCustomersAndATellerJoiningAtNoon() {
        var tellers = ServerPool(servers: 1, disciplines: [.highestRankFirst])
        let r1: Int32 = 1, r2: Int32 = 2, r3: Int32 = 3, v1: Int32 = 11, v2: Int32 = 12, v3: Int32 = 13
        #expect(tellers.request(client: r1, priorityClass: 0, rank: 0, at: 9.0) == true)
        #expect(tellers.request(client: r2, priorityClass: 0, rank: 0, at: 9.5) == false)
        #expect(tellers.request(client: v1, priorityClass: 0, rank: 1, at: 10.0) == false)
        #expect(tellers.request(client: r3, priorityClass: 0, rank: 0, at: 10.2) == false)
        #expect(tellers.waitingRequests().map(\.client) == [v1, r2, r3])
        #expect(tellers.release(at: 10.5) == ServerPool.Grant(client: v1, priorityClass: 0, wait: 0.5))
        #expect(tellers.request(client: v2, priorityClass: 0, rank: 1, at: 11.0) == false)
        #expect(tellers.request(client: v3, priorityClass: 0, rank: 1, at: 11.5) == false)
        #expect(tellers.waitingRequests().map(\.client) == [v2, v3, r2, r3])
        #expect(tellers.servers == 1)
        #expect(tellers.addServer(at: 12.0) == ServerPool.Grant(client: v2, priorityClass: 0, wait: 1.0))
        #expect(tellers.servers == 2 && tellers.busy == 2)
        #expect(tellers.release(at: 12.0) == ServerPool.Grant(client: v3, priorityClass: 0, wait: 0.5))
        #expect(tellers.release(at: 13.5) == ServerPool.Grant(client: r2, priorityClass: 0, wait: 4.0))
        let last = tellers.release(at: 13.5)
        #expect(last?.client == r3)
        #expect(abs((last?.wait ?? 0) - 3.3) < 1e-12)
        #expect(tellers.release(at: 15) == nil)
        #expect(tellers.release(at: 15) == nil)
        #expect(tellers.busy == 0 && tellers.waiting == 0)
        #expect(tellers.grantedCount == 6)
        #expect(abs(tellers.waitSum - 9.3) < 1e-12)
        #expect(tellers.busyTimeIntegral(upTo: 15) == 9)
        #expect(tellers.serverTimeIntegral(upTo: 15) == 18)

        // A reset pool is back to one teller.
        tellers.reset()
        #expect(tellers.servers == 1 && tellers.serverTimeIntegral(upTo: 15) == 15)
    }

    /// A server that joins with nobody waiting is idle; the next request takes it.
    @Test func aServerJoiningAnEmptyQueueWaitsIdle() {
        var pool = ServerPool(servers: 0, priorityClasses: 1)
        #expect(pool.request(client: 1, priorityClass: 0, at: 0) == false)
        #expect(pool.addServer(at: 2) == ServerPool.Grant(client: 1, priorityClass: 0, wait: 2))
        #expect(pool.addServer(at: 3) == nil)
        #expect(pool.busy == 1 && pool.servers == 2)
        #expect(pool.request(client: 2, priorityClass: 0, at: 4) == true)
        // Available: 0 from 0, one from 2, one from 3: (10 − 2) + (10 − 3) = 15.
        #expect(pool.serverTimeIntegral(upTo: 10) == 15)
        // Busy: client 1 from 2, client 2 from 4: 8 + 6 = 14.
        #expect(pool.busyTimeIntegral(upTo: 10) == 14)
    }

    /// A joining server takes the first request of the lowest non-empty class, as a freed one.
    @Test func aJoiningServerRespectsPriorityClasses() {
        var pool = ServerPool(servers: 1, disciplines: [.firstComeFirstServed, .highestRankFirst])
        #expect(pool.request(client: 0, priorityClass: 1, rank: 0, at: 0) == true)
        #expect(pool.request(client: 1, priorityClass: 1, rank: 9, at: 1) == false)
        #expect(pool.request(client: 2, priorityClass: 0, rank: -5, at: 2) == false)
        #expect(pool.addServer(at: 3)?.client == 2, "class 0 before class 1 whatever the rank")
        #expect(pool.addServer(at: 3)?.client == 1)
        #expect(pool.discipline(of: 0) == .firstComeFirstServed)
        #expect(pool.discipline(of: 1) == .highestRankFirst)
    }

    /// Against a reference: a stable sort by rank (descending) of the requests still waiting,
    /// with requests and releases interleaved at random and many equal ranks.
    @Test func rankedClassServesHighestRankFirstTiesByArrival() {
        var pool = ServerPool(servers: 1, disciplines: [.highestRankFirst])
        #expect(pool.request(client: -1, priorityClass: 0, at: 0) == true)
        var random = TestGenerator(seed: 11)
        var waiting: [(client: Int32, rank: Double)] = []
        var next: Int32 = 0
        for _ in 0..<3_000 {
            if waiting.isEmpty || Bool.random(using: &random) {
                let rank = Double(Int.random(in: 0..<7, using: &random))
                #expect(pool.request(client: next, priorityClass: 0, rank: rank, at: 0) == false)
                waiting.append((next, rank))
                next += 1
            } else {
                // The reference: the highest rank, the earliest among equals.
                var best = 0
                for i in waiting.indices where waiting[i].rank > waiting[best].rank { best = i }
                #expect(pool.release(at: 0)?.client == waiting[best].client)
                waiting.remove(at: best)
            }
        }
        let expected = waiting.enumerated()
            .sorted { ($0.element.rank, -$0.offset) > ($1.element.rank, -$1.offset) }
            .map(\.element.client)
        #expect(pool.waitingRequests().map(\.client) == expected)
    }
}
