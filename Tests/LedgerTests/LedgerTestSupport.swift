import Foundation
import Ledger

/// Small builders shared by the ledger tests; every test makes its own database.
enum Fixture {
    static let host = "build-host"

    static func request(_ command: String = "bootstrap", pid: Int32 = 4242, host: String = Fixture.host, who: String = "alice") -> LockRequest {
        LockRequest(command: command, arguments: ["--topology", "acme.yaml"], who: "\(who)@\(host)", host: host, pid: pid)
    }

    static func intent(
        _ kind: ResourceKind = .bucket, _ physicalId: String? = "acme-artifacts", stage: String = "dev", account: String = "222222222222",
        region: String = "us-east-1", logicalId: String? = nil, stack: String? = nil, project: String? = nil,
        ownership: Ownership = .created
    ) -> ResourceIntent {
        ResourceIntent(
            stage: stage, account: account, region: region, kind: kind, physicalId: physicalId, logicalId: logicalId, stack: stack,
            project: project, ownership: ownership)
    }

    /// A run that holds the lock, as every writer does; pids are treated as alive unless a test says otherwise.
    static func startRun(_ database: LedgerDatabase, _ command: String = "bootstrap") async throws -> LedgerLock {
        try await database.acquireLock(request(command), isAlive: { _ in true })
    }

    /// A fresh folder under the temporary directory; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The permission bits of a file or folder.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
