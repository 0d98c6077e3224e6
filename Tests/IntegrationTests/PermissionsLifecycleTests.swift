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
/// status --verify, teardown of each scope), once with every stage in one region and once with each stage in its own
/// (support stacks, cross-region model copies): every IAM action a verb sent must be in docs/permissions.json, which
/// `scripts/generate-permissions` writes from these same recordings (it sets MLOPSCTL_PERMISSION_RECORDINGS).
/// The profiles hold canary secret keys and session tokens (`CanaryCredentials`); the one-region run logs with `--debug`,
/// and two failing runs follow: no canary may appear in any output, log, journal, ledger or other file written.
@Suite struct PermissionsLifecycleTests {
    /// One step: a scenario name (the recording's file name) and the arguments after `mlopsctl`.
    struct Step {
        let scenario: String
        let arguments: [String]
    }

    /// Where the stages live.
    enum Layout: String, CaseIterable, CustomTestStringConvertible {
        case oneRegion, multiRegion

        /// Each stage's region; `init` writes the ones that differ from the first as `--<stage>-region`.
        var regions: [String: String] {
            switch self {
            case .oneRegion: ["governance": "us-east-1", "dev": "us-east-1", "preprod": "us-east-1", "prod": "us-east-1"]
            case .multiRegion: MultiRegionLifecycleTests.regions
            }
        }

        /// The recordings' name prefix (their file names, the scenarios of docs/permissions.json).
        var prefix: String { self == .oneRegion ? "lifecycle" : "lifecycle-multi-region" }
        var testDescription: String { rawValue }
    }

    static func steps(_ emulator: Emulator, topology: String, layout: Layout) -> [Step] {
        var initFlags = ["--region", layout.regions["governance"]!]
        for account in emulator.accounts {
            initFlags += ["--\(account.stage)-account", account.accountID, "--\(account.stage)-profile", account.profile]
            if let region = layout.regions[account.stage], region != layout.regions["governance"] {
                initFlags += ["--\(account.stage)-region", region]
            }
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
            Step(scenario: "launch-project-dry-run", arguments: ["launch-project", "--name", "demo", "--id", "p-perm1", "--via", "cloudformation", "--dry-run"]),
            Step(scenario: "launch-project-cloudformation", arguments: ["launch-project", "--name", "demo", "--id", "p-perm1", "--via", "cloudformation"]),
            Step(scenario: "launch-project-again-dry-run", arguments: ["launch-project", "--name", "demo", "--via", "cloudformation", "--dry-run"]),
            Step(scenario: "promote-dev-approve-dry-run", arguments: ["promote", "--project", "demo", "--to", "dev", "--approve", "--dry-run"]),
            Step(scenario: "promote-dev-approve", arguments: ["promote", "--project", "demo", "--to", "dev", "--approve"]),
            Step(scenario: "promote-preprod", arguments: ["promote", "--project", "demo", "--to", "preprod"]),
            Step(scenario: "promote-prod", arguments: ["promote", "--project", "demo", "--to", "prod", "--yes"]),
            Step(scenario: "status-verify", arguments: ["status", "--project", "demo", "--verify"]),
            Step(scenario: "refresh", arguments: ["refresh"]),
            // Changes made by hand before each (`drift`), so the repairs' writes are recorded too.
            Step(scenario: "bootstrap-repair", arguments: ["bootstrap"]),
            Step(scenario: "publish-catalog-repair", arguments: ["publish-catalog"]),
            Step(scenario: "launch-project-repair", arguments: ["launch-project", "--name", "demo", "--via", "cloudformation"]),
            Step(scenario: "teardown-project-dry-run", arguments: ["teardown", "--project", "demo", "--dry-run"]),
            Step(scenario: "teardown-project", arguments: ["teardown", "--project", "demo", "--yes", "--confirm-prod", prod]),
            Step(scenario: "teardown-catalog", arguments: ["teardown", "--catalog", "--yes"]),
            Step(scenario: "teardown-bootstrap", arguments: ["teardown", "--bootstrap", "--yes", "--confirm-prod", prod]),
            // dev bootstrapped again by other means (the official CDK template), adopted, then removed with it.
            Step(scenario: "import-dry-run", arguments: ["import", "--stage", "dev", "--stack", "CDKToolkit", "--dry-run"]),
            Step(scenario: "import", arguments: ["import", "--stage", "dev", "--stack", "CDKToolkit"]),
            Step(scenario: "teardown-all-nothing-left", arguments: ["teardown", "--all", "--include-adopted", "--yes", "--confirm-prod", prod]),
        ]
    }

    /// Appended to the topology before a step.
    static let topologyChanges = [
        "bootstrap-update-dry-run": "bootstrap:\n  tags: { team: ml-platform }\n",
        "publish-catalog-new-version-dry-run": "catalog:\n  productVersion: \"2.0\"\n",
    ]

    @Test(arguments: Layout.allCases) func everyActionTheLifecycleSendsIsInTheCommittedList(layout: Layout) async throws {
        try await withEmulator { emulator in
            let recordings = emulator.directory.appendingPathComponent("recordings")
            try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
            let topology = emulator.directory.appendingPathComponent("mlopsctl.yaml").path
            var environment = BootstrapCrashAndLockTests.environment(
                emulator, ledger: emulator.directory.appendingPathComponent("ledger.sqlite").path, topology: topology)
            environment["MLOPSCTL_SEED_CODE"] = ConformanceData.packageRoot.appendingPathComponent("seed_code").path
            environment["USER"] = "permissions-test"
            // Canary secret keys and session tokens in every profile; the one-region run logs with --debug.
            let canary = try CanaryCredentials.plant(in: emulator)
            let debug = layout == .oneRegion ? ["--debug"] : []
            var outputs: [(String, String)] = []

            var records: [(scenario: String, verb: String, records: [RequestRecord])] = []
            for step in Self.steps(emulator, topology: topology, layout: layout) {
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
                    try await Self.registerPackage(try Self.dev(emulator, topology: topology), layout: layout)
                }
                if step.scenario == "import-dry-run" {
                    _ = try await Self.dev(emulator, topology: topology).cloudFormation.createStack(CreateStackRequest(
                        stackName: "CDKToolkit", template: .body(try String(contentsOf: ImportTests.officialTemplate, encoding: .utf8)),
                        capabilities: [.namedIAM]))
                }
                if step.scenario.hasSuffix("-repair") {
                    try await Self.drift(step.scenario, try Self.dev(emulator, topology: topology), account: emulator.account("dev")!.accountID)
                }
                let scenario = "\(layout.prefix)-\(step.scenario)"
                let file = recordings.appendingPathComponent("\(scenario).jsonl")
                let result = try await CommandRunner().run(
                    step.arguments + ["--record-requests", file.path] + debug, environment: environment, timeout: 300)
                outputs.append((step.scenario, result.combined))
                try #require(result.status == 0, "\(step.scenario): mlopsctl \(step.arguments.joined(separator: " ")): \(result.combined)")
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                let decoded = try lines.map { try JSONDecoder().decode(RequestRecord.self, from: Data($0.utf8)) }
                records.append((scenario, step.arguments[0], decoded))
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
            let promoted = records.first { $0.scenario == "\(layout.prefix)-promote-preprod" }?.records ?? []
            #expect(promoted.contains { PermissionList.principalKind($0.principal) == "cdk-deploy-role" && $0.actions == ["cloudformation:CreateStack"] })
            #expect(promoted.contains { $0.principal == "operator" && $0.actions == ["sts:AssumeRole"] })
            // Each request went to its stage's region (the support stacks to the other stages' regions, in dev's account).
            let regions = Set(layout.regions.values)
            let strays = records.flatMap { $0.records.filter { !regions.contains($0.region) }.map { "\($0.operation) in \($0.region)" } }
            #expect(strays.isEmpty, "\(strays)")
            if layout == .multiRegion {
                // The model data went across regions as the deploy role, and the support stacks were deployed.
                #expect(promoted.contains { $0.actions.contains("s3:GetObject") || $0.actions.contains("s3:PutObject") }, "\(promoted.map(\.actions))")
                let published = records.first { $0.scenario == "\(layout.prefix)-publish-catalog" }?.records ?? []
                #expect(Set(published.compactMap(\.region)) == [layout.regions["dev"]!, layout.regions["preprod"]!, layout.regions["prod"]!])
            }

            try PermissionList.check(records.map { ($0.scenario, $0.records) })

            // Every step of the one-region run that sent requests logged them (--debug), none of the other's.
            let sent = records.filter { !$0.records.isEmpty }.map { String($0.scenario.dropFirst(layout.prefix.count + 1)) }
            let logged = outputs.filter { $0.1.contains("aws request") }.map(\.0)
            #expect(logged == (layout == .oneRegion ? sent : []), "steps that logged requests: \(logged); that sent some: \(sent)")
            // Failing runs too (their error output and --debug logs): no canary anywhere, nor in any file written.
            for arguments in [["launch-project", "--name", "failing", "--via", "sagemaker"], ["promote", "--project", "gone", "--to", "dev", "--approve"]] {
                let result = try await CommandRunner().run(arguments + ["--debug"], environment: environment, timeout: 120)
                #expect(result.status != 0, "\(arguments): \(result.combined)")
                outputs.append((arguments.joined(separator: " "), result.combined))
            }
            #expect(outputs.suffix(2).allSatisfy { $0.1.contains("aws request") }, "the failing runs logged no request")
            // synth, the one verb that calls no AWS API, with the same profiles.
            let synth = try await CommandRunner().run(
                ["synth", "--out", emulator.directory.appendingPathComponent("synth-\(layout)").path, "--debug"], environment: environment)
            #expect(synth.status == 0, "\(synth.combined)")
            outputs.append(("synth", synth.combined))
            // The search itself: it finds the canaries where they are meant to be.
            #expect(canary.leaks(outputs: [], under: emulator.directory, excluding: []) == ["credentials"])
            let leaks = canary.leaks(outputs: outputs, under: emulator.directory, excluding: ["credentials", "config", "moto.log", "setup.log"])
            #expect(leaks.isEmpty, "a canary secret or session token appears in: \(leaks)")
        }
    }

    /// A PendingManualApproval package as the build pipeline registers it: the model data in the project's artifact
    /// bucket, the image from SageMaker's registry in dev's region (promote maps it to each target region's).
    static func registerPackage(_ dev: AWSSession, layout: Layout) async throws {
        let group = "demo-p-perm1"
        let outputs = try await dev.cloudFormation.describeStack("mlops-project-demo-p-perm1")?.outputs ?? []
        let bucket = try #require(outputs.first { $0.key == "ArtifactBucket" }?.value, "the project stack has no ArtifactBucket output: \(outputs)")
        let key = "training/output/model.tar.gz"
        _ = try await dev.s3.putObject(bucket: bucket, key: key, body: Data((0..<4096).map { UInt8($0 % 251) }))
        if try await dev.sageMaker.describeModelPackageGroup(name: group) == nil { _ = try await dev.sageMaker.createModelPackageGroup(name: group) }
        let image = try #require(Self.xgboost[dev.region], "no XGBoost image for \(dev.region)")
        let container = ModelPackageInferenceSpecification.Container(image: image, modelDataUrl: "s3://\(bucket)/\(key)")
        _ = try await dev.sageMaker.createModelPackage(CreateModelPackageRequest(
            groupName: group, inferenceSpecification: ModelPackageInferenceSpecification(
                containers: [container], supportedContentTypes: ["text/csv"], supportedResponseMIMETypes: ["text/csv"])))
    }

    /// SageMaker's XGBoost image in each region dev may use here (its published registry accounts).
    static let xgboost = MultiRegionLifecycleTests.xgboost.merging(
        ["us-east-1": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"]) { first, _ in first }

    /// The dev stage's session, for what is not mlopsctl's to do: the platform team's lead role parameter, and a
    /// PendingManualApproval package as the build pipeline registers it (scripts/run-local's stand-in trainer).
    /// What someone changes by hand in dev before a `*-repair` step, each a drift that verb puts back.
    static func drift(_ scenario: String, _ dev: AWSSession, account: String) async throws {
        let suffix = "\(account)-\(dev.region)"
        switch scenario {
        case "bootstrap-repair":
            let execRole = "cdk-hnb659fds-cfn-exec-role-\(suffix)"
            try await dev.iam.updateAssumeRolePolicy(
                roleName: execRole,
                document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}"#)
            let execPolicy = "arn:aws:iam::\(account):policy/mlopsctl-hnb659fds-cfn-exec-dev"
            try await dev.iam.detachRolePolicy(roleName: execRole, policyArn: execPolicy)
            try await dev.iam.attachRolePolicy(roleName: "cdk-hnb659fds-lookup-role-\(suffix)", policyArn: execPolicy)
            try await dev.iam.putRolePolicy(
                roleName: "cdk-hnb659fds-file-publishing-role-\(suffix)", policyName: "cdk-hnb659fds-file-publishing-role-default-policy-\(suffix)",
                document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
            let staging = "cdk-hnb659fds-assets-\(suffix)"
            try await dev.s3.putBucketVersioning(staging, status: .suspended)
            try await dev.s3.putPublicAccessBlock(staging, S3PublicAccessBlock(
                blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false))
            try await dev.s3.putBucketEncryption(staging, S3EncryptionRule(algorithm: "AES256"))
        case "publish-catalog-repair":
            _ = try await dev.ssm.deleteParameter(name: "/mlops/dev/account_id")
        case "launch-project-repair":
            let source = "mlops-p-perm1-source-\(suffix)"
            _ = try await BucketEmptier(s3: dev.s3).empty(bucket: source)
            try await dev.s3.deleteBucket(source)
        default:
            break
        }
    }

    static func dev(_ emulator: Emulator, topology path: String) throws -> AWSSession {
        let topology = try TopologyLoader.load(path: path)
        let sessions = StageSessions(
            config: try SharedConfigFiles.load(environment: emulator.awsEnvironment), environment: emulator.awsEnvironment,
            transport: CurlTransport(), logger: .init(label: "stand-in"))
        return try sessions.session(for: topology[.dev])
    }
}
