import Testing
import SimKernel

@Suite struct ServerPoolTests {
    @Test func freedServersGoToTheLowestClassFirstThenFirstComeFirstServed() {
        var pool = ServerPool(servers: 1, priorityClasses: 3)
        #expect(pool.request(client: 0, priorityClass: 1, at: 0) == true)
        let queued: [(Int32, Int)] = [(1, 2), (2, 0), (3, 1), (4, 0), (5, 2)]
        for (time, (client, priorityClass)) in queued.enumerated() {
            #expect(pool.request(client: client, priorityClass: priorityClass, at: Double(time + 1)) == false)
        }
        #expect(pool.waiting == 5)
        #expect(pool.waitingRequests().map(\.client) == [2, 4, 3, 1, 5])
        #expect(pool.waitingRequests().map(\.priorityClass) == [0, 0, 1, 2, 2])

        var served: [Int32] = []
        while let grant = pool.release(at: 10) { served.append(grant.client) }
        #expect(served == [2, 4, 3, 1, 5])
        #expect(pool.busy == 0)
        #expect(pool.waiting == 0)
    }

    @Test func noPreemption() {
        var pool = ServerPool(servers: 2, priorityClasses: 3)
        #expect(pool.request(client: 1, priorityClass: 2, at: 0) == true)
        #expect(pool.request(client: 2, priorityClass: 2, at: 0) == true)
        #expect(pool.request(client: 3, priorityClass: 0, at: 1) == false, "class 0 waits for class 2 work")
        #expect(pool.busy == 2)
        #expect(pool.waiting == 1)
        #expect(pool.release(at: 5) == ServerPool.Grant(client: 3, priorityClass: 0, wait: 4))
        #expect(pool.busy == 2)
    }

    @Test func firstComeFirstServedWithinAClassAcrossRingWrapAndGrowth() {
        var pool = ServerPool(servers: 1, priorityClasses: 1)
        #expect(pool.request(client: -1, priorityClass: 0, at: 0) == true)
        var random = TestGenerator(seed: 5)
        var expected: [Int32] = []
        var next: Int32 = 0
        var served: [Int32] = []
        for _ in 0..<2_000 {
            if expected.count == served.count || Bool.random(using: &random) {
                #expect(pool.request(client: next, priorityClass: 0, at: 0) == false)
                expected.append(next)
                next += 1
            } else {
                served.append(pool.release(at: 0)!.client)
            }
        }
        #expect(pool.waitingRequests().map(\.client) == Array(expected[served.count...]))
        while let grant = pool.release(at: 0) { served.append(grant.client) }
        #expect(served == expected)
    }

    // Two servers, classes 0..2:
    //   t=0  A (class 2) requests: granted, busy 1, wait 0
    //   t=1  B (class 2) requests: granted, busy 2, wait 0
    //   t=2  C (class 2) requests: waits
    //   t=3  D (class 0) requests: waits (no preemption)
    //   t=4  A ends: D first (class 0), wait 4 - 3 = 1, busy stays 2
    //   t=6  B ends: C,                 wait 6 - 2 = 4, busy stays 2
    //   t=7  D ends: nobody waits, busy 1
    //   t=10 C ends: busy 0
    // Waits: 0 + 0 + 1 + 4 = 5 over 4 grants.
    // ∫busy over [0,5]  = 1·(1-0) + 2·(5-1)                      = 1 + 8  = 9
    // ∫busy over [0,12] = 1·(1-0) + 2·(7-1) + 1·(10-7) + 0·(12-10) = 1 + 12 + 3 = 16
    @Test func waitsAndBusyTimeOnAHandComputedSchedule() {
        var pool = ServerPool(servers: 2, priorityClasses: 3)
        for _ in 0..<2 {
            #expect(pool.request(client: 0, priorityClass: 2, at: 0) == true)
            #expect(pool.request(client: 1, priorityClass: 2, at: 1) == true)
            #expect(pool.request(client: 2, priorityClass: 2, at: 2) == false)
            #expect(pool.request(client: 3, priorityClass: 0, at: 3) == false)
            #expect(pool.release(at: 4) == ServerPool.Grant(client: 3, priorityClass: 0, wait: 1))
            #expect(pool.busyTimeIntegral(upTo: 5) == 9)
            #expect(pool.release(at: 6) == ServerPool.Grant(client: 2, priorityClass: 2, wait: 4))
            #expect(pool.release(at: 7) == nil)
            #expect(pool.busy == 1)
            #expect(pool.release(at: 10) == nil)
            #expect(pool.busy == 0)
            #expect(pool.grantedCount == 4)
            #expect(pool.waitSum == 5)
            #expect(pool.busyTimeIntegral(upTo: 12) == 16)

            // The second pass checks that a reset pool behaves like a new one.
            pool.reset()
            #expect(pool.busy == 0 && pool.waiting == 0 && pool.grantedCount == 0)
            #expect(pool.waitSum == 0)
            #expect(pool.busyTimeIntegral(upTo: 0) == 0)
        }
    }
}
