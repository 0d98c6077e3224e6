import Foundation
import Testing
import TestSupport

/// One hostile input for the built binary, and what a clean refusal of it looks like. Texts may hold `{DIR}` (the
/// case's scratch folder) and `{ENDPOINT}` (where profile `gov` sends its calls: a closed loopback port, the
/// emulator, or a loopback server answering broken bodies).
struct HostileInputCase: CustomTestStringConvertible, Sendable {
    enum Backend: Sendable {
        /// Profile `gov` points at a closed loopback port: any AWS call fails to connect.
        case closedPort
        /// The emulator's own profiles and accounts (111…444); `config`/`credentials` are appended to its files.
        case emulator
        /// Profile `gov` points at a loopback server writing these raw bytes for a request.
        case server(@Sendable (LoopbackHTTPServer.Request) -> Data)
    }

    /// A file the case writes (topology, config, credentials, helper scripts, ledger).
    enum File: Sendable {
        case text(String)
        case bytes(@Sendable () -> Data)
        case directory
        case missing
    }

    let category: String
    let name: String
    var backend: Backend = .closedPort
    /// nil: the backend's valid topology, after `edits`.
    var topology: File? = nil
    var edits: [(String, String)] = []
    var config: File? = nil
    var credentials: File? = nil
    /// Executable scripts written into the scratch folder by name (credential_process helpers).
    var scripts: [String: String] = [:]
    /// Bytes of a ledger that exists before the run; its hash must be the same after. Without one, no ledger may appear.
    var ledger: File = .missing
    var arguments: [String] = ["bootstrap"]
    var environment: [String: String] = [:]
    /// What the first line of stderr must say (each of these), naming the input and the problem.
    let expected: [String]
    var testDescription: String { "\(category): \(name)" }

    static let closedEndpoint = "http://127.0.0.1:9"
    /// An `environment` value that removes the variable (the runner sets AWS_MAX_ATTEMPTS=1 otherwise).
    static let unset = "<unset>"
    static let validConfig = "[profile gov]\nregion = us-east-1\nendpoint_url = {ENDPOINT}\n"
    static let validCredentials = "[gov]\naws_access_key_id = AKIDHOSTILE000000000\naws_secret_access_key = CANARY-SECRET-hostile\n"
    /// Four stages through profile `gov` (the closed-port and loopback-server backends).
    static let validTopology = """
        version: 1
        region: us-east-1
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: gov }
          preprod:    { account: "333333333333", profile: gov }
          prod:       { account: "444444444444", profile: gov }

        """

    /// The emulator's four profiles and accounts, as `mlopsctl init` would write them.
    static func emulatorTopology(_ emulator: Emulator) -> String {
        var lines = ["version: 1", "region: us-east-1", "stages:"]
        for account in emulator.accounts {
            lines.append("  \(account.stage): { account: \"\(account.accountID)\", profile: \(account.profile) }")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The categories, in the order the figures list them.
enum HostileCategory {
    static let ini = "ini"
    static let topology = "topology"
    static let account = "account-id"
    static let region = "region"
    static let project = "project-name"
    static let credentialProcess = "credential_process"
    static let endpoint = "endpoint-url"
    static let ledger = "ledger"
    static let identity = "wrong-account"
    static let response = "response"
    static let modelPackage = "model-package"
}
