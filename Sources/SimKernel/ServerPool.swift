/// A pool of `servers` identical servers shared by requests of several priority classes.
///
/// Service is non-preemptive: a request is granted a server when one is free, otherwise it
/// waits; a freed server goes to the first waiting request of the lowest-numbered non-empty
/// class (class 0 first), first come first served within a class. A request that arrives
/// while every server is busy waits even if it outranks the work in service.
///
/// The pool records the waits of granted requests and the time-integral of busy servers, from
/// which utilization follows. It does not schedule anything: the model schedules the end of
/// service for whoever is granted a server.
///
///     var squads = ServerPool(servers: 1, priorityClasses: 3)
///     squads.request(client: 7, priorityClass: 2, at: 0)   // true: served at once
///     squads.request(client: 8, priorityClass: 0, at: 1)   // false: waits
///     squads.release(at: 4)   // Grant(client: 8, priorityClass: 0, wait: 3)
public struct ServerPool: Sendable {
    /// A waiting request that has just been given a server.
    public struct Grant: Equatable, Sendable {
        public var client: Int32
        public var priorityClass: Int
        /// How long the request waited, from its request time to now.
        public var wait: Double

        @inlinable
        public init(client: Int32, priorityClass: Int, wait: Double) {
            self.client = client
            self.priorityClass = priorityClass
            self.wait = wait
        }
    }

    /// The number of servers.
    public let servers: Int

    /// The number of servers in service.
    @inlinable public var busy: Int { _busy }
    @usableFromInline var _busy: Int

    /// The number of requests waiting for a server.
    @inlinable public var waiting: Int { _waiting }
    @usableFromInline var _waiting: Int

    /// The number of requests granted a server, at once or after waiting.
    @inlinable public var grantedCount: Int { _grantedCount }
    @usableFromInline var _grantedCount: Int

    /// The sum of the waits of granted requests (zero for those served at once).
    @inlinable public var waitSum: Double { _waitSum }
    @usableFromInline var _waitSum: Double

    /// One FIFO queue per priority class.
    @usableFromInline
    var queues: [RequestQueue]

    /// ∫ busy dt over [0, `lastChange`].
    @usableFromInline
    var busyArea: Double

    /// The time `busy` last changed (or was last accounted for).
    @usableFromInline
    var lastChange: Double

    /// Creates an idle pool.
    ///
    /// - Complexity: O(`priorityClasses`)
    public init(servers: Int, priorityClasses: Int) {
        precondition(servers >= 0, "a server pool needs a non-negative number of servers")
        precondition(priorityClasses >= 1, "a server pool needs at least one priority class")
        self.servers = servers
        _busy = 0
        _waiting = 0
        _grantedCount = 0
        _waitSum = 0
        queues = Array(repeating: RequestQueue(), count: priorityClasses)
        busyArea = 0
        lastChange = 0
    }

    /// The number of priority classes.
    @inlinable
    public var priorityClasses: Int { queues.count }

    /// Makes the pool idle, empty and at time zero again, keeping its queues' capacity.
    ///
    /// - Complexity: O(`priorityClasses`)
    public mutating func reset() {
        _busy = 0
        _waiting = 0
        _grantedCount = 0
        _waitSum = 0
        for index in queues.indices { queues[index].removeAll() }
        busyArea = 0
        lastChange = 0
    }

    /// Asks for a server for `client` at time `now`.
    ///
    /// - Returns: true when a server was free and is now the client's (a zero wait is
    ///   recorded); false when the request waits, to be granted later by ``release(at:)``.
    /// - Complexity: amortized O(1)
    @inlinable @discardableResult
    public mutating func request(client: Int32, priorityClass: Int, at now: Double) -> Bool {
        precondition(queues.indices.contains(priorityClass), "priority class out of range")
        if _busy < servers {
            accountBusyTime(until: now)
            _busy &+= 1
            _grantedCount &+= 1
            return true
        }
        queues[priorityClass].append(WaitingRequest(client: client, requestTime: now))
        _waiting &+= 1
        return false
    }

    /// Frees one server at time `now`.
    ///
    /// - Returns: when requests are waiting, the server goes straight to the first request of
    ///   the lowest non-empty class and its grant is returned (its wait recorded); otherwise
    ///   the server becomes idle and the result is nil.
    /// - Complexity: O(`priorityClasses`)
    @inlinable
    public mutating func release(at now: Double) -> Grant? {
        precondition(_busy > 0, "release on a pool with no busy server")
        if _waiting > 0 {
            for priorityClass in queues.indices where !queues[priorityClass].isEmpty {
                let request = queues[priorityClass].removeFirst()
                _waiting &-= 1
                let wait = now - request.requestTime
                _grantedCount &+= 1
                _waitSum += wait
                return Grant(client: request.client, priorityClass: priorityClass, wait: wait)
            }
        }
        accountBusyTime(until: now)
        _busy &-= 1
        return nil
    }

    /// ∫ busy dt over [0, `t`]; `t` must not precede the last change of `busy`.
    ///
    /// - Complexity: O(1)
    @inlinable
    public func busyTimeIntegral(upTo t: Double) -> Double {
        precondition(t >= lastChange, "busy-time integral asked for before the last change")
        return busyArea + Double(_busy) * (t - lastChange)
    }

    @inlinable
    mutating func accountBusyTime(until now: Double) {
        precondition(now >= lastChange, "server pool time went backwards")
        busyArea += Double(_busy) * (now - lastChange)
        lastChange = now
    }
}

/// A request waiting in a ``ServerPool``.
@usableFromInline
struct WaitingRequest: Sendable {
    @usableFromInline var client: Int32
    @usableFromInline var requestTime: Double

    @inlinable
    init(client: Int32, requestTime: Double) {
        self.client = client
        self.requestTime = requestTime
    }
}

/// A FIFO ring buffer of waiting requests that grows by doubling and never shifts elements.
@usableFromInline
struct RequestQueue: Sendable {
    @usableFromInline var buffer: ContiguousArray<WaitingRequest>
    /// The index of the first request in `buffer`.
    @usableFromInline var head: Int
    @usableFromInline var count: Int

    @inlinable
    init() {
        buffer = []
        head = 0
        count = 0
    }

    @inlinable
    var isEmpty: Bool { count == 0 }

    @inlinable
    mutating func append(_ request: WaitingRequest) {
        if count == buffer.count { grow(placing: request) }
        var tail = head &+ count
        if tail >= buffer.count { tail &-= buffer.count }
        buffer[tail] = request
        count &+= 1
    }

    @inlinable
    mutating func removeFirst() -> WaitingRequest {
        let request = buffer[head]
        head &+= 1
        if head == buffer.count { head = 0 }
        count &-= 1
        return request
    }

    /// Doubles the capacity, unrolling the ring so the first request is at index 0.
    @usableFromInline
    mutating func grow(placing filler: WaitingRequest) {
        var unrolled = ContiguousArray<WaitingRequest>()
        unrolled.reserveCapacity(Swift.max(8, 2 * buffer.count))
        forEach { unrolled.append($0) }
        while unrolled.count < unrolled.capacity { unrolled.append(filler) }
        buffer = unrolled
        head = 0
    }

    @inlinable
    mutating func removeAll() {
        head = 0
        count = 0
    }

    /// Calls `body` on each waiting request, first to last.
    @inlinable
    func forEach(_ body: (WaitingRequest) -> Void) {
        var index = head
        for _ in 0..<count {
            body(buffer[index])
            index &+= 1
            if index == buffer.count { index = 0 }
        }
    }
}
