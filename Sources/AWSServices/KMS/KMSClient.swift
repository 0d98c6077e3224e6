import AWSWire
import Foundation

/// AWS Key Management Service (JSON 1.1, `TrentService` target, API 2014-11-01): looking keys up and
/// scheduling their deletion at teardown.
///
/// Moto labels KMS JSON responses `text/html`; nothing here looks at the content type.
public struct KMSClient: Sendable {
    public let client: AWSClient

    /// The shortest pending window KMS allows, in days (also the longest a caller should need to wait).
    public static let minimumPendingWindowInDays = 7
    public static let maximumPendingWindowInDays = 30

    /// `client` must be built for `ServiceDescriptor.kms`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// DescribeKey by key id, key ARN, alias name (`alias/…`) or alias ARN. Returns nil when no such
    /// key or alias exists (`NotFoundException`).
    public func describeKey(_ keyId: String) async throws -> KMSKey? {
        do {
            return try await client.jsonCall("DescribeKey", DescribeKeyInput(KeyId: keyId), as: DescribeKeyOutput.self).KeyMetadata
        } catch let error as AWSServiceError where error.code == "NotFoundException" {
            return nil
        }
    }

    /// ScheduleKeyDeletion after `pendingWindowInDays` (7–30; default 7, the AWS minimum). The key is
    /// disabled at once and can be recovered with CancelKeyDeletion until the date. A key already
    /// pending deletion fails with `KMSInvalidStateException`.
    /// - Throws: `KMSPendingWindowError` before any request when the window is outside 7–30.
    public func scheduleKeyDeletion(_ keyId: String, pendingWindowInDays: Int = KMSClient.minimumPendingWindowInDays) async throws
        -> KMSKeyDeletion
    {
        guard (Self.minimumPendingWindowInDays...Self.maximumPendingWindowInDays).contains(pendingWindowInDays) else {
            throw KMSPendingWindowError(keyId: keyId, days: pendingWindowInDays)
        }
        return try await client.jsonCall(
            "ScheduleKeyDeletion", ScheduleKeyDeletionInput(KeyId: keyId, PendingWindowInDays: pendingWindowInDays), as: KMSKeyDeletion.self)
    }
}
