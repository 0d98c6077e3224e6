import Foundation
import TestSupport
import Testing

/// libcurl is opened on the first request, not at start (CCurl.c): a command that sends none runs without it, and one
/// that needs it and cannot load it says why and what to install, in one line per stage, without a crash.
@Suite struct LibcurlLoadTests {
    /// A folder holding a `libcurl.so.4` that is not a library, for LD_LIBRARY_PATH (searched before the system's).
    private static func brokenLibcurl() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-badcurl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("not an ELF file".utf8).write(to: dir.appendingPathComponent("libcurl.so.4"))
        return dir
    }

    @Test func aCommandThatSendsNoRequestRunsWithoutLibcurl() async throws {
        let libraries = try Self.brokenLibcurl()
        defer { try? FileManager.default.removeItem(at: libraries) }
        let result = try await CommandRunner().run(["--version"], environment: ["LD_LIBRARY_PATH": libraries.path])
        #expect(result.status == 0, "\(result.combined)")
        #expect(result.stdout.hasPrefix("mlopsctl "), "\(result.stdout)")
    }

    @Test func aCommandThatNeedsLibcurlNamesWhyItCannotLoadIt() async throws {
        let libraries = try Self.brokenLibcurl()
        defer { try? FileManager.default.removeItem(at: libraries) }
        let (result, ledgerExists) = try await ClosedPortSandbox.run(["doctor"], environment: ["LD_LIBRARY_PATH": libraries.path])
        #expect(result.status != 0, "\(result.combined)")
        #expect(result.combined.contains("cannot use libcurl (\(libraries.path)/libcurl.so.4"), "\(result.combined)")
        #expect(result.combined.contains("install libcurl"), "\(result.combined)")
        #expect(!result.combined.contains("Fatal error"), "\(result.combined)")
        #expect(!ledgerExists)
    }
}
