import Foundation
import Testing
import TestSupport

/// Canary secrets planted in the emulator's credentials file: each profile's secret access key and a session token
/// become distinctive strings (the emulator checks neither). The access key ids stay the emulator's (it finds the
/// account by them), but they are random and distinctive too, so they are searched for as well: mlopsctl prints and
/// records principals by ARN, never by key.
/// After commands ran, `leaks` lists every place a canary shows up: their stdout and stderr (`--debug` logs included),
/// and every file under the emulator's folder except the credentials file itself and the emulator's own log (the
/// ledger, its -wal, the request journals, the topology, anything written into HOME).
struct CanaryCredentials {
    let accessKeys: [String]
    let secrets: [String]
    let tokens: [String]
    var all: [String] { accessKeys + secrets + tokens }

    /// Rewrites `emulator`'s credentials file with canaries.
    static func plant(in emulator: Emulator) throws -> CanaryCredentials {
        var accessKeys: [String] = []
        var secrets: [String] = []
        var tokens: [String] = []
        var lines: [String] = []
        for line in try String(contentsOf: emulator.credentialsFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "aws_access_key_id" { accessKeys.append(parts[1]) }
            guard parts.count == 2, parts[0] == "aws_secret_access_key" else {
                lines.append(String(line))
                continue
            }
            let suffix = String(UUID().uuidString.prefix(8))
            secrets.append("CANARYSECRETKEY0\(suffix)xQ7vR2mW9pL4kT6nB8cZ1")
            tokens.append("IQoJb3JpZ2luX2VjECANARYSESSIONTOKEN\(suffix)/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+=")
            lines.append("aws_secret_access_key = \(secrets.last!)")
            lines.append("aws_session_token = \(tokens.last!)")
        }
        try #require(secrets.count == 4 && accessKeys.count == 4, "expected four profiles in \(emulator.credentialsFile.path)")
        try lines.joined(separator: "\n").write(to: emulator.credentialsFile, atomically: true, encoding: .utf8)
        return CanaryCredentials(accessKeys: accessKeys, secrets: secrets, tokens: tokens)
    }

    /// Where a canary appears: `outputs` (label → text) and the files under `folder` (but the credentials and emulator files).
    func leaks(outputs: [(String, String)], under folder: URL, excluding excluded: Set<String>) -> [String] {
        var found: [String] = []
        for (label, text) in outputs where all.contains(where: text.contains) { found.append(label) }
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        for relative in files where !excluded.contains(relative) {
            let url = folder.appendingPathComponent(relative)
            guard let data = try? Data(contentsOf: url) else { continue }  // folders
            if all.contains(where: { data.range(of: Data($0.utf8)) != nil }) { found.append(relative) }
        }
        return found
    }
}
