import Foundation

/// The organization the caller's account belongs to (DescribeOrganization).
public struct OrganizationDescription: Sendable, Equatable {
    /// `o-…`.
    public var id: String
    public var arn: String
    /// The management account (the API still calls it the master account).
    public var masterAccountId: String
    public var masterAccountArn: String?
    /// `ALL` (needed for service-managed stack sets) or `CONSOLIDATED_BILLING`.
    public var featureSet: OrganizationFeatureSet

    public init(id: String, arn: String, masterAccountId: String, masterAccountArn: String? = nil, featureSet: OrganizationFeatureSet) {
        self.id = id
        self.arn = arn
        self.masterAccountId = masterAccountId
        self.masterAccountArn = masterAccountArn
        self.featureSet = featureSet
    }
}

/// `OrganizationFeatureSet`, kept as text so a value AWS adds later is carried through.
public struct OrganizationFeatureSet: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let all = OrganizationFeatureSet(rawValue: "ALL")
    public static let consolidatedBilling = OrganizationFeatureSet(rawValue: "CONSOLIDATED_BILLING")
}

/// The root of an organization (`r-…`), the parent of its top-level OUs and accounts.
public struct OrganizationRoot: Sendable, Equatable, Decodable {
    public var id: String
    public var arn: String?
    public var name: String?

    public init(id: String, arn: String? = nil, name: String? = nil) {
        self.id = id
        self.arn = arn
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", name = "Name"
    }
}

/// An organizational unit (`ou-<root>-<suffix>`).
public struct OrganizationalUnit: Sendable, Equatable, Decodable {
    public var id: String
    public var arn: String?
    public var name: String?

    public init(id: String, arn: String? = nil, name: String? = nil) {
        self.id = id
        self.arn = arn
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", name = "Name"
    }
}

/// A member account. Its email address is not kept: nothing needs it and it is personal data.
public struct OrganizationAccount: Sendable, Equatable, Decodable {
    /// Twelve digits.
    public var id: String
    public var arn: String?
    public var name: String?
    public var status: OrganizationAccountStatus

    public init(id: String, arn: String? = nil, name: String? = nil, status: OrganizationAccountStatus) {
        self.id = id
        self.arn = arn
        self.name = name
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", arn = "Arn", name = "Name", status = "Status", state = "State"
    }

    /// `Status` is deprecated in favour of `State` (which adds `PENDING_ACTIVATION` and `CLOSED`): either is read,
    /// `Status` first because every response from before the change carries it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        guard let status = try container.decodeIfPresent(String.self, forKey: .status) ?? container.decodeIfPresent(String.self, forKey: .state) else {
            throw DecodingError.keyNotFound(CodingKeys.status, .init(codingPath: container.codingPath, debugDescription: "neither Status nor State"))
        }
        self.status = OrganizationAccountStatus(rawValue: status)
    }
}

/// An account's `Status` (or `State`), kept as text.
public struct OrganizationAccountStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let active = OrganizationAccountStatus(rawValue: "ACTIVE")
    public static let suspended = OrganizationAccountStatus(rawValue: "SUSPENDED")
    public static let pendingClosure = OrganizationAccountStatus(rawValue: "PENDING_CLOSURE")
    /// `State` only.
    public static let pendingActivation = OrganizationAccountStatus(rawValue: "PENDING_ACTIVATION")
    /// `State` only.
    public static let closed = OrganizationAccountStatus(rawValue: "CLOSED")
}

/// The caller's account is in no organization (`AWSOrganizationsNotInUseException`): the profile is not the
/// management or a delegated-administrator account of one.
public struct OrganizationNotInUseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var requestId: String?

    public init(operation: String, requestId: String? = nil) {
        self.operation = operation
        self.requestId = requestId
    }

    public var description: String {
        "Organizations \(operation): this account is not in an AWS organization (AWSOrganizationsNotInUseException); "
            + "use the profile of the organization's management account or of a delegated administrator"
    }
}

// MARK: - Wire shapes (JSON 1.1 member names)

struct DescribeOrganizationOutput: Decodable {
    struct Organization: Decodable {
        var Id: String
        var Arn: String
        var FeatureSet: String
        var MasterAccountArn: String?
        var MasterAccountId: String
    }
    var Organization: Organization
}

struct OrganizationsPageInput: Encodable {
    var ParentId: String?
    var ServicePrincipal: String?
    var NextToken: String?
    var MaxResults: Int
}

struct ListRootsOutput: Decodable {
    var Roots: [OrganizationRoot]?
    var NextToken: String?
}

struct ListAccountsForParentOutput: Decodable {
    var Accounts: [OrganizationAccount]?
    var NextToken: String?
}

struct ListOrganizationalUnitsForParentOutput: Decodable {
    var OrganizationalUnits: [OrganizationalUnit]?
    var NextToken: String?
}

struct ListDelegatedAdministratorsOutput: Decodable {
    struct Administrator: Decodable {
        var Id: String
    }
    var DelegatedAdministrators: [Administrator]?
    var NextToken: String?
}

struct DescribeOrganizationalUnitInput: Encodable {
    var OrganizationalUnitId: String
}

struct DescribeOrganizationalUnitOutput: Decodable {
    var OrganizationalUnit: OrganizationalUnit
}

struct DescribeAccountInput: Encodable {
    var AccountId: String
}

struct DescribeAccountOutput: Decodable {
    var Account: OrganizationAccount
}
