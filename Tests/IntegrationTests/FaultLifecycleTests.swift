import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology

/// The whole lifecycle through the binary (bootstrap, publish-catalog, launch-project, promote dev → preprod → prod,
/// status --verify, teardown --all) with every request going through a `FaultProxy` that answers 20 % of them with a
/// fault, for a few seeds. Each command either succeeds or stops with a message naming the retryable condition; a
/// failed command is re-run (at most `LifecycleDriver.maxRuns` times) and converges; the end state (ledger rows and
/// stacks) equals the fault-free run's; teardown leaves nothing (scripts/check-nothing-left.py and the ledger's rows).
///
/// All five kinds of fault are drawn (delays half as often: each costs `delay` of waiting, past the runs'
/// `--cli-read-timeout`); the seeds run side by side, each on its own emulator.
///
/// Emulator artefacts, told apart from product faults (`FailureClass`): mlopsctl sends the same ClientRequestToken
/// when it retries CreateStack, which AWS answers with the first call's result, but moto ignores the token, so a create
/// whose answer the proxy lost fails on its retry with AlreadyExists (counted as `emulatorArtefact`; the re-run must
/// still converge, and does); and a stack whose creation fails stays CREATE_IN_PROGRESS in moto where AWS rolls it
/// back (the proxy never fails a stack's own resources, so these runs cannot meet it; `isUsable` keeps such a stack
/// from counting as usable either way). Any failure that names neither a retryable condition nor such an artefact
/// is a product fault and fails the test.
@Suite(.serialized) struct FaultLifecycleTests {
    /// The seeds that run in CI (each a whole lifecycle on a fresh emulator), after the fault-free run;
    /// `MLOPSCTL_FAULT_SEEDS=4,5,6` runs others (an empty value: only the fault-free run).
    static var seeds: [UInt64] {
        guard let list = ProcessInfo.processInfo.environment["MLOPSCTL_FAULT_SEEDS"] else { return [1, 2, 3] }
        return list.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    }
    static let rate = 0.2

    /// The client's read timeout in these runs (`--cli-read-timeout`), and how long a `delay` fault holds a request:
    /// past it, so the client gives up on the request (which never reached the emulator) and retries.
    static let readTimeout = 3
    static let delay = Duration.seconds(4)

    /// Every kind; a delay costs `delay` seconds of waiting, so it is drawn half as often as the others.
    /// `MLOPSCTL_FAULT_WEIGHT_RESET` / `MLOPSCTL_FAULT_WEIGHT_DELAY` change those two weights for a run.
    static var mix: FaultMix {
        let environment = ProcessInfo.processInfo.environment
        let reset = environment["MLOPSCTL_FAULT_WEIGHT_RESET"].flatMap(Double.init) ?? 1
        let delay = environment["MLOPSCTL_FAULT_WEIGHT_DELAY"].flatMap(Double.init) ?? 0.5
        return FaultMix(
            rate: rate, weights: [.throttle: 1, .internalError: 1, .forwardThenLose: 1, .reset: reset, .delay: delay], delay: Self.delay)
    }

    struct Outcome {
        let endState: [String]
        let requests: Int
        let faults: [String: Int]
        let failures: [String: Int]
        let reruns: Int
        let seconds: Double
    }

    static func lifecycle(_ emulator: Emulator, schedule: FaultSchedule) async throws -> Outcome {
        let lifecycle = try ProxiedLifecycle(emulator, schedule: schedule, globalArguments: ["--cli-read-timeout", String(readTimeout)])
        defer { lifecycle.proxy.stop() }
        let fixture = lifecycle.fixture
        let check = NothingLeftCheck(fixture)
        try await check.plant()
        let driver = LifecycleDriver(lifecycle)

        try await driver.converge(["bootstrap"])
        try await LifecycleStandIns.putLeadRole(fixture)
        try await driver.converge(["publish-catalog"])
        // No --id: a re-run after a fault must resume the project the ledger holds, not invent another.
        try await driver.converge(["launch-project", "--name", "demo"])
        let group = try await LifecycleStandIns.registerPackage(fixture, project: "demo")
        try await driver.converge(["promote", "--project", "demo", "--to", "dev", "--approve"])
        try await driver.converge(["promote", "--project", "demo", "--to", "preprod"])
        try await driver.converge(["promote", "--project", "demo", "--to", "prod", "--yes"])
        try await driver.converge(["status", "--project", "demo", "--verify"])
        let endState = try await EndState.read(fixture, project: "demo")

        try await driver.converge(["teardown", "--all", "--yes", "--confirm-prod", lifecycle.prodAccount])
        let left = try await check.check(foreign: ["dev:ssmParameter:/mlops/role/lead", "dev:modelPackageGroup:\(group)"])
        #expect(left.status == 0, "seed \(schedule.seed): something is left after teardown --all:\n\(left.combined)")
        let rows = try await fixture.ledger.resources()
        #expect(rows.allSatisfy { $0.status == .deleted || $0.status == .retained }, "\(rows.filter { $0.status != .deleted })")
        try await TeardownTests.expectGone(fixture, rows)
        #expect(try lifecycle.integrityCheck() == "ok")

        return Outcome(
            endState: endState, requests: lifecycle.proxy.records.count, faults: lifecycle.proxy.faultsByKind,
            failures: driver.failuresByClass, reruns: driver.reruns, seconds: driver.commandSeconds)
    }

    @Test func theLifecycleConvergesUnderTwentyPercentFaultsToTheFaultFreeEndState() async throws {
        var cleanRun: Outcome?
        try await withEmulator { emulator in
            cleanRun = try await Self.lifecycle(emulator, schedule: FaultSchedule(seed: 0, mix: .none))
        }
        guard let clean = cleanRun else { return }  // no moto on a developer machine (withEmulator said so; under CI it fails)
        do {
            #expect(clean.reruns == 0 && clean.faults.values.allSatisfy { $0 == 0 }, "the fault-free run failed: \(clean.failures)")
            // Fixed: what the code and the seeds set. Faults by kind are run figures: the schedule is fixed per request
            // index, but which request gets an index varies with the order of bootstrap's concurrent stages, and a
            // fault changes the requests that follow (retries, re-runs).
            let fixed: [String: Any] = [
                "seeds": Self.seeds.map(Int.init), "rate": Self.rate, "faultFreeRequests": clean.requests, "readTimeoutSeconds": Self.readTimeout,
                "delaySeconds": Int(Self.delay.components.seconds), "weights": Dictionary(uniqueKeysWithValues: Self.mix.weights.map { ($0.key.rawValue, $0.value) }),
            ]
            var run: [String: Any] = ["faultFreeSeconds": Int(clean.seconds.rounded())]
            var faults: [String: Int] = [:]
            var failures: [String: Int] = [:]
            var perSeed: [String: Any] = [:]
            // Each seed on a fresh emulator, side by side (most of a faulted run is waiting: delays, back-off).
            let outcomes = try await withThrowingTaskGroup(of: (UInt64, Outcome).self) { group in
                for seed in Self.seeds {
                    group.addTask {
                        let outcome = try await withFreshEmulator { emulator in
                            try await Self.lifecycle(emulator, schedule: FaultSchedule(seed: seed, mix: Self.mix))
                        }
                        return (seed, outcome)
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for (seed, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
                // The end state must match the fault-free run's exactly.
                let diff = outcome.endState.difference(from: clean.endState)
                #expect(diff.isEmpty, "seed \(seed): end state differs from the fault-free run: \(diff)")
                faults.merge(outcome.faults, uniquingKeysWith: +)
                failures.merge(outcome.failures, uniquingKeysWith: +)
                perSeed["\(seed)"] = ["requests": outcome.requests, "faults": outcome.faults.values.reduce(0, +), "reruns": outcome.reruns,
                                      "seconds": Int(outcome.seconds.rounded())]
                #expect(outcome.failures[FailureClass.productFault.rawValue] == 0, "seed \(seed): \(outcome.failures)")
            }
            run["faultsByKind"] = faults
            run["failuresByClass"] = failures
            run["perSeed"] = perSeed
            try ReliabilityFigures.write(suite: "FaultLifecycle", fixed: fixed, run: run)
        }
    }
}

/// What a lifecycle leaves behind before teardown, comparable across runs: every ledger row (by stage, region, kind,
/// its stack and logical id, or its physical id with the project id and the emulator's random suffixes taken out;
/// status, ownership) and the live status of every stack the ledger holds as present.
enum EndState {
    static func read(_ fixture: BootstrapFixture, project: String) async throws -> [String] {
        let id = try await LifecycleStandIns.projectId(project, ledger: fixture.ledger)
        var state: [String] = []
        for row in try await fixture.ledger.resources() {
            let name = (row.logicalId.map { "\(row.stack ?? "-")/\($0)" } ?? row.physicalId ?? "-").replacingOccurrences(of: id, with: "<id>")
            state.append("row \(row.stage) \(row.region) \(row.kind.rawValue) \(name) \(row.status.rawValue) \(row.ownership.rawValue)")
            if row.kind == .stack, row.status == .present, let stack = row.physicalId {
                let live = try await fixture.session(Stage(rawValue: row.stage)!, region: row.region).cloudFormation.describeStack(stack)
                state.append("stack \(row.stage) \(row.region) \(stack.replacingOccurrences(of: id, with: "<id>")) \(live?.status.rawValue ?? "missing")")
            }
        }
        return state.sorted()
    }
}

/// Like `withEmulator`, returning the body's value (nil bodies are a skip on a machine without moto).
func withFreshEmulator<T>(_ body: (Emulator) async throws -> T) async throws -> T {
    let emulator = try await Emulator.start()
    do {
        let value = try await body(emulator)
        await emulator.stop()
        return value
    } catch {
        await emulator.stop()
        throw error
    }
}
