import AWSConfig
import Foundation
import SigV4

/// `credential_process`: runs the command through `/bin/sh -c` and parses the JSON it prints
/// (`Version` 1, `AccessKeyId`, `SecretAccessKey`, optional `SessionToken`, `Expiration`, `AccountId`).
/// Errors name the profile and never quote stdout, which carries the secret; the first line of stderr is kept.
/// Wrap it in `CachedCredentialProvider` so the command runs once per session rather than per request.
public struct CredentialProcessProvider: CredentialProvider {
    public let command: String
    public let profile: String
    public let timeout: Duration

    public init(command: String, profile: String, timeout: Duration = .seconds(60)) {
        self.command = command
        self.profile = profile
        self.timeout = timeout
    }

    public func credentials() async throws -> AWSCredentials {
        let output: ShellCommand.Output
        do {
            output = try await ShellCommand.run(command, timeout: timeout)
        } catch ShellCommand.Failure.timedOut {
            throw CredentialError.credentialProcessTimedOut(profile: profile, timeout: timeout)
        } catch ShellCommand.Failure.launchFailed(let error) {
            throw CredentialError.credentialProcessFailed(
                profile: profile, problem: "could not be started (\(CredentialError.summary(of: error)))")
        }
        guard !output.killedBySignal, output.exitStatus == 0 else {
            let what = output.killedBySignal ? "was killed by signal \(output.exitStatus)" : "exited with status \(output.exitStatus)"
            let detail = Self.firstLine(of: output.stderr).map { ": \($0)" } ?? ""
            throw CredentialError.credentialProcessFailed(profile: profile, problem: what + detail)
        }
        return try Self.parse(output.stdout, profile: profile)
    }

    /// Parses the Version 1 JSON document. Problems are described by key name only, never by value.
    static func parse(_ data: Data, profile: String) throws -> AWSCredentials {
        func invalid(_ problem: String) -> CredentialError {
            CredentialError.credentialProcessOutputInvalid(profile: profile, problem: problem)
        }
        // `try?` on purpose: decoding errors can quote the input, and the input holds the secret.
        guard let document = try? JSONDecoder().decode(CredentialProcessDocument.self, from: data) else {
            throw invalid("is not a JSON object")
        }
        guard document.hasVersion else { throw invalid("has no Version") }
        guard document.version == 1 else { throw invalid("has an unsupported Version (only 1 is supported)") }
        guard let accessKeyId = document.accessKeyId, !accessKeyId.isEmpty else { throw invalid("has no AccessKeyId") }
        guard let secret = document.secretAccessKey, !secret.isEmpty else { throw invalid("has no SecretAccessKey") }
        var expiration: Date?
        if let text = document.expiration {
            guard let date = Timestamp.parse(text) else { throw invalid("has an Expiration that is not an RFC 3339 time") }
            // Signing with them would only earn an ExpiredToken answer per call; the helper's login needs renewing.
            guard date > Date() else { throw invalid("has credentials that expired at \(text) (renew the helper's login)") }
            expiration = date
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: document.sessionToken.flatMap { $0.isEmpty ? nil : $0 },
            expiration: expiration, accountId: document.accountId.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The first non-empty stderr line, cut to 200 characters.
    static func firstLine(of data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return nil
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }

    // The command itself is left out: people put tokens in command lines.
    public var description: String { "CredentialProcessProvider(profile '\(profile)')" }
}
