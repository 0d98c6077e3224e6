import Testing
import AWSConfig
import Credentials
import Foundation
import SigV4
import TestSupport

/// A clock tests move by hand.
struct TestClock: Sendable {
    let box: LockedBox<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) { box = LockedBox(start) }
    var now: @Sendable () -> Date { { [box] in box.value } }
    func advance(by seconds: TimeInterval) { box.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

struct FakeError: Error, CustomStringConvertible {
    var description: String
}

/// Records every STS call and answers with credentials derived from the role, expiring an hour after the clock.
struct FakeRoleAssumer: RoleAssuming {
    struct AssumeCall: Equatable {
        var profile: String
        var roleArn: String
        var externalId: String?
        var durationSeconds: Int?
        var sessionName: String
        var mfaCode: String?
        var sourceAccessKeyId: String
        var sourceSecret: String
    }
    struct WebIdentityCall: Equatable {
        var roleArn: String
        var sessionName: String
        var token: String
    }

    let assumeCalls = LockedBox<[AssumeCall]>([])
    let webIdentityCalls = LockedBox<[WebIdentityCall]>([])
    var now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_700_000_000) }
    var failure: FakeError?

    func assumeRole(_ step: RoleAssumption, sessionName: String, mfaCode: String?, using source: AWSCredentials) async throws
        -> AWSCredentials
    {
        assumeCalls.withLock {
            $0.append(
                AssumeCall(
                    profile: step.profile, roleArn: step.roleArn, externalId: step.externalId,
                    durationSeconds: step.durationSeconds, sessionName: sessionName, mfaCode: mfaCode,
                    sourceAccessKeyId: source.accessKeyId, sourceSecret: source.secretAccessKey))
        }
        if let failure { throw failure }
        return Self.credentials(for: step.roleArn, now: now())
    }

    func assumeRoleWithWebIdentity(_ identity: WebIdentity, sessionName: String, token: String) async throws -> AWSCredentials {
        webIdentityCalls.withLock {
            $0.append(WebIdentityCall(roleArn: identity.roleArn, sessionName: sessionName, token: token))
        }
        if let failure { throw failure }
        return Self.credentials(for: identity.roleArn, now: now())
    }

    /// `ASIA-<role name>` with a matching secret, so a test can tell which role's keys were used as a source.
    static func credentials(for roleArn: String, now: Date) -> AWSCredentials {
        let name = roleArn.split(separator: "/").last.map(String.init) ?? roleArn
        return AWSCredentials(
            accessKeyId: "ASIA-\(name)", secretAccessKey: "secret-\(name)", sessionToken: "token-\(name)",
            expiration: now.addingTimeInterval(3600))
    }
}

struct FakeSSOFetcher: SSORoleCredentialsFetching {
    struct Call: Equatable {
        var accessToken: String
        var accountId: String
        var roleName: String
        var region: String
    }
    let calls = LockedBox<[Call]>([])
    var result = AWSCredentials(
        accessKeyId: "ASIA-SSO", secretAccessKey: "sso-secret", sessionToken: "sso-session",
        expiration: Date(timeIntervalSince1970: 1_700_003_600))
    var failure: FakeError?

    func roleCredentials(accessToken: String, accountId: String, roleName: String, region: String) async throws -> AWSCredentials {
        calls.withLock { $0.append(Call(accessToken: accessToken, accountId: accountId, roleName: roleName, region: region)) }
        if let failure { throw failure }
        return result
    }
}

struct FakeMFAPrompt: MFACodePrompt {
    var answer: String
    let asked = LockedBox<[String]>([])
    func code(forSerial serial: String, profile: String) async throws -> String {
        asked.withLock { $0.append("\(profile):\(serial)") }
        return answer
    }
}

/// A provider that counts fetches, can be slow, and can fail a given number of times before succeeding.
struct CountingProvider: CredentialProvider {
    let fetches = LockedBox(0)
    let failuresLeft: LockedBox<Int>
    var delay: Duration = .zero
    var lifetime: TimeInterval?
    var now: @Sendable () -> Date

    init(failures: Int = 0, delay: Duration = .zero, lifetime: TimeInterval? = nil, now: @escaping @Sendable () -> Date) {
        self.failuresLeft = LockedBox(failures)
        self.delay = delay
        self.lifetime = lifetime
        self.now = now
    }

    func credentials() async throws -> AWSCredentials {
        let number = fetches.withLock { count -> Int in
            count += 1
            return count
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        let fail = failuresLeft.withLock { left -> Bool in
            guard left > 0 else { return false }
            left -= 1
            return true
        }
        if fail { throw FakeError(description: "fetch \(number) failed") }
        return AWSCredentials(
            accessKeyId: "AKID-\(number)", secretAccessKey: "secret-\(number)", expiration: lifetime.map { now().addingTimeInterval($0) })
    }

    var description: String { "CountingProvider" }
}

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mlopsctl-creds-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` and returns the `CredentialError` it threw; records an issue when it threw nothing or something else.
func credentialError<T>(
    _ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) async -> CredentialError? {
    do {
        _ = try await body()
        Issue.record("expected a CredentialError, got a value", sourceLocation: sourceLocation)
    } catch let error as CredentialError {
        return error
    } catch {
        Issue.record("expected a CredentialError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
