import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Ledger
import Logging
import TestSupport
import Topology
import Workflows

/// A topology, a ledger and counted sessions over one emulator, for bootstrap tests.
struct BootstrapFixture {
    let emulator: Emulator
    let topology: Topology
    let ledger: LedgerDatabase
    let ledgerPath: String
    let transport: RecordingTransport
    let sessions: StageSessions

    /// - Parameter regions: a region per stage name, overriding the file's `us-east-1` (the emulator's profiles say us-east-1).
    init(_ emulator: Emulator, extraYAML: String = "", qualifier: String = "hnb659fds", regions: [String: String] = [:]) throws {
        self.emulator = emulator
        var yaml = "version: 1\nregion: us-east-1\nqualifier: \(qualifier)\nstages:\n"
        for account in emulator.accounts {
            let region = regions[account.stage].map { ", region: \($0)" } ?? ""
            yaml += "  \(account.stage): { account: \"\(account.accountID)\", profile: \(account.profile)\(region) }\n"
        }
        let file = emulator.directory.appendingPathComponent("topology-\(UUID().uuidString.prefix(8)).yaml")
        try (yaml + extraYAML).write(to: file, atomically: true, encoding: .utf8)
        topology = try TopologyLoader.load(path: file.path)
        topologyPath = file.path
        ledgerPath = emulator.directory.appendingPathComponent("ledger-\(UUID().uuidString.prefix(8)).sqlite").path
        ledger = try LedgerDatabase.open(path: ledgerPath)
        transport = RecordingTransport(wrapping: CurlTransport())
        let environment = emulator.awsEnvironment
        sessions = StageSessions(
            config: try SharedConfigFiles.load(environment: environment), environment: environment, transport: transport,
            logger: Logger(label: "test"))
    }

    let topologyPath: String

    func workflow(_ options: BootstrapOptions = BootstrapOptions()) -> BootstrapWorkflow {
        BootstrapWorkflow(topology: topology, options: options, sessions: sessions, openLedger: { [ledger] in ledger }, lockTimeout: .seconds(5))
    }

    func session(_ stage: Stage, region: String? = nil) throws -> AWSSession {
        try sessions.session(for: topology[stage], region: region)
    }

    /// Every region the topology uses, sorted.
    var regions: [String] { Array(Set(topology.stages.map(\.region))).sorted() }

    /// The accounts (other than its own) allowed to assume a role, read back through IAM.
    func trustedAccounts(ofRole roleName: String, in stage: Stage) async throws -> Set<String> {
        let role = try await session(stage).iam.getRole(name: roleName)
        let document = try requireValue(role?.assumeRolePolicyDocument, "role \(roleName) not found in \(stage)")
        let policy = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] ?? [:]
        var accounts: Set<String> = []
        for statement in policy["Statement"] as? [Any] ?? [] {
            guard let statement = statement as? [String: Any], statement["Action"] as? String == "sts:AssumeRole",
                statement["Effect"] as? String == "Allow", let principal = statement["Principal"] as? [String: Any] else { continue }
            let values: [Any] = (principal["AWS"] as? [Any]) ?? (principal["AWS"].map { [$0] } ?? [])
            for value in values {
                guard let text = value as? String else { continue }  // moto may keep a null where AWS::NoValue was
                accounts.insert(text.split(separator: ":").count > 4 ? String(text.split(separator: ":")[4]) : text)
            }
        }
        accounts.remove(topology[stage].account)
        return accounts
    }
}

struct MissingValue: Error, CustomStringConvertible {
    let description: String
}

func requireValue<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw MissingValue(description: message) }
    return value
}
