import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology
import Workflows

/// `teardown` on the emulator: the whole lifecycle removed, other people's resources untouched, the account
/// check, and a killed teardown resumed.
@Suite struct TeardownTests {
    static func teardown(_ fixture: BootstrapFixture, scope: TeardownScope = TeardownScope(everything: true),
                         session: (@Sendable (String) throws -> AWSSession)? = nil) -> TeardownWorkflow {
        let sessions = fixture.sessions
        let topology = fixture.topology
        return TeardownWorkflow(
            scope: scope, catalogStack: PublishCatalogWorkflow.stackName(qualifier: topology.qualifier),
            openLedger: { [ledger = fixture.ledger] in ledger },
            session: session ?? { try sessions.session(for: topology[Stage(rawValue: $0)!]) }, lockTimeout: .seconds(5))
    }

    /// Every row of the ledger is gone from AWS (or pending deletion, for keys) unless it was retained.
    static func expectGone(_ fixture: BootstrapFixture, _ rows: [TrackedResource]) async throws {
        for row in rows where row.status != .retained {
            #expect(row.status == .deleted, "\(row)")
            let session = try fixture.session(Stage(rawValue: row.stage)!, region: row.region)
            let id = row.physicalId ?? ""
            switch row.kind {
            case .stack: #expect(try await session.cloudFormation.describeStack(id) == nil, "\(row)")
            case .bucket: #expect(try await session.s3.headBucket(id) == .notFound, "\(row)")
            case .iamRole: #expect(try await session.iam.getRole(name: id) == nil, "\(row)")
            // A managed policy (its id is an ARN; an inline policy goes with its role): moto leaves it when it deletes
            // the stack, so this proves teardown removed it itself.
            case .iamPolicy where id.contains(":policy/"): #expect(try await session.iam.getPolicy(arn: id) == nil, "\(row)")
            case .ssmParameter: #expect(try await session.ssm.getParameter(name: id) == nil, "\(row)")
            case .ecrRepository: #expect(try await session.ecr.describeRepository(name: id) == nil, "\(row)")
            case .objectPrefix:
                let bucket = String(id.prefix { $0 != "/" })
                #expect(try await session.s3.headObject(bucket: bucket, key: String(id.dropFirst(bucket.count + 1))) == nil, "\(row)")
            case .kmsKey:
                let key = try await session.kms.describeKey(id)
                #expect(key == nil || key?.state == .pendingDeletion, "\(row): \(String(describing: key))")
            default: continue
            }
        }
    }

    @Test func teardownAllRemovesTheWholeLifecycleAndNothingElse() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            let dev = try fixture.session(.dev)
            // Someone else's resources, there before mlopsctl: they must survive.
            try await dev.s3.createBucket("not-mlopsctls-bucket")
            _ = try await dev.s3.putObject(bucket: "not-mlopsctls-bucket", key: "keep.txt", body: Data("keep".utf8))
            _ = try await dev.cloudFormation.createStack(CreateStackRequest(
                stackName: "not-mlopsctls-stack",
                template: .body(#"{"Resources":{"P":{"Type":"AWS::SSM::Parameter","Properties":{"Name":"/other/p","Type":"String","Value":"v"}}}}"#)))
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)

            _ = try await fixture.workflow().run()
            _ = try await CatalogAndLaunchTests.publish(fixture).run()
            let project = try await LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: nil),
                openLedger: { [ledger = fixture.ledger] in ledger }
            ).run()
            // The project's artifact bucket has several versions and a delete marker: teardown must empty it.
            let artifacts = try #require(project.outputs["ArtifactBucket"])
            try await dev.s3.putBucketVersioning(artifacts, status: .enabled)
            for index in 0..<30 {
                _ = try await dev.s3.putObject(bucket: artifacts, key: "model/\(index % 7).bin", body: Data("v\(index)".utf8))
            }
            try await dev.s3.deleteObject(bucket: artifacts, key: "model/0.bin")

            let workflow = Self.teardown(fixture)
            let plan = try await workflow.plan()
            #expect(plan.steps.first?.layer == .project && plan.steps.last?.layer == .bootstrap)
            #expect(!plan.steps.contains { $0.rows.contains { ($0.physicalId ?? "").hasPrefix("not-mlopsctls") } })
            // Without the prod account confirmed nothing happens.
            await #expect(throws: TeardownWorkflow.ProdNotConfirmed.self) { try await workflow.run(confirmedProd: []) }
            #expect(try await dev.cloudFormation.describeStack(LaunchProjectWorkflow.stackName(ProjectIdentity(name: "demo", id: project.id))) != nil)

            fixture.transport.reset()
            let report = try await workflow.run(confirmedProd: [fixture.topology[.prod].account])
            #expect(report.isComplete, "\(report.left) \(report.accountProblems)")
            let rows = try await fixture.ledger.resources()
            #expect(rows.allSatisfy { $0.status == .deleted || $0.status == .retained }, "\(rows.filter { $0.status != .deleted })")
            try await Self.expectGone(fixture, rows)
            let deletedKinds = Set(rows.filter { $0.status == .deleted }.map(\.kind))
            // moto removes a stack's key outright; the teardown asked for the 7-day window before that.
            let keyRows = rows.filter { $0.kind == .kmsKey }
            #expect(!keyRows.isEmpty)
            #expect(fixture.transport.exchanges.filter { $0.operation == "ScheduleKeyDeletion" && $0.statusCode == 200 }.count == keyRows.count)
            #expect(deletedKinds.isSuperset(of: [.stack, .bucket, .iamRole, .iamPolicy, .ssmParameter, .ecrRepository, .objectPrefix]), "\(deletedKinds)")
            #expect(rows.contains { $0.kind == .iamPolicy && ($0.physicalId ?? "").contains(":policy/") }, "no managed policy in the ledger")
            #expect(report.deleted.count == rows.filter { $0.status == .deleted }.count)

            // Untouched: the bucket (with its object), the stack and the lead parameter made before mlopsctl ran.
            #expect(try await dev.s3.getObject(bucket: "not-mlopsctls-bucket", key: "keep.txt") != nil)
            #expect(try await dev.cloudFormation.describeStack("not-mlopsctls-stack")?.status == .createComplete)
            #expect(try await dev.ssm.getParameter(name: "/mlops/role/lead")?.value == "arn:aws:iam::222222222222:role/lead")

            // A second teardown finds nothing to do.
            #expect(try await workflow.plan().isEmpty)
        }
    }

    /// On a terminal: anything but `yes` cancels, a mistyped prod account id refuses, and neither deletes anything;
    /// `yes` and the prod account id go ahead.
    @Test func onATerminalTheTeardownIsConfirmedByTypingYesAndTheProdAccount() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            _ = try await fixture.workflow(BootstrapOptions(stages: [.dev, .prod])).run()
            let environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            let command = [CommandRunner.defaultExecutable.path, "teardown", "--bootstrap"]
            let before = try await fixture.ledger.resources()
            let prod = fixture.topology[.prod].account

            let cancelled = try await CommandRunner().run(command, environment: environment, through: PseudoTerminal.wrapper(answers: ["no"]))
            #expect(cancelled.status == 1 && cancelled.stdout.contains("teardown cancelled; nothing was deleted"), "\(cancelled.combined)")
            let mistyped = try await CommandRunner().run(
                command, environment: environment, through: PseudoTerminal.wrapper(answers: ["yes", "999999999999"]))
            #expect(mistyped.status == 1 && mistyped.stdout.contains("prod account id not confirmed"), "\(mistyped.combined)")
            #expect(try await fixture.ledger.resources().map(\.status) == before.map(\.status))
            for row in before where row.kind == .stack {
                #expect(try await fixture.session(Stage(rawValue: row.stage)!).cloudFormation.describeStack(row.physicalId!) != nil)
            }

            let confirmed = try await CommandRunner().run(command, environment: environment, through: PseudoTerminal.wrapper(answers: ["yes", prod]))
            #expect(confirmed.status == 0, "\(confirmed.combined)")
            try await Self.expectGone(fixture, try await fixture.ledger.resources())
        }
    }

    @Test func wrongAccountCredentialsDeleteNothingAndNameTheExpectedAccount() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            _ = try await fixture.workflow(BootstrapOptions(stages: [.dev])).run()
            let sessions = fixture.sessions
            let topology = fixture.topology
            // dev's rows, but the governance profile's credentials.
            let workflow = Self.teardown(fixture, scope: TeardownScope(bootstrap: true, stages: ["dev"])) { _ in
                try sessions.session(for: topology[.governance])
            }
            let before = try await fixture.ledger.resources()
            let report = try await workflow.run(confirmedProd: [])
            #expect(!report.isComplete && report.deleted.isEmpty)
            let devAccount = topology[.dev].account
            #expect(report.accountProblems.count == 1 && report.accountProblems[0].contains("account \(devAccount)"), "\(report.accountProblems)")
            for row in before where row.kind == .stack {
                #expect(try await fixture.session(.dev).cloudFormation.describeStack(row.physicalId!) != nil)
            }
            let after = try await fixture.ledger.resources()
            #expect(after.map(\.status) == before.map(\.status))
        }
    }

    /// Where a teardown is killed, told apart by what the ledger (and the bucket) show at that moment.
    enum KillPoint: String, CaseIterable, Sendable {
        /// The staging bucket is being emptied: its deny-writes policy is on and versions remain.
        case midEmpty
        /// One stack is deleted and another is not yet.
        case betweenStacks
    }

    static let versionCount = 2_500

    /// Number of object versions and delete markers in `bucket` (every page).
    static func versionCount(_ s3: S3Client, _ bucket: String) async throws -> Int {
        var count = 0
        var marker: S3VersionMarker?
        repeat {
            let page = try await s3.listObjectVersions(bucket: bucket, from: marker)
            count += page.versions.count + page.deleteMarkers.count
            marker = page.next
        } while marker != nil
        return count
    }

    /// Polls the ledger (and the bucket) every 20 ms until `point` is reached, then SIGKILLs `process`.
    /// - Returns: whether the point was reached before the process ended by itself.
    static func killProcess(_ process: Process, at point: KillPoint, ledger: LedgerDatabase, staging: String, s3: S3Client) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning, ContinuousClock.now < deadline {
            let rows = try await ledger.resources()
            let reached: Bool
            switch point {
            case .midEmpty:
                let emptying = rows.contains { $0.kind == .bucket && $0.physicalId == staging && $0.status == .deleting }
                // Emptying has begun once the deny-writes policy is on; it is not over while versions remain.
                if emptying, try await s3.getBucketPolicy(bucket: staging) != nil {
                    let page = try await s3.listObjectVersions(bucket: staging, maxKeys: 1)
                    reached = !(page.versions.isEmpty && page.deleteMarkers.isEmpty)
                } else {
                    reached = false
                }
            case .betweenStacks:
                let stacks = rows.filter { $0.kind == .stack }
                reached = stacks.contains { $0.status == .deleted } && stacks.contains { $0.status == .present }
            }
            if reached {
                kill(process.processIdentifier, SIGKILL)
                return true
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    @Test(arguments: KillPoint.allCases)
    func aKilledTeardownFinishesCleanOnTheNextRun(at point: KillPoint) async throws {
        try await withEmulator { emulator in
            let round = KillPoint.allCases.firstIndex(of: point)!
            let fixture = try BootstrapFixture(emulator, extraYAML: "bootstrap:\n  stackName: TearRound\(round)\n", qualifier: "tear\(round)")
            _ = try await fixture.workflow().run()
            // Several pages of versions in the versioned staging bucket, so the kill can land mid-bucket.
            let dev = try fixture.session(.dev)
            let staging = try #require(try await fixture.ledger.resources(filter: ResourceFilter(kind: .bucket, account: fixture.topology[.dev].account)).first?.physicalId)
            if point == .midEmpty {
                try await dev.s3.putBucketVersioning(staging, status: .enabled)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<8 {
                        group.addTask {
                            for index in stride(from: worker, to: Self.versionCount, by: 8) {
                                _ = try await dev.s3.putObject(bucket: staging, key: "a/\(index % 1_000)", body: Data("x".utf8))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await Self.versionCount(dev.s3, staging) == Self.versionCount)
            }

            let environment = BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath)
            let arguments = ["teardown", "--all", "--yes", "--confirm-prod", fixture.topology[.prod].account]
            if point == .midEmpty {
                // The CLI's guards: a dry run only prints; no terminal needs --yes; prod needs its account id.
                let dry = try await CommandRunner().run(["teardown", "--all", "--dry-run"], environment: environment)
                #expect(dry.status == 0 && dry.stdout.contains("Teardown plan") && dry.stdout.contains("TearRound0"), "\(dry.combined)")
                let unconfirmed = try await CommandRunner().run(["teardown", "--all"], environment: environment)
                #expect(unconfirmed.status != 0 && unconfirmed.stderr.contains("--yes"), "\(unconfirmed.combined)")
                let noProd = try await CommandRunner().run(["teardown", "--all", "--yes"], environment: environment)
                #expect(noProd.status != 0 && noProd.stderr.contains("--confirm-prod \(fixture.topology[.prod].account)"), "\(noProd.combined)")
                #expect(try await fixture.ledger.resources().allSatisfy { $0.status == .present }, "the refused runs changed the ledger")
                #expect(try await dev.s3.headBucket(staging) != .notFound)
            }
            let process = Process()
            process.executableURL = CommandRunner.defaultExecutable
            process.arguments = arguments
            process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let observer = fixture.ledger  // the one connection this process may have to the file
            let killed = try await Self.killProcess(process, at: point, ledger: observer, staging: staging, s3: dev.s3)
            while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(killed, "the teardown ended before reaching \(point)")
            #expect(process.terminationReason == .uncaughtSignal)
            let interrupted = try await observer.resources()
            #expect(interrupted.contains { $0.status != .deleted }, "nothing was left to resume")
            if point == .midEmpty { #expect(try await dev.s3.headBucket(staging) != .notFound, "the kill landed after the bucket was gone") }

            let rerun = try await CommandRunner().run(arguments, environment: environment)
            #expect(rerun.status == 0, "\(point): \(rerun.combined)")
            let rows = try await observer.resources()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.status == .deleted || $0.status == .retained }, "\(rows.filter { $0.status != .deleted })")
            try await Self.expectGone(fixture, rows)
        }
    }
}
