import Foundation
import TestSupport

/// A fresh folder with a topology, a profile `gov` whose endpoint is a closed loopback port (so any AWS call shows
/// up as a connection error) and a canary secret, for running the built binary on bad input.
enum ClosedPortSandbox {
    /// Four stages, all through profile `gov`, in us-east-1.
    static let stages = """
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: gov }
          preprod:    { account: "333333333333", profile: gov }
          prod:       { account: "444444444444", profile: gov }
        """
    static let topology = "version: 1\nregion: us-east-1\n" + stages

    /// Runs mlopsctl with `topology` and the ledger at `state/ledger.sqlite`; says whether the ledger was written.
    static func run(
        _ arguments: [String], topology: String = Self.topology, secret: String = "CANARY-SECRET-sandbox", environment extra: [String: String] = [:]
    ) async throws -> (CommandRunner.Result, ledgerExists: Bool) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try topology.write(to: dir.appendingPathComponent("mlopsctl.yaml"), atomically: true, encoding: .utf8)
        try "[profile gov]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n".write(
            to: dir.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "[gov]\naws_access_key_id = AKIDEXAMPLE00000000\naws_secret_access_key = \(secret)\n".write(
            to: dir.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        let ledger = dir.appendingPathComponent("state/ledger.sqlite")
        let result = try await CommandRunner().run(
            arguments,
            environment: [
                "AWS_CONFIG_FILE": dir.appendingPathComponent("config").path,
                "AWS_SHARED_CREDENTIALS_FILE": dir.appendingPathComponent("credentials").path,
                "MLOPSCTL_TOPOLOGY": dir.appendingPathComponent("mlopsctl.yaml").path, "MLOPSCTL_LEDGER": ledger.path,
                "AWS_MAX_ATTEMPTS": "1", "HOME": dir.path,
            ].merging(extra) { $1 }, currentDirectory: dir)
        return (result, FileManager.default.fileExists(atPath: ledger.path))
    }
}
