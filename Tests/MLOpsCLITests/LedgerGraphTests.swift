import Foundation
import Ledger
import TestSupport
import Testing

@testable import MLOpsCLI

/// `mlopsctl ledger graph`: the graph built from a ledger seeded through the Ledger API, the command's output, and
/// that Graphviz accepts the DOT it writes.
@Suite struct LedgerGraphTests {
    static let accounts = ["governance": "111111111111", "dev": "222222222222", "preprod": "333333333333", "prod": "444444444444"]

    /// One row to seed: where, what, and how it ended.
    struct Seed {
        var stage: String
        var kind: ResourceKind
        var id: String
        var stack: String?
        var status: ResourceStatus = .present
        var project: String?
        var account: String? = nil
        var detail: String? = nil
    }

    /// What bootstrap records in a stage: the CDKToolkit stack, its deploy role and its version parameter.
    static func bootstrap(_ stage: String) -> [Seed] {
        let account = accounts[stage]!
        return [
            Seed(stage: stage, kind: .stack, id: "CDKToolkit", stack: "CDKToolkit", account: account),
            Seed(stage: stage, kind: .iamRole, id: "cdk-hnb659fds-deploy-role-\(account)-us-east-1", stack: "CDKToolkit", account: account),
            Seed(stage: stage, kind: .ssmParameter, id: "/cdk-bootstrap/hnb659fds/version", stack: "CDKToolkit", account: account),
        ]
    }

    /// The four bootstraps, the catalog in dev (a portfolio inside, seed code outside any stack), a deleted bucket, a
    /// failed project stack, and the prod endpoint stack.
    static let lifecycle: [Seed] = ["governance", "dev", "preprod", "prod"].flatMap { bootstrap($0) } + [
        Seed(stage: "dev", kind: .stack, id: "mlopsctl-hnb659fds-catalog", stack: "mlopsctl-hnb659fds-catalog"),
        Seed(stage: "dev", kind: .portfolio, id: "port-abc123", stack: "mlopsctl-hnb659fds-catalog"),
        Seed(stage: "dev", kind: .objectPrefix, id: "cdk-hnb659fds-assets-222222222222-us-east-1/build.zip", stack: nil),
        Seed(stage: "dev", kind: .bucket, id: "old-artifacts", stack: "mlopsctl-hnb659fds-catalog", status: .deleted),
        Seed(stage: "dev", kind: .stack, id: "mlops-project-demo-p-1", stack: "mlops-project-demo-p-1", status: .failed, project: "demo"),
        Seed(stage: "prod", kind: .stack, id: "mlops-demo-endpoint-prod", stack: "mlops-demo-endpoint-prod", project: "demo"),
        Seed(stage: "prod", kind: .endpoint, id: "arn:aws:sagemaker:us-east-1:444444444444:endpoint/demo-prod", stack: "mlops-demo-endpoint-prod", project: "demo"),
    ]

    /// A ledger file holding `seeds` (written in the given order), and its folder to remove.
    static func ledger(_ seeds: [Seed]) async throws -> (path: String, folder: URL, ledger: LedgerDatabase) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let ledger = try LedgerDatabase.open(path: path)
        let request = LockRequest(command: "bootstrap", arguments: [], who: "test", host: "test", pid: 4242)
        try await ledger.withLock(request, isAlive: { _ in true }) { lock in
            for seed in seeds {
                let intent = ResourceIntent(
                    stage: seed.stage, account: seed.account ?? accounts[seed.stage]!, region: "us-east-1", kind: seed.kind, physicalId: seed.id,
                    stack: seed.stack, project: seed.project)
                let id = try #require(try await ledger.plan(intent, runId: lock.runId).id)
                _ = try await ledger.settle(id, status: seed.status, detail: seed.detail)
            }
        }
        return (path, folder, ledger)
    }

    /// Trust edges as `truster→trusted` stage names.
    static func trustPairs(_ graph: ResourceGraph) -> Set<String> {
        let stageOf = Dictionary(uniqueKeysWithValues: graph.accounts.map { ($0.id, $0.stage) })
        return Set(graph.trust.map { "\(stageOf[$0.truster]!)→\(stageOf[$0.trusted]!)" })
    }

    @Test func accountsStacksResourcesAndTheSeedsTrust() async throws {
        let seeded = try await Self.ledger(Self.lifecycle)
        defer { try? FileManager.default.removeItem(at: seeded.folder) }
        let graph = ResourceGraph(resources: try await seeded.ledger.resources())

        #expect(graph.accounts.map(\.stage) == ["governance", "dev", "preprod", "prod"])
        #expect(graph.accounts.map(\.account) == ["111111111111", "222222222222", "333333333333", "444444444444"])
        #expect(graph.accounts.allSatisfy { $0.regions == ["us-east-1"] && $0.isBootstrapped })
        #expect(Self.trustPairs(graph) == ["dev→governance", "preprod→dev", "preprod→governance", "prod→dev", "prod→governance"])

        let dev = try #require(graph.accounts.first { $0.stage == "dev" })
        #expect(dev.stacks.map(\.name) == ["CDKToolkit", "mlops-project-demo-p-1", "mlopsctl-hnb659fds-catalog"])
        let catalog = try #require(dev.stacks.first { $0.name == "mlopsctl-hnb659fds-catalog" })
        #expect(catalog.items.map(\.name) == ["port-abc123"], "the deleted bucket is left out")
        #expect(dev.stacks.first { $0.name == "mlops-project-demo-p-1" }?.status == .failed)
        #expect(dev.stacks.first { $0.name == "mlops-project-demo-p-1" }?.project == "demo")
        #expect(dev.loose.map(\.kind) == [.objectPrefix])
        let prod = try #require(graph.accounts.first { $0.stage == "prod" })
        #expect(prod.stacks.first { $0.name == "mlops-demo-endpoint-prod" }?.items.map(\.kind) == [.endpoint])
        #expect(graph.stackCount == 7)
        #expect(graph.itemCount == 4 * 2 + 3)

        let withDeleted = ResourceGraph(resources: try await seeded.ledger.resources(), includeDeleted: true)
        #expect(withDeleted.itemCount == graph.itemCount + 1)

        // Every node id appears once, and every edge joins two of them.
        let dot = graph.dot
        let nodeIds = graph.accounts.flatMap { account in
            [account.id] + account.stacks.flatMap { [$0.id] + $0.items.map(\.id) } + account.loose.map(\.id)
        }
        #expect(Set(nodeIds).count == nodeIds.count)
        for id in nodeIds { #expect(dot.contains("    \(id) [label="), "no node \(id)") }
        #expect(dot.components(separatedBy: "[label=\"trusts\"").count - 1 == 5)
        let mermaid = graph.mermaid
        #expect(mermaid.components(separatedBy: " -. trusts .-> ").count - 1 == 5)
        #expect(mermaid.contains("{{\"iamRole<br/>cdk-hnb659fds-deploy-role-444444444444-us-east-1\"}}"), "roles are hexagons")
    }

    /// Trust as bootstrap recorded it on the stack rows wins over the seed's default graph: here prod trusts only
    /// governance, and dev trusts an account the ledger has no box for (drawn nowhere, never invented).
    @Test func recordedTrustIsWhatIsDrawn() async throws {
        var seeds = ["governance", "dev", "preprod", "prod"].flatMap { Self.bootstrap($0) }
        let recorded = ["dev": "111111111111,999999999999", "preprod": "111111111111,222222222222", "prod": "111111111111"]
        for index in seeds.indices where seeds[index].kind == .stack {
            seeds[index].detail = recorded[seeds[index].stage].map { TrackedResource.trustPrefix + $0 }
        }
        let seeded = try await Self.ledger(seeds)
        defer { try? FileManager.default.removeItem(at: seeded.folder) }
        let graph = ResourceGraph(resources: try await seeded.ledger.resources())
        #expect(graph.accounts.first { $0.stage == "prod" }?.recordedTrust == ["111111111111"])
        #expect(Self.trustPairs(graph) == ["dev→governance", "preprod→dev", "preprod→governance", "prod→governance"])
        #expect(ResourceGraph.summary(graph).contains("as each bootstrap recorded them"), "\(ResourceGraph.summary(graph))")
    }

    @Test func trustOnlyBetweenBootstrappedAccountsAndNeverToItself() async throws {
        // Governance has only a catalog-like stack (no bootstrap); dev and preprod share one account.
        // (A second bootstrap in one account and region has its own qualifier, so its own names.)
        let sharedAccountBootstrap = [
            Seed(stage: "preprod", kind: .stack, id: "CDKToolkitPre", stack: "CDKToolkitPre", account: "222222222222"),
            Seed(stage: "preprod", kind: .iamRole, id: "cdk-pre-deploy-role-222222222222-us-east-1", stack: "CDKToolkitPre", account: "222222222222"),
        ]
        let seeds = [Seed(stage: "governance", kind: .stack, id: "other", stack: "other")] + Self.bootstrap("dev")
            + sharedAccountBootstrap + Self.bootstrap("prod")
        let seeded = try await Self.ledger(seeds)
        defer { try? FileManager.default.removeItem(at: seeded.folder) }
        let graph = ResourceGraph(resources: try await seeded.ledger.resources())
        #expect(graph.accounts.map(\.stage) == ["governance", "dev", "preprod", "prod"])
        #expect(graph.accounts.first { $0.stage == "governance" }?.isBootstrapped == false)
        #expect(graph.accounts.first { $0.stage == "preprod" }?.isBootstrapped == true)
        #expect(Self.trustPairs(graph) == ["prod→dev"], "dev and preprod share an account; governance is not bootstrapped")
    }

    @Test func theSameLedgerContentGivesTheSameTextWhateverTheOrderItWasWritten() async throws {
        let first = try await Self.ledger(Self.lifecycle)
        let second = try await Self.ledger(Self.lifecycle.reversed())
        defer {
            try? FileManager.default.removeItem(at: first.folder)
            try? FileManager.default.removeItem(at: second.folder)
        }
        let a = ResourceGraph(resources: try await first.ledger.resources())
        let b = ResourceGraph(resources: try await second.ledger.resources().shuffled())
        #expect(a.dot == b.dot)
        #expect(a.mermaid == b.mermaid)
    }

    @Test func commandWritesDotToStdoutAndMermaidToAFile() async throws {
        let seeded = try await Self.ledger(Self.lifecycle)
        defer { try? FileManager.default.removeItem(at: seeded.folder) }
        let expected = ResourceGraph(resources: try await seeded.ledger.resources())

        let dot = try await CommandRunner().run(["ledger", "graph", "--ledger", seeded.path])
        #expect(dot.status == 0, "\(dot.combined)")
        #expect(dot.stdout == expected.dot)

        let file = seeded.folder.appendingPathComponent("ledger.mmd")
        let mermaid = try await CommandRunner().run(["ledger", "graph", "--ledger", seeded.path, "--format", "mermaid", "--out", file.path])
        #expect(mermaid.status == 0, "\(mermaid.combined)")
        #expect(mermaid.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected.mermaid)

        let bad = try await CommandRunner().run(["ledger", "graph", "--ledger", seeded.path, "--format", "png"])
        #expect(bad.status == 64, "\(bad.combined)")
    }

    @Test func graphvizRendersTheDotOutput() async throws {
        let seeded = try await Self.ledger(Self.lifecycle)
        defer { try? FileManager.default.removeItem(at: seeded.folder) }
        guard let dot = ProjectTools.find("dot") else {
            let message = "dot (Graphviz) is not on PATH; scripts/ensure-tools test installs it"
            if ConformanceData.isCI {
                Issue.record("CI=true requires it: \(message)")
            } else {
                FileHandle.standardError.write(Data("NOTICE: skipping the Graphviz check of ledger graph: \(message)\n".utf8))
            }
            return
        }
        let dotFile = seeded.folder.appendingPathComponent("ledger.dot")
        let written = try await CommandRunner().run(["ledger", "graph", "--ledger", seeded.path, "--out", dotFile.path])
        #expect(written.status == 0, "\(written.combined)")
        let svgFile = seeded.folder.appendingPathComponent("ledger.svg")
        let rendered = try await CommandRunner(executable: dot).run(["-Tsvg", dotFile.path, "-o", svgFile.path])
        #expect(rendered.status == 0, "dot refused the graph: \(rendered.combined)")
        #expect(rendered.stderr.isEmpty, "dot warned: \(rendered.stderr)")
        // Graphviz writes a hyphen in SVG text as &#45;.
        let svg = try String(contentsOf: svgFile, encoding: .utf8).replacingOccurrences(of: "&#45;", with: "-")
        #expect(svg.contains("<svg"))
        #expect(svg.contains("cdk-hnb659fds-deploy-role-444444444444-us-east-1"))
    }
}
