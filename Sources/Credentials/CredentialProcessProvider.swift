import AWSConfig
import Foundation
import SigV4

/// `credential_process`: runs the command through `/bin/sh -c` and parses the JSON it prints
/// (`Version` 1, `AccessKeyId`, `SecretAccessKey`, optional `SessionToken`, `Expiration`, `AccountId`).
/// Bounded: past `timeout` (or on cancellation) the helper and its process group are stopped, and stdout beyond
/// `outputLimit` is an error. Errors name the profile and the command as configured, and never quote stdout, which
/// carries the secret; the first line of stderr is kept.
/// Wrap it in `CachedCredentialProvider` so the command runs once per session rather than per request.
public struct CredentialProcessProvider: CredentialProvider {
    public let command: String
    public let profile: String
    public let timeout: Duration
    public let outputLimit: Int
    public let now: @Sendable () -> Date

    public init(
        command: String, profile: String, timeout: Duration = CredentialTimeLimit.defaultLimit, outputLimit: Int = 1 << 20,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.command = command
        self.profile = profile
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        let output: ShellCommand.Output
        do {
            output = try await ShellCommand.run(command, timeout: timeout, outputLimit: outputLimit)
        } catch ShellCommand.Failure.timedOut {
            throw CredentialError.credentialProcessTimedOut(profile: profile, command: command, timeout: timeout)
        } catch ShellCommand.Failure.outputTooLarge(let limit) {
            throw CredentialError.credentialProcessOutputTooLarge(profile: profile, command: command, limit: limit)
        } catch ShellCommand.Failure.launchFailed(let reason) {
            throw CredentialError.credentialProcessFailed(profile: profile, command: command, problem: "could not be started (\(reason))")
        }
        guard !output.killedBySignal, output.exitStatus == 0 else {
            let what = output.killedBySignal ? "was killed by signal \(output.exitStatus)" : "exited with status \(output.exitStatus)"
            let detail = Self.firstLine(of: output.stderr).map { ": \($0)" } ?? ""
            throw CredentialError.credentialProcessFailed(profile: profile, command: command, problem: what + detail)
        }
        let credentials = try Self.parse(output.stdout, profile: profile, command: command)
        if let expiration = credentials.expiration, expiration <= now() {
            throw CredentialError.credentialProcessExpired(profile: profile, command: command, expiredAt: expiration)
        }
        return credentials
    }

    /// Parses the Version 1 JSON document. Problems are described by key name only, never by value.
    static func parse(_ data: Data, profile: String, command: String = "") throws -> AWSCredentials {
        func invalid(_ problem: String) -> CredentialError {
            CredentialError.credentialProcessOutputInvalid(profile: profile, command: command, problem: problem)
        }
        guard !data.allSatisfy({ [0x20, 0x09, 0x0a, 0x0d].contains($0) }) else { throw invalid("is empty") }
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

    // The command is left out of the description (debug logs); errors name it, since it is what to fix.
    public var description: String { "CredentialProcessProvider(profile '\(profile)')" }
}
