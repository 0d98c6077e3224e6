import Testing
@testable import Workflows

/// How far the bucket emptier lists ahead, from the latencies it saw.
@Suite struct EmptyingPaceTests {
    @Test func listsNothingAheadBeforeADeleteWasTimed() {
        var pace = EmptyingPace()
        #expect(pace.depth(limit: 4) == 1)
        pace.listed(in: .milliseconds(100))
        #expect(pace.depth(limit: 4) == 1)
    }

    @Test(arguments: [
        (list: 100, delete: 1500, depth: 4),  // AWS: a delete of 1000 versions takes seconds; capped at the limit
        (list: 200, delete: 500, depth: 3),
        (list: 200, delete: 210, depth: 2),
        (list: 200, delete: 200, depth: 1),  // nothing to hide behind the listing
        (list: 1000, delete: 50, depth: 1),  // moto at 20,000 entries: listing is the cost
    ])
    func keepsAsManyDeletesInFlightAsOneListingTakesToHide(_ case: (list: Int, delete: Int, depth: Int)) {
        var pace = EmptyingPace()
        pace.listed(in: .milliseconds(`case`.list))
        pace.deleted(in: .milliseconds(`case`.delete))
        #expect(pace.depth(limit: 4) == `case`.depth)
    }

    @Test func followsTheLatenciesAsTheyChange() {
        var pace = EmptyingPace()
        pace.listed(in: .milliseconds(100))
        pace.deleted(in: .milliseconds(1000))
        #expect(pace.depth(limit: 4) == 4)
        for _ in 0..<8 { pace.listed(in: .milliseconds(2000)) }  // listings grew slow: stop listing ahead
        #expect(pace.depth(limit: 4) == 1)
    }
}
