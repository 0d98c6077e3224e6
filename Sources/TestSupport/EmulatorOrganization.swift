import Foundation

/// The organization an emulator was started with (`Emulator.start(organizationMembers:)`), as
/// `scripts/local_aws_setup.py --organization` wrote it to `organization.json`.
public struct EmulatorOrganization: Sendable, Equatable, Decodable {
    /// An organizational unit directly under the root, and the member accounts in it.
    public struct Unit: Sendable, Equatable, Decodable {
        /// `ou-…`.
        public let id: String
        /// `dev`, `preprod`, `prod`, then `ou-4`, ….
        public let name: String
        /// Member account ids, in the order they were created.
        public let accounts: [String]
    }

    /// The management account's id (555555555555 by default).
    public let managementAccount: String
    /// The profile (in the emulator's config files) that reaches the management account: `local-management`.
    public let managementProfile: String
    /// `o-…`.
    public let organizationId: String
    /// `r-…`.
    public let rootId: String
    /// The role every member trusts the management account to assume: `OrganizationAccountAccessRole`.
    public let accessRole: String
    /// The management profile's region.
    public let region: String
    public let units: [Unit]

    /// Every member account, unit by unit.
    public var memberAccounts: [String] { units.flatMap(\.accounts) }

    public func unit(named name: String) -> Unit? {
        units.first { $0.name == name }
    }

    /// The unit `account` is in, if it is a member.
    public func unit(containing account: String) -> Unit? {
        units.first { $0.accounts.contains(account) }
    }

    enum CodingKeys: String, CodingKey {
        case managementAccount, managementProfile, organizationId, rootId, accessRole, region
        case units = "ous"
    }

    static func load(from file: URL) throws -> EmulatorOrganization {
        do {
            return try JSONDecoder().decode(EmulatorOrganization.self, from: Data(contentsOf: file))
        } catch {
            throw EmulatorError.failed("emulator: cannot read the organization at \(file.path): \(error)")
        }
    }
}
