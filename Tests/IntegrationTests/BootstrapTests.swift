import AWSServices
import CFNTemplate
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// `bootstrap` against four emulated accounts, checked through AWS APIs (not through our own templates).
@Suite struct BootstrapTests {
    @Test func bootstrapsFourAccountsWithTheSeedsTrustGraphThenMakesNoChange() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            let results = try await fixture.workflow().run()
            #expect(results.count == 4)
            #expect(results.allSatisfy { $0.succeeded && $0.stacks.allSatisfy { $0.action == .created } }, "\(results)")

            for stage in Stage.allCases {
                let session = try fixture.session(stage)
                let stack = try await session.cloudFormation.describeStack("CDKToolkit")
                #expect(stack?.status == .createComplete, "\(stage)")
                #expect(stack?.outputValues["BootstrapVersion"] == "32")
                #expect(try await session.ssm.getParameter(name: "/cdk-bootstrap/hnb659fds/version")?.value == "32", "\(stage)")
            }
            let names = { (stage: Stage) in BootstrapNames(account: fixture.topology[stage].account, region: "us-east-1") }
            let gov = fixture.topology[.governance].account, dev = fixture.topology[.dev].account
            #expect(try await fixture.trustedAccounts(ofRole: names(.preprod).deployRole, in: .preprod) == [dev, gov])
            #expect(try await fixture.trustedAccounts(ofRole: names(.prod).deployRole, in: .prod) == [dev, gov])
            #expect(try await fixture.trustedAccounts(ofRole: names(.dev).deployRole, in: .dev) == [gov])
            #expect(try await fixture.trustedAccounts(ofRole: names(.governance).deployRole, in: .governance).isEmpty)

            // The ledger knows every stack and staging bucket, all present.
            let rows = try await fixture.ledger.resources()
            for stage in Stage.allCases {
                let account = fixture.topology[stage].account
                let stacks = rows.filter { $0.account == account && $0.kind == .stack }
                #expect(Set(stacks.compactMap(\.physicalId)) == ["CDKToolkit", "mlopsctl-hnb659fds-cfn-exec-\(stage.rawValue)"])
                #expect(rows.contains { $0.account == account && $0.kind == .bucket && $0.physicalId == names(stage).stagingBucket })
            }
            #expect(rows.allSatisfy { $0.status == .present }, "\(rows.filter { $0.status != .present })")

            // A second run: zero mutating calls, everything unchanged.
            fixture.transport.reset()
            let again = try await fixture.workflow().run()
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")
            #expect(fixture.transport.requestCount > 0)
            #expect(again.allSatisfy { $0.stacks.allSatisfy { $0.action == .unchanged } })
            #expect(try await fixture.ledger.resources().count == rows.count)
        }
    }

    @Test func changedTrustUpdatesOnlyWhatChangedAndCanRemoveTrust() async throws {
        try await withEmulator { emulator in
            _ = try await BootstrapFixture(emulator).workflow().run()
            let changed = try BootstrapFixture(emulator, extraYAML: "trust:\n  prod: [governance]\n  preprod: []\n")
            let plan = try await changed.workflow(BootstrapOptions(dryRun: true)).run()
            let wouldChange = plan.flatMap { result in result.stacks.filter { $0.action != .unchanged }.map { "\(result.stage)/\($0.stack)" } }
            #expect(wouldChange.sorted() == ["preprod/CDKToolkit", "prod/CDKToolkit"])
            // A dry run's only mutating calls are the change sets it makes to read CloudFormation's plan, each deleted again;
            // the stacks keep their parameters.
            #expect(changed.transport.mutatingOperations.sorted() == ["CreateChangeSet", "CreateChangeSet", "DeleteChangeSet", "DeleteChangeSet"])
            let stillTrusted = try await changed.session(.prod).cloudFormation.describeStack("CDKToolkit")?.parameters
                .first { $0.key == "TrustedAccounts" }?.value ?? ""
            #expect(stillTrusted.contains(changed.topology[.dev].account), "\(stillTrusted)")

            let applied = try await changed.workflow().run()
            let updated = applied.flatMap { result in result.stacks.filter { $0.action == .updated }.map { "\(result.stage)/\($0.stack)" } }
            #expect(updated.sorted() == ["preprod/CDKToolkit", "prod/CDKToolkit"])
            // CloudFormation now holds the new trust for exactly those stacks. (The emulator does not re-apply a role's
            // trust policy on stack updates, so the role itself is checked on a fresh bootstrap below.)
            let prodStack = try await changed.session(.prod).cloudFormation.describeStack("CDKToolkit")
            let trusted = prodStack?.parameters.first { $0.key == "TrustedAccounts" }?.value ?? ""
            #expect(trusted.contains(changed.topology[.governance].account) && !trusted.contains(changed.topology[.dev].account), "\(trusted)")
            let preprodStack = try await changed.session(.preprod).cloudFormation.describeStack("CDKToolkit")
            let preprodTrusted = preprodStack?.parameters.first { $0.key == "TrustedAccounts" }?.value ?? ""
            #expect(!preprodTrusted.contains("1111") && !preprodTrusted.contains("2222"), "\(preprodTrusted)")

            // The same trust on a fresh bootstrap (own qualifier and stack name): IAM shows exactly that trust.
            let fresh = try BootstrapFixture(
                emulator, extraYAML: "trust:\n  prod: [governance]\n  preprod: []\nbootstrap:\n  stackName: FreshToolkit\n", qualifier: "fresh01")
            _ = try await fresh.workflow().run()
            let names = { (stage: Stage) in BootstrapNames(qualifier: "fresh01", account: fresh.topology[stage].account, region: "us-east-1") }
            #expect(try await fresh.trustedAccounts(ofRole: names(.prod).deployRole, in: .prod) == [fresh.topology[.governance].account])
            #expect(try await fresh.trustedAccounts(ofRole: names(.preprod).deployRole, in: .preprod).isEmpty)
            #expect(try await fresh.trustedAccounts(ofRole: names(.dev).deployRole, in: .dev) == [fresh.topology[.governance].account])
        }
    }

    @Test func anAccountMismatchStopsEverythingBeforeAnyChange() async throws {
        try await withEmulator { emulator in
            let prod = try #require(emulator.account("prod"))
            // dev's profile points at prod's account: the run must refuse before touching any stage.
            let fixture = try BootstrapFixture(emulator)
            var yaml = try String(contentsOfFile: fixture.topologyPath, encoding: .utf8)
            yaml = yaml.replacingOccurrences(of: "profile: local-dev", with: "profile: \(prod.profile)")
            let topology = try TopologyLoader.parse(yaml: yaml)
            let workflow = BootstrapWorkflow(topology: topology, options: BootstrapOptions(), sessions: fixture.sessions, openLedger: { [ledger = fixture.ledger] in ledger })
            let error = await #expect(throws: (any Error).self) { try await workflow.run() }
            let message = String(describing: try #require(error))
            #expect(message.contains("dev") && message.contains(prod.accountID) && message.contains("222222222222"), "\(message)")
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")
            #expect(try await fixture.ledger.resources().isEmpty)
        }
    }

    @Test func badInputFailsBeforeAnyAWSCall() async throws {
        try await withEmulator { emulator in
            let cases: [(String, String)] = [
                ("executionPolicies:\n  dev: [./no-such-policy.json]\n", "not found"),
                ("executionPolicies:\n  dev: [\"arn:aws:iam::aws:policy/AdministratorAccess\"]\n", "--allow-admin-execution-policy"),
            ]
            for (extra, fragment) in cases {
                let message: String
                do {
                    let fixture = try BootstrapFixture(emulator, extraYAML: extra)
                    do {
                        _ = try await fixture.workflow().run()
                        message = "no error"
                    } catch {
                        message = String(describing: error)
                        #expect(fixture.transport.requestCount == 0, "\(fixture.transport.exchanges.map(\.operation))")
                    }
                } catch {
                    message = String(describing: error)  // the topology loader refused it: no session was even built
                }
                #expect(message.contains(fragment), "\(message)")
            }
        }
    }
    // synth's output through cfn-lint, checkov and our rules: CFNTemplateTests.SecurityScanTests.
}
