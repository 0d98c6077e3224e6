import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology

/// Runs the lifecycle's commands through a `ProxiedLifecycle`, re-running a failed command (bounded) until it
/// converges, and keeping what happened: each failure's class and first error line, runs per command, seconds.
final class LifecycleDriver: @unchecked Sendable {
    let lifecycle: ProxiedLifecycle
    /// Runs allowed per command (the first and the re-runs).
    let maxRuns: Int
    private(set) var failures: [(command: String, kind: FailureClass, line: String)] = []
    private(set) var reruns = 0
    private(set) var commandSeconds = 0.0

    init(_ lifecycle: ProxiedLifecycle, maxRuns: Int = 8) {
        self.lifecycle = lifecycle
        self.maxRuns = maxRuns
    }

    /// Runs `arguments` until it exits 0, at most `maxRuns` times. Every failed run must stop cleanly (no crash, a
    /// message naming what went wrong) and is classed (`FailureClass`); a product fault is recorded as a test issue.
    @discardableResult
    func converge(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> CommandRunner.Result {
        var last: CommandRunner.Result?
        for attempt in 1...maxRuns {
            let before = lifecycle.proxy.lastIndex
            let started = ContinuousClock.now
            let result = try await lifecycle.run(arguments)
            commandSeconds += Self.seconds(ContinuousClock.now - started)
            if result.status == 0 { return result }
            reruns += 1
            last = result
            let command = arguments.prefix(3).joined(separator: " ")
            #expect(!FailureClass.crashed(result), "\(command) crashed: \(result.combined)", sourceLocation: sourceLocation)
            let kind = FailureClass.of(result.combined, lostCreate: lifecycle.proxy.lostCreate(since: before))
            let line = Self.errorLine(result)
            failures.append((command, kind, line))
            print("lifecycle: \(command): run \(attempt) failed (\(kind.rawValue)): \(line)")
            if ProcessInfo.processInfo.environment["MLOPSCTL_FAULT_VERBOSE"] != nil { print(result.combined) }
            if kind == .productFault {
                Issue.record("\(command) run \(attempt) failed without naming a retryable condition: \(result.combined)", sourceLocation: sourceLocation)
            }
        }
        Issue.record("\(arguments.joined(separator: " ")) did not converge in \(maxRuns) runs; last: \(last?.combined ?? "")",
                     sourceLocation: sourceLocation)
        return try #require(last)
    }

    /// The line that says what failed: the first (progress lines `[stage] m:ss …` aside) naming a retryable condition
    /// or saying `Error:`, else the first saying `failed`.
    static func errorLine(_ result: CommandRunner.Result) -> String {
        let lines = FailureClass.messageLines(result.combined)
        return lines.first { line in line.contains("Error:") || FailureClass.retryableConditions.contains { line.contains($0) } }
            ?? lines.first { $0.contains("failed") } ?? lines.last ?? ""
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    var failuresByClass: [String: Int] {
        Dictionary(uniqueKeysWithValues: FailureClass.allCases.map { kind in (kind.rawValue, failures.filter { $0.kind == kind }.count) })
    }
}

/// The lifecycle's steps that are not mlopsctl's, done straight on the emulator (not through the proxy).
enum LifecycleStandIns {
    /// The platform team's lead role parameter, which publish-catalog requires in dev.
    static func putLeadRole(_ fixture: BootstrapFixture) async throws {
        let dev = try fixture.session(.dev)
        if try await dev.ssm.getParameter(name: "/mlops/role/lead") == nil {
            _ = try await dev.ssm.putParameter(
                name: "/mlops/role/lead", value: "arn:aws:iam::\(fixture.topology[.dev].account):role/lead", type: .string)
        }
    }

    /// The project id the ledger recorded for `name` (its present project stack `mlops-project-<name>-<id>`).
    static func projectId(_ name: String, ledger: LedgerDatabase) async throws -> String {
        let prefix = "mlops-project-\(name)-"
        let rows = try await ledger.resources(filter: ResourceFilter(kind: .stack, project: name))
        let stack = try #require(rows.first { $0.status == .present && ($0.physicalId ?? "").hasPrefix(prefix) }?.physicalId,
                                 "no present project stack for \(name): \(rows)")
        return String(stack.dropFirst(prefix.count))
    }

    /// The stand-in trainer (as scripts/run-local's): model data in the project's artifact bucket and a
    /// PendingManualApproval package in the group `<name>-<id>`. - Returns: the group's name.
    @discardableResult
    static func registerPackage(_ fixture: BootstrapFixture, project name: String) async throws -> String {
        let dev = try fixture.session(.dev)
        let id = try await projectId(name, ledger: fixture.ledger)
        let outputs = try await dev.cloudFormation.describeStack("mlops-project-\(name)-\(id)")?.outputs ?? []
        let bucket = try #require(outputs.first { $0.key == "ArtifactBucket" }?.value, "no ArtifactBucket output: \(outputs)")
        let key = "training/output/model.tar.gz"
        _ = try await dev.s3.putObject(bucket: bucket, key: key, body: Data((0..<4096).map { UInt8($0 % 251) }))
        let group = "\(name)-\(id)"
        if try await dev.sageMaker.describeModelPackageGroup(name: group) == nil { _ = try await dev.sageMaker.createModelPackageGroup(name: group) }
        let image = try #require(PermissionsLifecycleTests.xgboost[dev.region])
        _ = try await dev.sageMaker.createModelPackage(CreateModelPackageRequest(
            groupName: group, inferenceSpecification: ModelPackageInferenceSpecification(
                containers: [.init(image: image, modelDataUrl: "s3://\(bucket)/\(key)")], supportedContentTypes: ["text/csv"],
                supportedResponseMIMETypes: ["text/csv"])))
        return group
    }
}

/// scripts/check-nothing-left.py, the main job's final check: `plant` someone else's resources before the lifecycle,
/// `check` after teardown that nothing of mlopsctl's is left and theirs is untouched (it reads the ledger file itself).
struct NothingLeftCheck {
    let fixture: BootstrapFixture
    let manifest: URL

    init(_ fixture: BootstrapFixture) {
        self.fixture = fixture
        manifest = fixture.emulator.directory.appendingPathComponent("foreign-\(UUID().uuidString.prefix(8)).json")
    }

    private func run(_ arguments: [String]) async throws -> CommandRunner.Result {
        let python = try #require(ProjectTools.find("python3"), "python3 is not on PATH")
        var environment = ProjectTools.environment()
        environment.merge(fixture.emulator.environment) { $1 }
        environment["MLOPSCTL_TOPOLOGY"] = fixture.topologyPath
        environment["MLOPSCTL_LEDGER"] = fixture.ledgerPath
        let script = ConformanceData.packageRoot.appendingPathComponent("scripts/check-nothing-left.py").path
        return try await CommandRunner(executable: python).run([script] + arguments + ["--manifest", manifest.path], environment: environment)
    }

    func plant() async throws {
        let result = try await run(["plant"])
        try #require(result.status == 0, "check-nothing-left plant: \(result.combined)")
    }

    /// - Parameter foreign: `stage:kind:id` of resources that are not mlopsctl's though made during the lifecycle.
    func check(foreign: [String]) async throws -> CommandRunner.Result {
        try await run(["check"] + foreign.flatMap { ["--foreign", $0] })
    }
}
