import Foundation

/// A KMS key state (`KeyState`). A struct rather than an enum so a state AWS adds later is carried through.
public struct KMSKeyState: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let creating = KMSKeyState(rawValue: "Creating")
    public static let enabled = KMSKeyState(rawValue: "Enabled")
    public static let disabled = KMSKeyState(rawValue: "Disabled")
    public static let pendingDeletion = KMSKeyState(rawValue: "PendingDeletion")
    public static let pendingImport = KMSKeyState(rawValue: "PendingImport")
    public static let pendingReplicaDeletion = KMSKeyState(rawValue: "PendingReplicaDeletion")
    public static let unavailable = KMSKeyState(rawValue: "Unavailable")
    public static let updating = KMSKeyState(rawValue: "Updating")
}

/// A key as DescribeKey returns it (`KeyMetadata`).
public struct KMSKey: Sendable, Equatable, Decodable {
    public var keyId: String
    public var arn: String?
    public var accountId: String?
    public var state: KMSKeyState?
    public var enabled: Bool?
    public var description: String?
    /// `CUSTOMER` or `AWS` (AWS-managed keys cannot be scheduled for deletion).
    public var keyManager: String?
    public var creationDate: Date?
    /// When a key in `PendingDeletion` will be deleted.
    public var deletionDate: Date?
    public var pendingDeletionWindowInDays: Int?

    public init(
        keyId: String, arn: String? = nil, accountId: String? = nil, state: KMSKeyState? = nil, enabled: Bool? = nil, description: String? = nil,
        keyManager: String? = nil, creationDate: Date? = nil, deletionDate: Date? = nil, pendingDeletionWindowInDays: Int? = nil
    ) {
        self.keyId = keyId
        self.arn = arn
        self.accountId = accountId
        self.state = state
        self.enabled = enabled
        self.description = description
        self.keyManager = keyManager
        self.creationDate = creationDate
        self.deletionDate = deletionDate
        self.pendingDeletionWindowInDays = pendingDeletionWindowInDays
    }

    enum CodingKeys: String, CodingKey {
        case keyId = "KeyId", arn = "Arn", accountId = "AWSAccountId", state = "KeyState", enabled = "Enabled", description = "Description"
        case keyManager = "KeyManager", creationDate = "CreationDate", deletionDate = "DeletionDate"
        case pendingDeletionWindowInDays = "PendingDeletionWindowInDays"
    }
}

/// What ScheduleKeyDeletion answers.
public struct KMSKeyDeletion: Sendable, Equatable, Decodable {
    /// The key's ARN (KMS answers with the ARN even when called with a bare id).
    public var keyId: String?
    public var deletionDate: Date?
    /// `PendingDeletion`, or `PendingReplicaDeletion` for a multi-Region primary with replicas.
    public var state: KMSKeyState?
    public var pendingWindowInDays: Int?

    public init(keyId: String?, deletionDate: Date?, state: KMSKeyState? = nil, pendingWindowInDays: Int? = nil) {
        self.keyId = keyId
        self.deletionDate = deletionDate
        self.state = state
        self.pendingWindowInDays = pendingWindowInDays
    }

    enum CodingKeys: String, CodingKey {
        case keyId = "KeyId", deletionDate = "DeletionDate", state = "KeyState", pendingWindowInDays = "PendingWindowInDays"
    }
}

/// A pending window outside the 7–30 days KMS accepts (moto accepts less; AWS answers `ValidationException`).
public struct KMSPendingWindowError: Error, Sendable, Equatable, CustomStringConvertible {
    public var keyId: String
    public var days: Int

    public var description: String {
        "KMS ScheduleKeyDeletion of \(keyId): a pending window of \(days) days is outside 7–30; pass a number of days from 7 to 30"
    }
}

// MARK: - Wire shapes (JSON 1.1 member names)

struct DescribeKeyInput: Encodable {
    var KeyId: String
}

struct DescribeKeyOutput: Decodable {
    var KeyMetadata: KMSKey
}

struct ScheduleKeyDeletionInput: Encodable {
    var KeyId: String
    var PendingWindowInDays: Int
}
