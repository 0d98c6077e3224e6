import Testing

/// `RECORD_SNAPSHOTS=1` rewrites the golden fixtures on a workstation; under `CI=true` it is refused, so CI can never
/// pass by re-recording what it should compare.
@Suite struct SnapshotModeTests {
    @Test func recordingIsRefusedUnderCI() {
        #expect(Snapshot.mode(environment: ["RECORD_SNAPSHOTS": "1", "CI": "true"]) == .refused(Snapshot.refusedUnderCI))
        #expect(Snapshot.mode(environment: ["RECORD_SNAPSHOTS": "TRUE", "CI": "True"]) == .refused(Snapshot.refusedUnderCI))
        #expect(Snapshot.refusedUnderCI.hasPrefix("RECORD_SNAPSHOTS=1 is refused under CI=true"))
    }

    @Test func recordingOutsideCIAndComparingOtherwise() {
        #expect(Snapshot.mode(environment: ["RECORD_SNAPSHOTS": "1"]) == .record)
        #expect(Snapshot.mode(environment: ["RECORD_SNAPSHOTS": "1", "CI": "false"]) == .record)
        #expect(Snapshot.mode(environment: ["CI": "true"]) == .compare)
        #expect(Snapshot.mode(environment: [:]) == .compare)
        #expect(Snapshot.mode(environment: ["RECORD_SNAPSHOTS": "0"]) == .compare)
    }
}
