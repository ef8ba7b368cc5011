/// A binary max-heap of waiting requests in service order (``WaitingRequest/isServed(before:)``),
/// sifting a hole rather than swapping.
@usableFromInline
struct RankedRequestHeap: Sendable {
    @usableFromInline var elements: ContiguousArray<WaitingRequest>

    @inlinable
    init() { elements = [] }

    @inlinable
    var isEmpty: Bool { elements.isEmpty }

    @inlinable
    mutating func insert(_ request: WaitingRequest) {
        var hole = elements.count
        elements.append(request)
        while hole > 0 {
            let parent = (hole &- 1) / 2
            guard request.isServed(before: elements[parent]) else { break }
            elements[hole] = elements[parent]
            hole = parent
        }
        elements[hole] = request
    }

    @inlinable
    mutating func removeFirst() -> WaitingRequest {
        let first = elements[0]
        let last = elements.removeLast()
        let count = elements.count
        guard count > 0 else { return first }
        var hole = 0
        while true {
            var child = 2 &* hole &+ 1
            guard child < count else { break }
            if child &+ 1 < count && elements[child &+ 1].isServed(before: elements[child]) { child &+= 1 }
            guard elements[child].isServed(before: last) else { break }
            elements[hole] = elements[child]
            hole = child
        }
        elements[hole] = last
        return first
    }

    @inlinable
    mutating func removeAll() {
        elements.removeAll(keepingCapacity: true)
    }
}
