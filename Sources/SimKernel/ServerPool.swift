/// A pool of servers shared by requests of several priority classes.
///
/// Service is non-preemptive: a request is granted a server when one is free, otherwise it
/// waits; a freed server goes to the first waiting request of the lowest-numbered non-empty
/// class (class 0 first). Within a class, requests are served first come first served, or, in
/// a class whose discipline is ``Discipline/highestRankFirst``, highest rank first with equal
/// ranks first come first served. A request that arrives while every server is busy waits
/// even if it outranks the work in service.
///
/// Servers can join while the pool runs (``addServer(at:)``); a server that joins takes the
/// first waiting request at once.
///
/// The pool records the waits of granted requests, the time-integral of busy servers and that
/// of available servers, from which utilization follows. It does not schedule anything: the
/// model schedules the end of service for whoever is granted a server.
///
///     var squads = ServerPool(servers: 1, priorityClasses: 3)
///     squads.request(client: 7, priorityClass: 2, at: 0)   // true: served at once
///     squads.request(client: 8, priorityClass: 0, at: 1)   // false: waits
///     squads.release(at: 4)   // Grant(client: 8, priorityClass: 0, wait: 3)
///
/// A bank with one teller, VIP customers served before the others, and a second teller from noon:
///
///     var tellers = ServerPool(servers: 1, disciplines: [.highestRankFirst])
///     tellers.request(client: 1, priorityClass: 0, rank: 0, at: 9)    // regular, served
///     tellers.request(client: 2, priorityClass: 0, rank: 0, at: 10)   // regular, waits
///     tellers.request(client: 3, priorityClass: 0, rank: 1, at: 11)   // VIP, waits
///     tellers.addServer(at: 12)   // Grant(client: 3, priorityClass: 0, wait: 1)
public struct ServerPool: Sendable {
    /// The order in which one priority class's waiting requests are served.
    public enum Discipline: Sendable, Equatable {
        /// In order of request.
        case firstComeFirstServed
        /// Highest `rank` first; equal ranks in order of request.
        case highestRankFirst
    }

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

    /// The number of servers, including those that have joined.
    @inlinable public var servers: Int { _servers }
    @usableFromInline var _servers: Int

    /// The number of servers the pool starts with (and returns to on ``reset()``).
    public let initialServers: Int

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

    /// One queue per priority class.
    @usableFromInline
    var queues: [ClassQueue]

    /// Requests that have waited so far: the arrival order that breaks ties of rank.
    @usableFromInline
    var arrivals: Int

    /// ∫ busy dt over [0, `lastChange`].
    @usableFromInline
    var busyArea: Double

    /// The time `busy` last changed (or was last accounted for).
    @usableFromInline
    var lastChange: Double

    /// Σ of the join times of the servers that joined after time 0.
    @usableFromInline
    var joinTimeSum: Double

    /// Creates an idle pool whose classes are all first come first served.
    ///
    /// - Complexity: O(`priorityClasses`)
    public init(servers: Int, priorityClasses: Int) {
        precondition(priorityClasses >= 1, "a server pool needs at least one priority class")
        self.init(servers: servers,
                  disciplines: Array(repeating: .firstComeFirstServed, count: priorityClasses))
    }

    /// Creates an idle pool with one priority class per element of `disciplines`, class 0 first.
    ///
    /// - Complexity: O(`disciplines.count`)
    public init(servers: Int, disciplines: [Discipline]) {
        precondition(servers >= 0, "a server pool needs a non-negative number of servers")
        precondition(!disciplines.isEmpty, "a server pool needs at least one priority class")
        _servers = servers
        initialServers = servers
        _busy = 0
        _waiting = 0
        _grantedCount = 0
        _waitSum = 0
        queues = disciplines.map { ClassQueue(ranked: $0 == .highestRankFirst) }
        arrivals = 0
        busyArea = 0
        lastChange = 0
        joinTimeSum = 0
    }

    /// The number of priority classes.
    @inlinable
    public var priorityClasses: Int { queues.count }

    /// The discipline of class `priorityClass`.
    public func discipline(of priorityClass: Int) -> Discipline {
        queues[priorityClass].ranked ? .highestRankFirst : .firstComeFirstServed
    }

    /// Makes the pool idle, empty, back to its initial servers and at time zero again, keeping
    /// its queues' capacity.
    ///
    /// - Complexity: O(`priorityClasses`)
    public mutating func reset() {
        _servers = initialServers
        _busy = 0
        _waiting = 0
        _grantedCount = 0
        _waitSum = 0
        for index in queues.indices { queues[index].removeAll() }
        arrivals = 0
        busyArea = 0
        lastChange = 0
        joinTimeSum = 0
    }

    /// Asks for a server for `client` at time `now`. `rank` orders the request within a
    /// ``Discipline/highestRankFirst`` class (higher first) and is ignored in other classes.
    ///
    /// - Returns: true when a server was free and is now the client's (a zero wait is
    ///   recorded); false when the request waits, to be granted later by ``release(at:)`` or
    ///   ``addServer(at:)``.
    /// - Complexity: amortized O(1) in a first-come-first-served class, O(log `waiting`) in a
    ///   ranked one.
    @inlinable @discardableResult
    public mutating func request(client: Int32, priorityClass: Int, rank: Double = 0, at now: Double) -> Bool {
        precondition(queues.indices.contains(priorityClass), "priority class out of range")
        if _busy < _servers {
            accountBusyTime(until: now)
            _busy &+= 1
            _grantedCount &+= 1
            return true
        }
        precondition(!rank.isNaN, "a request's rank must be a number")
        queues[priorityClass].append(
            WaitingRequest(client: client, requestTime: now, rank: rank, arrival: arrivals))
        arrivals &+= 1
        _waiting &+= 1
        return false
    }

    /// Frees one server at time `now`.
    ///
    /// - Returns: when requests are waiting, the server goes straight to the first request of
    ///   the lowest non-empty class and its grant is returned (its wait recorded); otherwise
    ///   the server becomes idle and the result is nil.
    /// - Complexity: O(`priorityClasses`), plus O(log `waiting`) from a ranked class.
    @inlinable
    public mutating func release(at now: Double) -> Grant? {
        precondition(_busy > 0, "release on a pool with no busy server")
        if _waiting > 0 { return grantFirstWaiting(at: now) }
        accountBusyTime(until: now)
        _busy &-= 1
        return nil
    }

    /// Adds one server at time `now` (not before the pool's last change).
    ///
    /// - Returns: when requests are waiting, the new server goes straight to the first of them
    ///   and its grant is returned; otherwise the server joins idle and the result is nil.
    /// - Complexity: O(`priorityClasses`), plus O(log `waiting`) from a ranked class.
    public mutating func addServer(at now: Double) -> Grant? {
        precondition(now >= lastChange, "a server joins before the pool's last change")
        _servers &+= 1
        joinTimeSum += now
        guard _waiting > 0 else { return nil }
        accountBusyTime(until: now)
        _busy &+= 1
        return grantFirstWaiting(at: now)
    }

    /// Gives a server that is already counted busy to the first waiting request.
    @inlinable
    mutating func grantFirstWaiting(at now: Double) -> Grant {
        for priorityClass in queues.indices where !queues[priorityClass].isEmpty {
            let request = queues[priorityClass].removeFirst()
            _waiting &-= 1
            let wait = now - request.requestTime
            _grantedCount &+= 1
            _waitSum += wait
            return Grant(client: request.client, priorityClass: priorityClass, wait: wait)
        }
        preconditionFailure("a waiting count without a waiting request")
    }

    /// ∫ busy dt over [0, `t`]; `t` must not precede the last change of `busy`.
    ///
    /// - Complexity: O(1)
    @inlinable
    public func busyTimeIntegral(upTo t: Double) -> Double {
        precondition(t >= lastChange, "busy-time integral asked for before the last change")
        return busyArea + Double(_busy) * (t - lastChange)
    }

    /// ∫ servers dt over [0, `t`]: each server counted from the time it joined; `t` must not
    /// precede the last join.
    ///
    /// - Complexity: O(1)
    @inlinable
    public func serverTimeIntegral(upTo t: Double) -> Double {
        Double(_servers) * t - joinTimeSum
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
    @usableFromInline var rank: Double
    /// The pool's count of waiting requests before this one: ties of rank go to the lower.
    @usableFromInline var arrival: Int

    @inlinable
    init(client: Int32, requestTime: Double, rank: Double, arrival: Int) {
        self.client = client
        self.requestTime = requestTime
        self.rank = rank
        self.arrival = arrival
    }

    /// Whether this request is served before `other` in a ranked class.
    @inlinable
    func isServed(before other: WaitingRequest) -> Bool {
        rank > other.rank || (rank == other.rank && arrival < other.arrival)
    }
}

/// One priority class's waiting line: a FIFO ring, or a binary max-heap by (rank, −arrival)
/// when the class is ranked. The FIFO ring keeps the common first-come-first-served case at
/// O(1) without comparisons.
@usableFromInline
struct ClassQueue: Sendable {
    @usableFromInline let ranked: Bool
    @usableFromInline var fifo: RequestQueue
    @usableFromInline var heap: RankedRequestHeap

    @inlinable
    init(ranked: Bool) {
        self.ranked = ranked
        fifo = RequestQueue()
        heap = RankedRequestHeap()
    }

    @inlinable
    var isEmpty: Bool { ranked ? heap.isEmpty : fifo.isEmpty }

    @inlinable
    mutating func append(_ request: WaitingRequest) {
        if ranked { heap.insert(request) } else { fifo.append(request) }
    }

    @inlinable
    mutating func removeFirst() -> WaitingRequest {
        ranked ? heap.removeFirst() : fifo.removeFirst()
    }

    @inlinable
    mutating func removeAll() {
        fifo.removeAll()
        heap.removeAll()
    }

    func inServiceOrder() -> [WaitingRequest] {
        if ranked {
            return heap.elements.sorted { $0.isServed(before: $1) }
        }
        var result: [WaitingRequest] = []
        fifo.forEach { result.append($0) }
        return result
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
