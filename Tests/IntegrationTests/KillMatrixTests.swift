import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology

/// SIGKILL each mutating command (bootstrap, publish-catalog, launch-project, promote, teardown) once its n-th AWS
/// request has taken effect upstream and before its answer came back (the proxy counts the requests and runs the
/// kill), for a seeded sample of n across the command's request count (`KillRounds.sample`: the first and the last
/// request and drawn points between; the counts come from an unkilled reference run in the same group). After each
/// kill: `PRAGMA integrity_check` is ok, the dead run's lock does not block the re-run, the re-run converges; at the
/// end `teardown --all` (itself killed once) leaves nothing (scripts/check-nothing-left.py and the ledger's rows).
///
/// Four groups, each on its own emulator (they may run side by side): the points per command are in `Group.points`.
/// Bootstrap fans out to the four stages at once, so which request is the n-th varies between runs; the count does not.
@Suite struct KillMatrixTests {
    enum Group: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case bootstrap, catalog, launch, promote
        var testDescription: String { rawValue }
        /// Kill points per command in this group (rounds).
        var points: Int {
            switch self {
            case .bootstrap: 5
            case .catalog: 4
            case .launch: 5
            case .promote: 9
            }
        }
        var seed: UInt64 { UInt64(Group.allCases.firstIndex(of: self)! + 1) * 1_000 }
    }

    static let lead = "dev:ssmParameter:/mlops/role/lead"

    @Test(arguments: Group.allCases) func everyKillPointConvergesAndTeardownLeavesNothing(group: Group) async throws {
        try await withEmulator { emulator in
            let lifecycle = try ProxiedLifecycle(emulator, schedule: FaultSchedule(seed: 0, mix: .none))
            defer { lifecycle.proxy.stop() }
            let check = NothingLeftCheck(lifecycle.fixture)
            try await check.plant()
            let rounds = KillRounds(lifecycle)
            let prod = lifecycle.prodAccount
            let teardown = { (scope: [String]) in ["teardown"] + scope + ["--yes", "--confirm-prod", prod] }
            var foreign: [String] = []
            let started = ContinuousClock.now

            switch group {
            case .bootstrap:
                // bootstrap from nothing, killed; then teardown --bootstrap, killed: back to nothing each round.
                let count = try await rounds.reference("bootstrap", ["bootstrap"])
                let tearCount = try await rounds.reference("teardown --bootstrap", teardown(["--bootstrap"]))
                let tearPoints = KillRounds.sample(group.points, of: tearCount, seed: group.seed + 1)
                for (point, tearPoint) in zip(KillRounds.sample(group.points, of: count, seed: group.seed), tearPoints) {
                    try await rounds.kill("bootstrap", ["bootstrap"], at: point)
                    try await Self.expectBootstrapped(lifecycle.fixture)
                    try await rounds.kill("teardown --bootstrap", teardown(["--bootstrap"]), at: tearPoint)
                    try await TeardownTests.expectGone(lifecycle.fixture, try await lifecycle.fixture.ledger.resources())
                }
            case .catalog:
                try await rounds.reference("bootstrap", ["bootstrap"])
                try await LifecycleStandIns.putLeadRole(lifecycle.fixture)
                foreign.append(Self.lead)
                let count = try await rounds.reference("publish-catalog", ["publish-catalog"])
                let tearCount = try await rounds.reference("teardown --catalog", teardown(["--catalog"]))
                let tearPoints = KillRounds.sample(group.points, of: tearCount, seed: group.seed + 1)
                for (point, tearPoint) in zip(KillRounds.sample(group.points, of: count, seed: group.seed), tearPoints) {
                    try await rounds.kill("publish-catalog", ["publish-catalog"], at: point)
                    #expect(try await lifecycle.fixture.session(.dev).cloudFormation.describeStack("mlopsctl-hnb659fds-catalog")?.status.isUsable == true)
                    try await rounds.kill("teardown --catalog", teardown(["--catalog"]), at: tearPoint)
                }
            case .launch:
                try await rounds.reference("bootstrap", ["bootstrap"])
                try await LifecycleStandIns.putLeadRole(lifecycle.fixture)
                foreign.append(Self.lead)
                try await rounds.reference("publish-catalog", ["publish-catalog"])
                let count = try await rounds.reference("launch-project", ["launch-project", "--name", "ref"])
                let tearCount = try await rounds.reference("teardown --project", teardown(["--project", "ref"]))
                let tearPoints = KillRounds.sample(group.points, of: tearCount, seed: group.seed + 1)
                for (round, (point, tearPoint)) in zip(KillRounds.sample(group.points, of: count, seed: group.seed), tearPoints).enumerated() {
                    // No --id: the re-run must find the killed launch's project in the ledger and finish it.
                    let name = "kill\(round)"
                    try await rounds.kill("launch-project", ["launch-project", "--name", name], at: point)
                    try await Self.expectOneProject(name, lifecycle.fixture)
                    try await rounds.kill("teardown --project", teardown(["--project", name]), at: tearPoint)
                }
            case .promote:
                try await rounds.reference("bootstrap", ["bootstrap"])
                try await LifecycleStandIns.putLeadRole(lifecycle.fixture)
                foreign.append(Self.lead)
                try await rounds.reference("publish-catalog", ["publish-catalog"])
                let targets: [(String, [String])] = [("dev", ["--approve"]), ("preprod", []), ("prod", ["--yes"])]
                // A reference chain on its own project gives each target's request count.
                try await rounds.reference("launch-project", ["launch-project", "--name", "ref"])
                foreign.append("dev:modelPackageGroup:\(try await LifecycleStandIns.registerPackage(lifecycle.fixture, project: "ref"))")
                var counts: [String: Int] = [:]
                for (stage, flags) in targets {
                    counts[stage] = try await rounds.reference("promote --to \(stage)", ["promote", "--project", "ref", "--to", stage] + flags)
                }
                try await rounds.reference("teardown --project", teardown(["--project", "ref"]))
                // Each round: a project of its own, promoted up to the round's target, which is killed.
                for round in 0..<group.points {
                    let name = "kill\(round)"
                    let target = targets[round % targets.count]
                    try await rounds.reference("launch-project", ["launch-project", "--name", name])
                    foreign.append("dev:modelPackageGroup:\(try await LifecycleStandIns.registerPackage(lifecycle.fixture, project: name))")
                    for (stage, flags) in targets.prefix(round % targets.count) {
                        try await rounds.reference("promote --to \(stage)", ["promote", "--project", name, "--to", stage] + flags)
                    }
                    let points = KillRounds.sample(group.points / targets.count, of: counts[target.0]!, seed: group.seed + UInt64(round % targets.count))
                    let point = points[(round / targets.count) % points.count]
                    try await rounds.kill("promote --to \(target.0)", ["promote", "--project", name, "--to", target.0] + target.1, at: point)
                    let status = try await lifecycle.run(["status", "--project", name, "--verify"])
                    #expect(status.status == 0, "\(name): \(status.combined)")
                }
            }

            // The end: teardown --all killed once (at a point drawn within the group's reference teardown, which
            // removed less), re-run, and nothing is left.
            if group == .bootstrap {
                // Every round already tore the bootstrap down: teardown --all has nothing left to kill.
                let nothing = try await lifecycle.run(teardown(["--all"]))
                #expect(nothing.status == 0, "\(nothing.combined)")
            } else {
                let reference = rounds.counts.first { $0.key.hasPrefix("teardown") }?.value ?? 1
                let points = KillRounds.sample(3, of: reference, seed: group.seed + 7)
                try await rounds.kill("teardown --all", teardown(["--all"]), at: points[points.count / 2])
            }
            let left = try await check.check(foreign: foreign)
            #expect(left.status == 0, "\(group): something is left after teardown --all:\n\(left.combined)")
            let rows = try await lifecycle.fixture.ledger.resources()
            #expect(rows.allSatisfy { $0.status == .deleted || $0.status == .retained }, "\(rows.filter { $0.status != .deleted })")
            try await TeardownTests.expectGone(lifecycle.fixture, rows)

            let seconds = LifecycleDriver.seconds(ContinuousClock.now - started)
            try ReliabilityFigures.write(
                suite: "KillMatrix-\(group.rawValue)",
                fixed: ["killPoints": rounds.figures, "kills": rounds.points.values.map(\.count).reduce(0, +)],
                run: ["reruns": rounds.reruns, "locksTakenOver": rounds.locksTakenOver, "seconds": Int(seconds.rounded())])
        }
    }

    /// Both bootstrap stacks in every stage, usable, and recorded present.
    static func expectBootstrapped(_ fixture: BootstrapFixture) async throws {
        let rows = try await fixture.ledger.resources(filter: ResourceFilter(kind: .stack))
        for stage in Stage.allCases {
            let stack = try await fixture.session(stage).cloudFormation.describeStack(fixture.topology.bootstrap.stackName)
            #expect(stack?.status.isUsable == true, "\(stage): \(String(describing: stack?.status))")
            #expect(rows.contains { $0.stage == stage.rawValue && $0.physicalId == fixture.topology.bootstrap.stackName && $0.status == .present })
        }
    }

    /// Exactly one project stack for `name`, in the ledger (present, the others deleted or never made) and in AWS.
    static func expectOneProject(_ name: String, _ fixture: BootstrapFixture) async throws {
        let rows = try await fixture.ledger.resources(filter: ResourceFilter(kind: .stack, project: name))
            .filter { ($0.physicalId ?? "").hasPrefix("mlops-project-\(name)-") && $0.status != .deleted }
        #expect(rows.count == 1 && rows.first?.status == .present, "\(name): \(rows)")
        if let stack = rows.first?.physicalId {
            #expect(try await fixture.session(.dev).cloudFormation.describeStack(stack)?.status.isUsable == true, "\(stack)")
        }
    }
}
