import AWSConfig
import AWSServices
import AWSWire
import Crypto
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
import Workflows

/// publish-catalog and launch-project on the emulator after bootstrap, checked through AWS APIs.
@Suite struct CatalogAndLaunchTests {
    static func seedCode() -> SeedCodeLocation {
        SeedCodeLocation(explicit: ConformanceData.packageRoot.appendingPathComponent("seed_code").path, environment: [:], currentDirectory: "/")
    }

    static func publish(_ fixture: BootstrapFixture) -> PublishCatalogWorkflow {
        PublishCatalogWorkflow(
            topology: fixture.topology, sessions: fixture.sessions, seedCode: seedCode(), openLedger: { [ledger = fixture.ledger] in ledger })
    }

    @Test func publishUploadsContentAddressedSeedCodeAndIsIdempotentThenLaunchDeploysTheProject() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            _ = try await fixture.workflow().run()
            let dev = try fixture.session(.dev)
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)

            // A dry run first: it reports the uploads and the stack it would create, and changes nothing.
            fixture.transport.reset()
            let preview = try await PublishCatalogWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, seedCode: Self.seedCode(), dryRun: true,
                openLedger: { [ledger = fixture.ledger] in ledger }
            ).run()
            #expect(preview.uploads.allSatisfy { $0.outcome == "would-upload" } && preview.stack.action == .wouldCreate, "\(preview)")
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")

            let published = try await Self.publish(fixture).run()
            #expect(published.uploads.count == 3 && published.uploads.allSatisfy { $0.outcome == "uploaded" }, "\(published)")
            for upload in published.uploads {
                let object = try #require(try await dev.s3.getObject(bucket: upload.bucket, key: upload.key))
                let digest = SHA256.hash(data: object.body).map { String(format: "%02x", $0) }.joined()
                #expect(upload.key.hasPrefix(digest + "."), "\(upload.key) is not its content's SHA-256")
            }
            let build = try #require(published.uploads.first { $0.name == "build_app" })
            let deploy = try #require(published.uploads.first { $0.name == "deploy_app" })
            #expect(try await dev.ssm.getParameter(name: "/mlops/code/seed_bucket")?.value == build.bucket)
            #expect(try await dev.ssm.getParameter(name: "/mlops/code/build")?.value == build.key)
            #expect(try await dev.ssm.getParameter(name: "/mlops/code/deploy")?.value == deploy.key)
            #expect(try await dev.ssm.getParameter(name: "/mlops/prod/account_id")?.value == fixture.topology[.prod].account)
            #expect(try await dev.cloudFormation.describeStack("mlopsctl-hnb659fds-catalog")?.status == .createComplete)

            fixture.transport.reset()
            let again = try await Self.publish(fixture).run()
            #expect(again.stack.action == .unchanged && again.uploads.allSatisfy { $0.outcome == "already-present" })
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")

            // A new product version adds a provisioning artifact and keeps the old one.
            let v2 = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\ncatalog: { productVersion: \"2.0\" }\n")
            let second = try await PublishCatalogWorkflow(
                topology: v2.topology, sessions: v2.sessions, seedCode: Self.seedCode(), openLedger: { [ledger = fixture.ledger] in ledger }
            ).run()
            #expect(second.versions == ["1.0", "2.0"] && second.stack.action == .updated, "\(second)")

            let launch = LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: nil),
                openLedger: { [ledger = fixture.ledger] in ledger })
            let project = try await launch.run()
            #expect(project.stackAction == "created")
            let bucket = try #require(project.outputs["ArtifactBucket"])
            let key = try #require(project.outputs["ArtifactKeyArn"])
            #expect(try await dev.s3.headBucket(bucket) != .notFound)
            let rules = try await dev.s3.getBucketEncryption(bucket)
            #expect(rules.contains { $0.algorithm == "aws:kms" && $0.kmsMasterKeyId == key }, "\(rules)")

            let rows = try await fixture.ledger.resources(filter: ResourceFilter(project: "demo"))
            #expect(rows.contains { $0.kind == .stack && $0.physicalId == project.stack })
            #expect(Set(rows.filter { $0.kind == .bucket }.compactMap(\.physicalId)).isSuperset(of: [bucket, project.outputs["PipelineBucket"]!]))
            #expect(rows.filter { $0.kind == .kmsKey }.count == 2)
            #expect(rows.allSatisfy { $0.status == .present })
        }
    }

    @Test func missingPrerequisitesFailBeforeAnyChange() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            // Catalog before bootstrap (and without /mlops/role/lead): both problems named, nothing changed.
            let error = await #expect(throws: CatalogInputError.self) { try await Self.publish(fixture).run() }
            let text = String(describing: try #require(error))
            #expect(text.contains("mlopsctl bootstrap") && text.contains("/mlops/role/lead"), "\(text)")
            #expect(fixture.transport.mutatingRequestCount == 0)

            // Launch before publish.
            _ = try await fixture.workflow().run()
            fixture.transport.reset()
            let launch = LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: "p-1"),
                via: .cloudformation, openLedger: { [ledger = fixture.ledger] in ledger })
            let notPublished = await #expect(throws: CatalogInputError.self) { try await launch.run() }
            #expect(String(describing: try #require(notPublished)).contains("mlopsctl publish-catalog"))
            #expect(fixture.transport.mutatingRequestCount == 0)

            // Bad names fail before any AWS call at all.
            for (name, id) in [(String(repeating: "a", count: 33), "p-1"), ("1demo", "p-1"), ("demo_x", "p-1"), ("demo", "P_UPPER")] {
                fixture.transport.reset()
                let bad = LaunchProjectWorkflow(
                    topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: name, id: id),
                    via: .cloudformation, openLedger: { [ledger = fixture.ledger] in ledger })
                let problem = await #expect(throws: CatalogInputError.self) { try await bad.run() }
                #expect(String(describing: try #require(problem)).contains("--"), "the message names the flag to fix")
                #expect(fixture.transport.requestCount == 0)
            }
        }
    }

    /// The ledger's bytes (and its write-ahead log's, unless empty), to prove a dry run wrote nothing to it. A read-only
    /// SQLite connection may leave an empty log behind; an empty one holds nothing.
    static func ledgerBytes(_ path: String) -> [Data?] {
        [FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: path + "-wal").flatMap { $0.isEmpty ? nil : $0 }]
    }

    /// `launch-project --dry-run`: the plan (would-create with the template's resources, then unchanged once launched,
    /// would-update through a change set that is deleted again), and nothing changed in AWS or in the ledger.
    @Test func aDryRunLaunchPlansAndChangesNothing() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            _ = try await fixture.workflow(BootstrapOptions(stages: [.dev])).run()
            let dev = try fixture.session(.dev)
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)
            _ = try await Self.publish(fixture).run()
            func launch(_ topology: Topology, dryRunLedger: Bool = true) -> LaunchProjectWorkflow {
                LaunchProjectWorkflow(
                    topology: topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: nil),
                    openLedger: { [ledger = fixture.ledger] in ledger }, ledgerExists: { dryRunLedger })
            }

            // Before the launch: would-create, each resource of the project template listed; no request changes anything.
            fixture.transport.reset()
            let ledgerBefore = Self.ledgerBytes(fixture.ledgerPath)
            let resourcesBefore = try await fixture.ledger.resources()
            let runsBefore = try await fixture.ledger.runs().count
            let preview = try await launch(fixture.topology).plan()
            #expect(preview.action == .wouldCreate && preview.via == "cloudformation", "\(preview)")
            #expect(preview.changes.count > 5 && preview.changes.allSatisfy { $0.action == "Add" }, "\(preview.changes)")
            #expect(preview.changes.contains { $0.resourceType == "AWS::S3::Bucket" })
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")
            #expect(try await dev.cloudFormation.describeStack(preview.target) == nil, "a dry run leaves no stack")
            #expect(Self.ledgerBytes(fixture.ledgerPath) == ledgerBefore)
            #expect(try await fixture.ledger.resources() == resourcesBefore)
            #expect(try await fixture.ledger.runs().count == runsBefore)

            // Launched, the same name plans as unchanged (the ledger's id is taken).
            let project = try await launch(fixture.topology).run()
            let unchanged = try await launch(fixture.topology).plan()
            #expect(unchanged.action == .unchanged && unchanged.id == project.id && unchanged.target == project.stack, "\(unchanged)")

            // Another project source changes the template: planned through a change set, which is deleted again.
            let tagged = try BootstrapFixture(emulator, extraYAML: "project: { source: codecommit, via: cloudformation }\n")
            fixture.transport.reset()
            let ledgerLaunched = Self.ledgerBytes(fixture.ledgerPath)
            let deployedTemplate = try await dev.cloudFormation.getTemplate(stackName: project.stack!)
            let update = try await launch(tagged.topology).plan()
            #expect(update.action == .wouldUpdate && update.target == project.stack, "\(update)")
            #expect(update.changes.contains { $0.action != "Add" } || update.changes.contains { $0.resourceType.hasPrefix("AWS::CodeCommit") }, "\(update.changes)")
            #expect(Set(fixture.transport.mutatingOperations) == ["CreateChangeSet", "DeleteChangeSet"], "\(fixture.transport.mutatingOperations)")
            #expect(Self.ledgerBytes(fixture.ledgerPath) == ledgerLaunched)
            let stack = try #require(try await dev.cloudFormation.describeStack(project.stack!))
            #expect(stack.status == .createComplete, "\(stack)")
            #expect(try await dev.cloudFormation.getTemplate(stackName: project.stack!) == deployedTemplate, "the dry run changed the stack")

            // Without a ledger file the dry run does not create one.
            let noLedger = try await LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "other", id: nil),
                openLedger: { throw MissingValue(description: "a dry run must not open a missing ledger") }, ledgerExists: { false }
            ).plan()
            #expect(noLedger.action == .wouldCreate)
        }
    }

    /// An init-made topology launches via sagemaker by default; on an endpoint that does not provision Service Catalog
    /// products (the emulator), the catalog stack has no product, and launch-project says so and names the fix.
    @Test func viaSageMakerWithoutAServiceCatalogProductNamesTheCauseAndTheFix() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator)
            _ = try await fixture.workflow(BootstrapOptions(stages: [.dev])).run()
            let dev = try fixture.session(.dev)
            _ = try await dev.ssm.putParameter(name: "/mlops/role/lead", value: "arn:aws:iam::222222222222:role/lead", type: .string)
            _ = try await Self.publish(fixture).run()
            let launch = LaunchProjectWorkflow(
                topology: fixture.topology, sessions: fixture.sessions, identity: ProjectIdentity(name: "demo", id: nil),
                openLedger: { [ledger = fixture.ledger] in ledger })
            fixture.transport.reset()
            for attempt in [{ _ = try await launch.plan() }, { _ = try await launch.run() }] as [@Sendable () async throws -> Void] {
                let error = await #expect(throws: CatalogInputError.self) { try await attempt() }
                let text = String(describing: try #require(error))
                #expect(text.contains("holds no Service Catalog product") && text.contains("--via cloudformation"), "\(text)")
                #expect(!text.contains("run `mlopsctl publish-catalog` again"), "publishing again cannot help: \(text)")
            }
            #expect(fixture.transport.mutatingRequestCount == 0, "\(fixture.transport.mutatingOperations)")
        }
    }
}
