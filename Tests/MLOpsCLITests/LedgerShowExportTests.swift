import Foundation
import Ledger
import TestSupport
import Testing

/// `mlopsctl ledger show` and `mlopsctl ledger export` through the built binary.
@Suite struct LedgerShowExportTests {
    @Test func showPrintsTheRunItsEventsAndTheResourcesItTouched() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let result = try await CommandRunner().run(["ledger", "show", String(seeded.firstRun), "--ledger", seeded.path])
        #expect(result.status == 0, "\(result.combined)")
        for text in [
            "run \(seeded.firstRun): mlopsctl bootstrap  succeeded", "--topology acme.yaml", "arn:aws:sts::111111111111:assumed-role/Admin/alice",
            "stack events (1):", "CREATE_FAILED", "Access Denied", "resources touched (4):", "acme-gov-artifacts",
        ] {
            #expect(result.stdout.contains(text), "missing '\(text)' in:\n\(result.stdout)")
        }
    }

    @Test func showAsJSONNestsRunEventsAndResources() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let result = try await CommandRunner().run(["ledger", "show", String(seeded.firstRun), "--ledger", seeded.path, "--output", "json"])
        #expect(result.status == 0, "\(result.combined)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["run"] as? [String: Any])?["id"] as? Int == Int(seeded.firstRun))
        #expect((object["run"] as? [String: Any])?["outcome"] as? String == "succeeded")
        #expect((object["events"] as? [[String: Any]])?.map { $0["eventId"] as? String } == ["ev-1"])
        #expect((object["resources"] as? [[String: Any]])?.count == 4)
    }

    @Test(arguments: [(["999"], 1, "999"), (["abc"], 64, "abc")] as [([String], Int32, String)])
    func anUnknownOrMalformedRunIdFailsNamingIt(_ arguments: [String], _ status: Int32, _ named: String) async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let result = try await CommandRunner().run(["ledger", "show", "--ledger", seeded.path] + arguments)
        #expect(result.status == status, "\(result.combined)")
        #expect(result.stderr.contains(named), "\(result.stderr)")
        #expect(!result.combined.contains("Fatal error"))
    }

    @Test func exportPrintsEverythingAsJSON() async throws {
        let seeded = try await SeededLedger.make()
        defer { seeded.remove() }
        let result = try await CommandRunner().run(["ledger", "export", "--ledger", seeded.path])
        #expect(result.status == 0, "\(result.combined)")

        // The document decodes back to exactly what the ledger holds
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let printed = try decoder.decode(LedgerExport.self, from: Data(result.stdout.utf8))
        var expected = try await seeded.ledger.export()
        // ISO 8601 keeps whole seconds; compare at that precision.
        expected = Self.wholeSeconds(expected)
        #expect(Self.wholeSeconds(printed) == expected)
        #expect(printed.runs.count == 1 && printed.runs[0].events.count == 1 && printed.resources.count == 4)
        #expect(printed.lock == nil)
    }

    static func wholeSeconds(_ export: LedgerExport) -> LedgerExport {
        func round(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
        var copy = export
        for index in copy.runs.indices {
            copy.runs[index].run.startedAt = round(copy.runs[index].run.startedAt)
            copy.runs[index].run.endedAt = copy.runs[index].run.endedAt.map(round)
            for event in copy.runs[index].events.indices {
                copy.runs[index].events[event].timestamp = round(copy.runs[index].events[event].timestamp)
            }
        }
        for index in copy.resources.indices {
            copy.resources[index].createdAt = round(copy.resources[index].createdAt)
            copy.resources[index].updatedAt = round(copy.resources[index].updatedAt)
        }
        return copy
    }
}
