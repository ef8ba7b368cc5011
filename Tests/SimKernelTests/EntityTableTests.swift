import Testing
@testable import SimKernel

@Suite struct EntityTableTests {
    private struct Job: Equatable { var arrival: Double; var done = false }

    @Test func rowsAreAppendedInOrderAndChangedInPlace() {
        var jobs = EntityTable<Job>(reservingCapacity: 2)
        for index in 0..<100 { jobs.append(Job(arrival: Double(index))) }   // grows past 8 twice
        #expect(jobs.count == 100)
        #expect(jobs.map(\.arrival) == (0..<100).map(Double.init))
        jobs[41].done = true
        jobs[41].arrival += 0.5
        #expect(jobs[41] == Job(arrival: 41.5, done: true))
        #expect(jobs.filter(\.done).count == 1)
    }

    @Test func removeAllEmptiesAndTheTableFillsAgainLikeANewOne() {
        var jobs = EntityTable<Job>()
        for index in 0..<20 { jobs.append(Job(arrival: Double(index), done: true)) }
        jobs.removeAll()
        #expect(jobs.isEmpty)
        jobs.append(Job(arrival: 7))
        #expect(Array(jobs) == [Job(arrival: 7)])
    }

    /// Copies share rows (writes are nonmutating) until one of them empties itself or
    /// appends; from then on they are independent.
    @Test func aCopyTakesRowsOfItsOwnWhenItIsEmptiedOrAppendedTo() {
        var original = EntityTable<Job>()
        for index in 0..<3 { original.append(Job(arrival: Double(index))) }
        let shared = original
        original[0].done = true
        #expect(shared[0].done, "a write before any append or removeAll is seen by the copy")

        var emptied = original
        emptied.removeAll()
        emptied.append(Job(arrival: 99))
        emptied[0].done = false
        #expect(original.map(\.arrival) == [0, 1, 2] && original[0].done)

        var grown = original
        grown.append(Job(arrival: 3))
        grown[1].done = true
        #expect(!original[1].done && original.count == 3)
        #expect(grown.count == 4 && grown[1].done)
    }
}
