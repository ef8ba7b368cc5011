import Testing
@testable import SimKernel

/// A few distinct times, so that ties are the common case.
private let tiedTimes: [Double] = [0, 0.5, 1, 1, 2, 3.25]

@Suite struct EventQueueTests {
    @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
    func popsInStableSortOrderWithManyTies(seed: UInt64) {
        var random = TestGenerator(seed: seed)
        let count = Int.random(in: 0...600, using: &random)
        let times = (0..<count).map { _ in tiedTimes.randomElement(using: &random)! }

        var events = EventQueue<Int32>()
        for (index, time) in times.enumerated() { events.schedule(at: time, Int32(index)) }
        #expect(events.count == count)
        #expect(events.satisfiesHeapOrder())

        // A stable sort by time: among equal times, the earlier scheduled comes first.
        let expected = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
        var popped: [Int] = []
        while let event = events.popNext() {
            #expect(event.time == times[Int(event.payload)])
            popped.append(Int(event.payload))
        }
        #expect(popped == expected)
        #expect(events.isEmpty)
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func interleavedSchedulesAndPopsMatchAReferenceModel(seed: UInt64) {
        var random = TestGenerator(seed: seed)
        var events = EventQueue<Int32>()
        var reference: [(time: Double, sequence: Int, payload: Int32)] = []
        var scheduled = 0
        var clock = 0.0

        for _ in 0..<5_000 {
            if reference.isEmpty || Int.random(in: 0..<5, using: &random) < 3 {
                // Schedule at or after the current clock, as a simulation does.
                let time = clock + tiedTimes.randomElement(using: &random)!
                events.schedule(at: time, Int32(scheduled))
                reference.append((time, scheduled, Int32(scheduled)))
                scheduled += 1
            } else {
                let next = reference.indices.min {
                    (reference[$0].time, reference[$0].sequence)
                        < (reference[$1].time, reference[$1].sequence)
                }!
                let expected = reference.remove(at: next)
                let event = events.popNext()
                #expect(event?.time == expected.time)
                #expect(event?.payload == expected.payload)
                #expect(event?.sequence == UInt64(expected.sequence))
                clock = expected.time
            }
            #expect(events.count == reference.count)
            #expect(events.nextTime == reference.map(\.time).min())
        }
        #expect(events.satisfiesHeapOrder())
    }

    @Test func popNextNotAfterRunsEveryEventUpToTheHorizonAndNoneAfter() {
        var random = TestGenerator(seed: 11)
        var events = EventQueue<Int32>(reservingCapacity: 64)
        let horizon = 1.0
        let times = (0..<200).map { _ in tiedTimes.randomElement(using: &random)! }
        for (index, time) in times.enumerated() { events.schedule(at: time, Int32(index)) }

        var processed: [Int] = []
        while let event = events.popNext(notAfter: horizon) {
            #expect(event.time <= horizon)
            processed.append(Int(event.payload))
        }
        let expected = times.indices
            .filter { times[$0] <= horizon }
            .sorted { (times[$0], $0) < (times[$1], $1) }
        #expect(processed == expected)
        #expect(processed.contains { times[$0] == horizon }, "events at the horizon run")
        #expect(events.count == times.filter { $0 > horizon }.count)
        #expect(events.nextTime.map { $0 > horizon } == true)
        #expect(events.popNext(notAfter: horizon) == nil, "stays nil at the horizon")
    }

    /// The 128-bit order the heap uses is the (time, sequence) order over every time an event
    /// may have: ties, both zeros, subnormals and infinity included.
    @Test func bitOrderIsTimeThenSequenceOrder() {
        let times: [Double] = [-0.0, 0, .leastNonzeroMagnitude, .leastNormalMagnitude.nextDown, .leastNormalMagnitude,
                               0.5, 1, 1.0.nextUp, 3.25, .greatestFiniteMagnitude, .infinity]
        let sequences: [UInt64] = [0, 1, 2, 1 << 40, UInt64.max - 1, UInt64.max]
        var pairs = 0
        for t1 in times { for s1 in sequences { for t2 in times { for s2 in sequences {
            let a = ScheduledEvent(time: t1, sequence: s1, payload: Int32(0))
            let b = ScheduledEvent(time: t2, sequence: s2, payload: Int32(0))
            let expected = t1 < t2 || (t1 == t2 && s1 < s2)
            #expect(a.runsBefore(b) == expected, "\(t1) \(s1) against \(t2) \(s2)")
            pairs += 1
        } } } }
        #expect(pairs == 11 * 6 * 11 * 6)
        #expect(ScheduledEvent(time: -0.0, sequence: 0, payload: Int32(0)).time.sign == .plus, "-0 is kept as +0")
    }

    @Test func emptyQueueHasNoNextEvent() {
        var events = EventQueue<Int32>()
        #expect(events.isEmpty)
        #expect(events.nextTime == nil)
        #expect(events.popNext() == nil)
        #expect(events.popNext(notAfter: .infinity) == nil)
    }

    @Test func removeAllMakesTheQueueBehaveLikeANewOne() {
        var events = EventQueue<Int32>()
        for index in 0..<10 { events.schedule(at: Double(index % 3), Int32(index)) }
        _ = events.popNext()
        events.removeAll()
        #expect(events.isEmpty)
        #expect(events.nextTime == nil)
        #expect(events.popNext() == nil)

        var fresh = EventQueue<Int32>()
        for index in 0..<5 {
            events.schedule(at: 1, Int32(index))
            fresh.schedule(at: 1, Int32(index))
        }
        for _ in 0..<5 {
            let reused = events.popNext()
            #expect(reused == fresh.popNext())
        }
        #expect(events.isEmpty)
    }

    @Test func lazyCancellationSkipsStaleEventsAndKeepsTheRestInOrder() {
        struct Timer: Equatable { var owner: Int; var stamp: UInt32; var label: Int }
        var timers = TimerGenerations(count: 4)
        var events = EventQueue<Timer>()
        var label = 0
        func schedule(_ owner: Int, at time: Double) {
            events.schedule(at: time, Timer(owner: owner, stamp: timers.current(owner), label: label))
            label += 1
        }

        schedule(0, at: 1)      // label 0
        schedule(1, at: 1)      // label 1: cancelled
        schedule(2, at: 2)      // label 2
        schedule(1, at: 3)      // label 3: cancelled
        schedule(3, at: 1)      // label 4: cancelled, twice
        timers.invalidate(1)
        timers.invalidate(3)
        schedule(1, at: 2)      // label 5: scheduled after the cancellation, live
        timers.invalidate(3)
        schedule(0, at: 0.5)    // label 6

        var live: [Int] = []
        var skipped: [Int] = []
        while let event = events.popNext() {
            let timer = event.payload
            if timers.isCurrent(timer.owner, timer.stamp) {
                live.append(timer.label)
            } else {
                skipped.append(timer.label)
            }
        }
        #expect(live == [6, 0, 2, 5])
        #expect(skipped == [1, 4, 3])
        #expect(timers.current(3) == 2)

        timers.reset(count: 2)
        #expect(timers.count == 2)
        #expect(timers.current(1) == 0)
    }
}

@Suite struct EventQueueValueSemanticsTests {
    /// The queue shares its buffer between copies until one writes (copy on write), like an
    /// Array: changing a copy, or growing it, never changes the original.
    @Test func copiesAreIndependent() {
        var original = EventQueue<Int32>(reservingCapacity: 4)
        for index in 0..<4 { original.schedule(at: Double(4 - index), Int32(index)) }
        var copy = original
        copy.schedule(at: 0, 99)                      // grows the copy's buffer
        #expect(copy.popNext()?.payload == 99)
        #expect(copy.popNext()?.payload == 3)
        var popped = original
        #expect(popped.popNext()?.payload == 3)       // a pop on a shared buffer copies it first
        #expect(original.count == 4)
        var order: [Int32] = []
        while let event = original.popNext() { order.append(event.payload) }
        #expect(order == [3, 2, 1, 0])
        #expect(copy.count == 3 && popped.count == 3)
    }
}
