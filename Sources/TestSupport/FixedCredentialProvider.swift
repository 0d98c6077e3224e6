import Credentials
import Foundation
import SigV4

/// Hands out the same credentials every time and counts how often it was asked.
public final class FixedCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let value: AWSCredentials
    private let lock = NSLock()
    private var calls = 0

    public init(_ credentials: AWSCredentials) {
        value = credentials
    }

    public convenience init(accessKeyId: String = "AKIDEXAMPLE", secretAccessKey: String = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: String? = nil)
    {
        self.init(AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken))
    }

    public func credentials() async throws -> AWSCredentials {
        lock.withLock { calls += 1 }
        return value
    }

    public var callCount: Int {
        lock.withLock { calls }
    }

    public var description: String { "FixedCredentialProvider(\(value.accessKeyId))" }
}
