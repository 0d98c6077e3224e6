import AWSWire
import Foundation
import TestSupport
import Testing

/// Replayed workflows reach what the emulator cannot (SageMaker projects, Service Catalog provisioning, rollbacks,
/// IAM policy clean-up), so their requests count for docs/permissions.json as much as the binary's on the emulator:
/// observed with the same labels, then checked against the committed list (or saved, when the generator records).
enum ReplayPermissions {
    /// ReplayProfile's accounts by stage.
    static let accounts = ["governance": "111111111111", "dev": "222222222222", "preprod": "333333333333", "prod": "444444444444"]

    /// `base` reporting to `collector` as `stage`'s operator, as `StageSessions` labels a stage's session.
    static func transport(_ base: any HTTPTransport, stage: String, collector: RequestCollector) -> any HTTPTransport {
        ObservedTransport(base: base, observer: collector, labels: RequestLabels(stage: stage, account: accounts[stage]))
    }

    /// Saves the scenario's requests for the generator, else fails the test on an action the list lacks.
    static func check(_ collector: RequestCollector, scenario: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try PermissionList.check([("replay-\(scenario)", collector.records)], sourceLocation: sourceLocation)
    }
}
