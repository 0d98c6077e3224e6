import Foundation
import Ledger
import TestSupport
import Testing

/// `mlopsctl ledger forget`: the built binary against a seeded ledger file.
@Suite struct LedgerForgetTests {
    static func id(_ seeded: SeededLedger, _ kind: ResourceKind, _ physicalId: String, stage: String) async throws -> Int64 {
        try #require(try await seeded.ledger.resources().first { $0.kind == kind && $0.physicalId == physicalId && $0.stage == stage }?.id)
    }

    @Test func handsOverAStackWithWhatItHoldsAndRecordsWhoAndWhy() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let stack = try await Self.id(seeded, .stack, "mlops-bootstrap", stage: "governance")
        let result = try await CommandRunner().run(
            ["ledger", "forget", String(stack), "--reason", "platform team owns it", "--yes", "--output", "json"],
            environment: ["MLOPSCTL_LEDGER": seeded.path, "USER": "bob"])
        #expect(result.status == 0, "\(result.combined)")
        let file = seeded.folder.appendingPathComponent("forget.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let schema = try await CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env")).run(
            ["python3", ConformanceData.packageRoot.appendingPathComponent("scripts/check-output").path, "json", "ledger-forget", file.path],
            environment: ProjectTools.environment())
        #expect(schema.status == 0, "\(schema.combined)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rows = try #require(document?["handedOver"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["status"] as? String == "handedOver" })
        let after = try await seeded.ledger.resources().filter { $0.stage == "governance" }
        #expect(after.allSatisfy { $0.status == .handedOver })
        #expect(after.allSatisfy { ($0.detail ?? "").contains("handed over by bob@") && ($0.detail ?? "").hasSuffix(": platform team owns it") })
        let run = try #require(try await seeded.ledger.runs().last)
        #expect(run.command == "ledger forget" && run.outcome == .succeeded)
    }

    @Test func aResourceInsideAManagedStackIsRefusedInOneLineNamingTheStack() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let bucket = try await Self.id(seeded, .bucket, "acme-gov-artifacts", stage: "governance")
        let stack = try await Self.id(seeded, .stack, "mlops-bootstrap", stage: "governance")
        let result = try await CommandRunner().run(
            ["ledger", "forget", String(bucket), "--reason", "r", "--yes"], environment: ["MLOPSCTL_LEDGER": seeded.path])
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.stderr.contains("mlopsctl ledger forget \(stack)"), "\(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try await seeded.ledger.resource(id: bucket)?.status == .present)
    }

    @Test(arguments: [
        (["0", "--reason", "r", "--yes"], "not a ledger resource id"),
        (["7", "--reason", "  ", "--yes"], "--reason is empty"),
        (["999", "--reason", "r", "--yes"], "no resource with id 999"),
        (["1", "--reason", "r"], "pass --yes"),
    ])
    func badInputIsAOneLineErrorAndChangesNothing(_ arguments: [String], _ message: String) async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let before = try await seeded.ledger.resources()
        let result = try await CommandRunner().run(["ledger", "forget"] + arguments, environment: ["MLOPSCTL_LEDGER": seeded.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try await seeded.ledger.resources() == before)
    }
}
