import Foundation
import Ledger
import TestSupport
import Testing

/// `mlopsctl ledger list` through the built binary, on a temporary ledger seeded through the Ledger API.
@Suite struct LedgerListTests {
    /// The seeded resources as `<physical id>@<account>` (stacks share a name across accounts).
    static let all: Set<String> = [
        "mlops-bootstrap@111111111111", "acme-gov-artifacts@111111111111", "mlops-bootstrap@222222222222", "/mlops/churn/model@444444444444",
    ]

    static func listJSON(_ arguments: [String], ledger: SeededLedger) async throws -> [[String: Any]] {
        let result = try await CommandRunner().run(["ledger", "list", "--ledger", ledger.path, "--output", "json"] + arguments)
        #expect(result.status == 0, "\(result.combined)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return try #require(parsed, "not an array of objects: \(result.stdout)")
    }

    @Test func jsonIsAnArrayOfObjectsWithTheDocumentedKeys() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let rows = try await Self.listJSON([], ledger: seeded)
        #expect(rows.count == Self.all.count)
        for row in rows {
            for key in ["stage", "account", "region", "kind", "id", "status", "stack", "project", "ownership", "ledgerRow"] {
                #expect(row.keys.contains(key), "missing \(key) in \(row)")
            }
        }
        #expect(Set(rows.map { "\($0["id"] as? String ?? "")@\($0["account"] as? String ?? "")" }) == Self.all)
        // Values come straight from the ledger rows
        let expected = try await seeded.ledger.resources()
        for resource in expected {
            let row = try #require(rows.first { ($0["ledgerRow"] as? Int).map(Int64.init) == resource.id })
            #expect(row["stage"] as? String == resource.stage)
            #expect(row["kind"] as? String == resource.kind.rawValue)
            #expect(row["status"] as? String == resource.status.rawValue)
            #expect(row["region"] as? String == resource.region)
            #expect((row["stack"] as? String) == resource.stack)
            #expect((row["project"] as? String) == resource.project)
            if resource.stack == nil { #expect(row["stack"] is NSNull) }
        }
    }

    @Test(arguments: [
        (["--stage", "governance"], ["mlops-bootstrap@111111111111", "acme-gov-artifacts@111111111111"]),
        (["--kind", "stack"], ["mlops-bootstrap@111111111111", "mlops-bootstrap@222222222222"]),
        (["--status", "retained"], ["/mlops/churn/model@444444444444"]),
        (["--project", "churn"], ["/mlops/churn/model@444444444444"]),
        (["--stage", "governance", "--kind", "bucket", "--status", "present"], ["acme-gov-artifacts@111111111111"]),
        (["--stage", "preprod"], []),
    ] as [([String], Set<String>)])
    func filtersNarrowTheList(_ arguments: [String], _ expected: Set<String>) async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let rows = try await Self.listJSON(arguments, ledger: seeded)
        #expect(Set(rows.map { "\($0["id"] as? String ?? "")@\($0["account"] as? String ?? "")" }) == expected)
        #expect(rows.count == expected.count)
    }

    @Test func tableHasAHeaderAndOneLinePerResource() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let result = try await CommandRunner().run(["ledger", "list", "--ledger", seeded.path])
        #expect(result.status == 0, "\(result.combined)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1 + Self.all.count)
        #expect(lines.first?.hasPrefix("ROW") == true && lines.first?.contains("STATUS") == true)
        #expect(result.stdout.contains("CREATE_FAILED: Access Denied"))
        #expect(result.stdout.contains("/mlops/churn/model"))
    }

    @Test(arguments: [
        (["--kind", "bukcet"], "--kind 'bukcet'", ["bucket", "modelPackageGroup", "other"]),
        (["--status", "gone"], "--status 'gone'", ["planned", "present", "failed", "deleting", "deleted", "retained"]),
        (["--stage", "production"], "--stage 'production'", ["governance", "dev", "preprod", "prod"]),
    ] as [([String], String, [String])])
    func badValuesAreOneLineUsageErrorsListingTheAllowedValues(_ arguments: [String], _ named: String, _ allowed: [String]) async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let result = try await CommandRunner().run(["ledger", "list", "--ledger", seeded.path] + arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(named))
        for value in allowed { #expect(result.stderr.contains(value), "missing \(value) in \(result.stderr)") }
    }

    @Test func theLedgerIsFoundThroughTheEnvironment() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        // MLOPSCTL_LEDGER
        let viaVariable = try await CommandRunner().run(["ledger", "list"], environment: ["MLOPSCTL_LEDGER": seeded.path])
        #expect(viaVariable.status == 0 && viaVariable.stdout.contains("acme-gov-artifacts"), "\(viaVariable.combined)")
        // XDG_STATE_HOME/mlopsctl/ledger.sqlite
        let xdg = try await SeededLedger.make(relativePath: "state/mlopsctl/ledger.sqlite")
        defer { xdg.remove() }
        let state = xdg.folder.appendingPathComponent("state")
        let viaXDG = try await CommandRunner().run(["ledger", "list"], environment: ["XDG_STATE_HOME": state.path, "HOME": "/nonexistent"])
        #expect(viaXDG.status == 0 && viaXDG.stdout.contains("acme-gov-artifacts"), "\(viaXDG.combined)")
    }

    @Test func aMissingLedgerListsNothingAndIsNotCreated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-none-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let table = try await CommandRunner().run(["ledger", "list", "--ledger", path])
        #expect(table.status == 0 && table.stdout.contains("no resources match"), "\(table.combined)")
        let json = try await CommandRunner().run(["ledger", "list", "--ledger", path, "--output", "json"])
        #expect(json.status == 0, "\(json.combined)")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.isEmpty == true, "\(json.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
