import Foundation
import Ledger
import Testing

/// A temporary ledger file seeded through the Ledger API, for driving the built binary against it.
struct SeededLedger {
    let folder: URL
    let path: String
    let ledger: LedgerDatabase
    /// The run that created everything (finished), and the one still running (holding the lock when asked).
    let firstRun: Int64

    /// - Parameter relativePath: where in a fresh temporary folder the file goes (missing folders are created).
    static func make(relativePath: String = "ledger.sqlite") async throws -> SeededLedger {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(relativePath).path
        let ledger = try LedgerDatabase.open(path: path)
        let request = LockRequest(command: "bootstrap", arguments: ["--topology", "acme.yaml"], who: "alice@ci", host: "ci", pid: 4242)
        let firstRun = try await ledger.withLock(request, isAlive: { _ in true }) { lock in
            try await ledger.setOperator(runId: lock.runId, arn: "arn:aws:sts::111111111111:assumed-role/Admin/alice")
            let seeds: [(ResourceIntent, ResourceStatus, String?)] = [
                (intent(.stack, "mlops-bootstrap", stage: "governance", account: "111111111111"), .present, nil),
                (intent(.bucket, "acme-gov-artifacts", stage: "governance", account: "111111111111", stack: "mlops-bootstrap"), .present, nil),
                (intent(.stack, "mlops-bootstrap", stage: "dev", account: "222222222222"), .failed, "CREATE_FAILED: Access Denied"),
                (intent(.ssmParameter, "/mlops/churn/model", stage: "prod", account: "444444444444", project: "churn"), .retained, "kept"),
            ]
            for (intent, status, detail) in seeds {
                let id = try #require(try await ledger.plan(intent, runId: lock.runId).id)
                try await ledger.settle(id, status: status, detail: detail)
            }
            try await ledger.record(events: [
                StackEvent(
                    runId: lock.runId, stage: "dev", account: "222222222222", region: "us-east-1", stackName: "mlops-bootstrap",
                    eventId: "ev-1", timestamp: Date(timeIntervalSince1970: 1_795_910_400), logicalId: "ArtifactBucket",
                    resourceType: "AWS::S3::Bucket", status: "CREATE_FAILED", reason: "Access Denied"),
            ])
            return lock.runId
        }
        return SeededLedger(folder: folder, path: path, ledger: ledger, firstRun: firstRun)
    }

    static func intent(
        _ kind: ResourceKind, _ physicalId: String, stage: String, account: String, stack: String? = nil, project: String? = nil
    ) -> ResourceIntent {
        ResourceIntent(
            stage: stage, account: account, region: "us-east-1", kind: kind, physicalId: physicalId, stack: stack, project: project)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
