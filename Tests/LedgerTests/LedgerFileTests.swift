import Foundation
import GRDB
import Ledger
import Testing

/// The file on disk: private modes, WAL, integrity, and where it lives.
@Suite struct LedgerFileTests {
    @Test func openCreatesPrivateFoldersAndAPrivateWALFile() async throws {
        // Given a path two missing folders deep
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("state/mlopsctl")
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let rootMode = try Fixture.mode(root.path)

        // When the ledger is opened and written
        let ledger = try LedgerDatabase.open(path: path)
        let lock = try await Fixture.startRun(ledger)
        try await ledger.plan(Fixture.intent(), runId: lock.runId)

        // Then both created folders are 0700, the existing root is untouched, and every file is 0600
        #expect(try Fixture.mode(folder.path) == 0o700)
        #expect(try Fixture.mode(folder.deletingLastPathComponent().path) == 0o700)
        #expect(try Fixture.mode(root.path) == rootMode)
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: file), "missing \(file)")
            #expect(try Fixture.mode(file) == 0o600, "\(file) mode")
        }
        // And the file is in WAL mode and intact
        let pragmas = try await ledger.reader.read { db in
            try ["journal_mode", "integrity_check", "foreign_keys"].map { try String.fetchOne(db, sql: "PRAGMA \($0)") }
        }
        #expect(pragmas == ["wal", "ok", "1"])
        #expect(ledger.path == path)
    }

    @Test func anExistingLooseFileIsTightenedTo0600() throws {
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("ledger.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))
        _ = try LedgerDatabase.open(path: path)
        #expect(try Fixture.mode(path) == 0o600)
    }

    @Test func dataSurvivesReopening() async throws {
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("ledger.sqlite").path
        let resourceId: Int64?
        do {
            let ledger = try LedgerDatabase.open(path: path)
            try await ledger.withLock(Fixture.request(), isAlive: { _ in true }) { lock in
                _ = try await ledger.plan(Fixture.intent(), runId: lock.runId)
            }
            resourceId = try await ledger.resources().first?.id
        }
        let reopened = try LedgerDatabase.open(path: path)
        #expect(try await reopened.resources().map(\.id) == [resourceId])
        #expect(try await reopened.runs().map(\.outcome) == [.succeeded])
        #expect(try await reopened.reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func aFileInPlaceOfAFolderIsANamedError() throws {
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("state")
        #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
        let path = blocker.appendingPathComponent("mlopsctl/ledger.sqlite").path
        let error = #expect(throws: LedgerError.self) { try LedgerDatabase.open(path: path) }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains(blocker.path) && text.contains("not a folder") && !text.contains("\n"), "\(text)")
    }

    struct LocationCase: Sendable, CustomTestStringConvertible {
        let name: String
        let explicit: String?
        let environment: [String: String]
        let path: String
        let source: LedgerLocation.Source
        var testDescription: String { name }
    }

    @Test(arguments: [
        LocationCase(
            name: "--ledger wins", explicit: "/x/l.sqlite", environment: ["MLOPSCTL_LEDGER": "/env/l.sqlite", "XDG_STATE_HOME": "/xdg"],
            path: "/x/l.sqlite", source: .option),
        LocationCase(name: "relative --ledger", explicit: "l.sqlite", environment: [:], path: "/work/dir/l.sqlite", source: .option),
        LocationCase(
            name: "MLOPSCTL_LEDGER next", explicit: nil, environment: ["MLOPSCTL_LEDGER": "/env/l.sqlite", "XDG_STATE_HOME": "/xdg"],
            path: "/env/l.sqlite", source: .environment),
        LocationCase(
            name: "~ in MLOPSCTL_LEDGER", explicit: nil, environment: ["MLOPSCTL_LEDGER": "~/l.sqlite", "HOME": "/home/al"],
            path: "/home/al/l.sqlite", source: .environment),
        LocationCase(
            name: "XDG_STATE_HOME next", explicit: nil, environment: ["XDG_STATE_HOME": "/xdg", "HOME": "/home/al"],
            path: "/xdg/mlopsctl/ledger.sqlite", source: .xdgStateHome),
        LocationCase(
            name: "empty values are unset", explicit: "", environment: ["MLOPSCTL_LEDGER": "", "XDG_STATE_HOME": "", "HOME": "/home/al"],
            path: "/home/al/.local/state/mlopsctl/ledger.sqlite", source: .home),
        LocationCase(
            name: "relative XDG_STATE_HOME is ignored", explicit: nil, environment: ["XDG_STATE_HOME": "state", "HOME": "/home/al"],
            path: "/home/al/.local/state/mlopsctl/ledger.sqlite", source: .home),
    ])
    func locationFollowsThePrecedence(_ testCase: LocationCase) {
        let location = LedgerLocation.resolve(explicit: testCase.explicit, environment: testCase.environment, currentDirectory: "/work/dir")
        #expect(location == LedgerLocation(path: testCase.path, source: testCase.source))
    }
}
