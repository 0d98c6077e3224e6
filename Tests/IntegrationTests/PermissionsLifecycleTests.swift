import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Testing
import TestSupport
import Topology
import Workflows

/// Every verb of the lifecycle, run through the binary with `--record-requests` on the emulator (init, doctor, the
/// dry runs, bootstrap twice, publish-catalog, launch-project via CloudFormation, promote through every stage,
/// status --verify, teardown of each scope): every IAM action a verb sent must be in docs/permissions.json, which
/// `scripts/generate-permissions` writes from these same recordings (it sets MLOPSCTL_PERMISSION_RECORDINGS).
@Suite struct PermissionsLifecycleTests {
    /// One step: a scenario name (the recording's file name) and the arguments after `mlopsctl`.
    struct Step {
        let scenario: String
        let arguments: [String]
    }

    static func steps(_ emulator: Emulator, topology: String) -> [Step] {
        var initFlags = ["--region", "us-east-1"]
        for account in emulator.accounts {
            initFlags += ["--\(account.stage)-account", account.accountID, "--\(account.stage)-profile", account.profile]
        }
        let prod = emulator.account("prod")!.accountID
        return [
            Step(scenario: "init", arguments: ["init", "--out", topology] + initFlags),
            Step(scenario: "doctor", arguments: ["doctor"]),
            Step(scenario: "bootstrap-dry-run", arguments: ["bootstrap", "--dry-run"]),
            Step(scenario: "bootstrap", arguments: ["bootstrap"]),
            Step(scenario: "bootstrap-again", arguments: ["bootstrap"]),
            Step(scenario: "bootstrap-update-dry-run", arguments: ["bootstrap", "--dry-run"]),
            Step(scenario: "bootstrap-update", arguments: ["bootstrap"]),
            Step(scenario: "publish-catalog-dry-run", arguments: ["publish-catalog", "--dry-run"]),
            Step(scenario: "publish-catalog", arguments: ["publish-catalog"]),
            Step(scenario: "publish-catalog-again", arguments: ["publish-catalog"]),
            Step(scenario: "publish-catalog-new-version-dry-run", arguments: ["publish-catalog", "--dry-run"]),
            Step(scenario: "publish-catalog-new-version", arguments: ["publish-catalog"]),
            Step(scenario: "launch-project-cloudformation", arguments: ["launch-project", "--name", "demo", "--id", "p-perm1", "--via", "cloudformation"]),
            Step(scenario: "promote-dev-approve-dry-run", arguments: ["promote", "--project", "demo", "--to", "dev", "--approve", "--dry-run"]),
            Step(scenario: "promote-dev-approve", arguments: ["promote", "--project", "demo", "--to", "dev", "--approve"]),
            Step(scenario: "promote-preprod", arguments: ["promote", "--project", "demo", "--to", "preprod"]),
            Step(scenario: "promote-prod", arguments: ["promote", "--project", "demo", "--to", "prod", "--yes"]),
            Step(scenario: "status-verify", arguments: ["status", "--project", "demo", "--verify"]),
            Step(scenario: "teardown-project-dry-run", arguments: ["teardown", "--project", "demo", "--dry-run"]),
            Step(scenario: "teardown-project", arguments: ["teardown", "--project", "demo", "--yes", "--confirm-prod", prod]),
            Step(scenario: "teardown-catalog", arguments: ["teardown", "--catalog", "--yes"]),
            Step(scenario: "teardown-bootstrap", arguments: ["teardown", "--bootstrap", "--yes", "--confirm-prod", prod]),
            Step(scenario: "teardown-all-nothing-left", arguments: ["teardown", "--all", "--yes", "--confirm-prod", prod]),
        ]
    }

    /// Appended to the topology before a step.
    static let topologyChanges = [
        "bootstrap-update-dry-run": "bootstrap:\n  tags: { team: ml-platform }\n",
        "publish-catalog-new-version-dry-run": "catalog:\n  productVersion: \"2.0\"\n",
    ]

    @Test func everyActionTheLifecycleSendsIsInTheCommittedList() async throws {
        try await withEmulator { emulator in
            let recordings = emulator.directory.appendingPathComponent("recordings")
            try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
            let topology = emulator.directory.appendingPathComponent("mlopsctl.yaml").path
            var environment = BootstrapCrashAndLockTests.environment(
                emulator, ledger: emulator.directory.appendingPathComponent("ledger.sqlite").path, topology: topology)
            environment["MLOPSCTL_SEED_CODE"] = ConformanceData.packageRoot.appendingPathComponent("seed_code").path
            environment["USER"] = "permissions-test"

            var records: [(scenario: String, verb: String, records: [RequestRecord])] = []
            for step in Self.steps(emulator, topology: topology) {
                // A changed topology updates the stacks in place (UpdateStack), as after an upgrade or an edit.
                if let section = Self.topologyChanges[step.scenario] {
                    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: topology))
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data(section.utf8))
                    try handle.close()
                }
                if step.scenario == "publish-catalog-dry-run" { try await Self.dev(emulator, topology: topology).ssm.putParameter(
                    name: "/mlops/role/lead", value: "arn:aws:iam::\(emulator.account("dev")!.accountID):role/lead", type: .string) }
                if step.scenario == "promote-dev-approve-dry-run" {
                    _ = try await PromoteTests.registerPackage(try Self.dev(emulator, topology: topology), group: "demo-p-perm1")
                }
                let file = recordings.appendingPathComponent("lifecycle-\(step.scenario).jsonl")
                let result = try await CommandRunner().run(
                    step.arguments + ["--record-requests", file.path], environment: environment, timeout: 300)
                try #require(result.status == 0, "\(step.scenario): mlopsctl \(step.arguments.joined(separator: " ")): \(result.combined)")
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                let decoded = try lines.map { try JSONDecoder().decode(RequestRecord.self, from: Data($0.utf8)) }
                records.append(("lifecycle-\(step.scenario)", step.arguments[0], decoded))
            }
            // The recording is what the verb sent: its own name, each stage's account, and no secret.
            let secrets = try emulator.secrets()
            for (scenario, verb, list) in records {
                try PermissionList.save(list, scenario: scenario)
                #expect(list.allSatisfy { $0.verb == verb }, "\(scenario): \(Set(list.compactMap(\.verb)))")
                #expect(list.allSatisfy { $0.account == emulator.account($0.stage ?? "")?.accountID }, "\(scenario)")
                let text = try String(contentsOf: recordings.appendingPathComponent("\(scenario).jsonl"), encoding: .utf8)
                #expect(!secrets.contains { text.contains($0) }, "\(scenario) recorded a secret")
            }
            let promoted = records.first { $0.scenario == "lifecycle-promote-preprod" }?.records ?? []
            #expect(promoted.contains { PermissionList.principalKind($0.principal) == "cdk-deploy-role" && $0.actions == ["cloudformation:CreateStack"] })
            #expect(promoted.contains { $0.principal == "operator" && $0.actions == ["sts:AssumeRole"] })

            try PermissionList.check(records.map { ($0.scenario, $0.records) })
        }
    }

    /// The dev stage's session, for what is not mlopsctl's to do: the platform team's lead role parameter, and a
    /// PendingManualApproval package as the build pipeline registers it (scripts/run-local's stand-in trainer).
    static func dev(_ emulator: Emulator, topology path: String) throws -> AWSSession {
        let topology = try TopologyLoader.load(path: path)
        let sessions = StageSessions(
            config: try SharedConfigFiles.load(environment: emulator.awsEnvironment), environment: emulator.awsEnvironment,
            transport: URLSessionTransport(), logger: .init(label: "stand-in"))
        return try sessions.session(for: topology[.dev])
    }
}
