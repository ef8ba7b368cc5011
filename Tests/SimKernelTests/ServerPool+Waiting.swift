@testable import SimKernel

/// Test support: what a pool holds, which the model never needs to list.
extension ServerPool {
    /// The waiting requests in the order they would be served.
    ///
    /// - Complexity: O(`waiting` log `waiting` + `priorityClasses`)
    func waitingRequests() -> [(client: Int32, priorityClass: Int, requestTime: Double)] {
        var result: [(client: Int32, priorityClass: Int, requestTime: Double)] = []
        result.reserveCapacity(_waiting)
        for (priorityClass, queue) in queues.enumerated() {
            for request in queue.inServiceOrder() {
                result.append((request.client, priorityClass, request.requestTime))
            }
        }
        return result
    }
}
