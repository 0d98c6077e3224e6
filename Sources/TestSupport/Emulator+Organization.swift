import Foundation

/// An emulator with an AWS Organization: a management account (profile `local-management`, 555555555555), units
/// `dev`, `preprod`, `prod` (then `ou-4`, …) under the root, and member accounts created in it round-robin over the
/// units, each with an `OrganizationAccountAccessRole` the management account may assume (allowed everything, as
/// AWS's AdministratorAccess). Service-managed stack sets behave as in AWS (see `scripts/moto_server_aws.py`).
///
/// ```swift
/// guard let emulator = try await Emulator.startOrSkip(organizationMembers: 50) else { return }
/// let dev = try #require(emulator.organization?.unit(named: "dev"))
/// let newcomer = try await emulator.addOrganizationAccount(to: dev.id)
/// #expect(try await emulator.organizationLeftovers().isEmpty)
/// await emulator.stop()
/// ```
extension Emulator {
    /// Starts an emulator (as `start(auth:environment:)`) with an organization of `organizationMembers` member accounts
    /// in `units` organizational units. Same errors as `start`; `.failed` for a negative count or no unit.
    public static func start(organizationMembers: Int, units: Int = 3, auth: Bool = false,
                             environment: [String: String] = ProjectTools.environment()) async throws -> Emulator {
        guard organizationMembers >= 0, units >= 1 else {
            throw EmulatorError.failed("emulator: organizationMembers \(organizationMembers), units \(units): "
                                       + "need 0 or more members and at least one unit")
        }
        return try await start(auth: auth, organization: OrganizationRequest(members: organizationMembers, units: units),
                               environment: environment)
    }

    /// Like `start(organizationMembers:units:auth:environment:)`, but turns `.skip` into nil after printing its notice.
    public static func startOrSkip(organizationMembers: Int, units: Int = 3, auth: Bool = false,
                                   environment: [String: String] = ProjectTools.environment()) async throws -> Emulator? {
        do {
            return try await start(organizationMembers: organizationMembers, units: units, auth: auth, environment: environment)
        } catch EmulatorError.skip(let notice) {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
            return nil
        }
    }

    /// Creates one more member account and moves it into `unitId` (as a new team account would arrive); returns its id.
    /// `organization` includes it afterwards. One call at a time per emulator (they share organization.json).
    public func addOrganizationAccount(to unitId: String) async throws -> String {
        guard let before = organization else {
            throw EmulatorError.failed("emulator: no organization; start with Emulator.start(organizationMembers:)")
        }
        guard let unit = before.units.first(where: { $0.id == unitId }) else {
            throw EmulatorError.failed("emulator: \(unitId) is not a unit of \(before.organizationId); units: "
                                       + before.units.map { "\($0.id) (\($0.name))" }.joined(separator: ", "))
        }
        try await runSetUp(["--add-member", unitId], timeout: 60)
        try reloadOrganization()
        let known = Set(before.memberAccounts)
        guard let added = organization?.unit(named: unit.name)?.accounts.first(where: { !known.contains($0) }) else {
            throw EmulatorError.failed("emulator: the new member is missing from \(organizationFile.path)")
        }
        return added
    }

    /// What is left in member accounts, one line each ("left in member 123… (dev) us-east-1: stack StackSet-…"); empty
    /// when nothing is. Reaches each member the way an operator would (AssumeRole into the access role with the
    /// management profile) through `scripts/check-nothing-left.py members`, which looks for CloudFormation stacks,
    /// S3 buckets, IAM roles named cdk-*, KMS keys not pending deletion and SSM parameters under /cdk-bootstrap.
    /// - Parameters:
    ///   - accounts: the members to look at (default: all).
    ///   - regions: where to look (default: the organization's region).
    public func organizationLeftovers(in accounts: [String]? = nil, regions: [String] = []) async throws -> [String] {
        guard let organization else {
            throw EmulatorError.failed("emulator: no organization; start with Emulator.start(organizationMembers:)")
        }
        let script = ConformanceData.packageRoot.appendingPathComponent("scripts/check-nothing-left.py")
        var arguments = [script.path, "members", "--members-from", organizationFile.path]
        arguments += (accounts ?? []).flatMap { ["--member", $0] } + regions.flatMap { ["--region", $0] }
        let log = directory.appendingPathComponent("check-members-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let timeout = 120 + 2 * Double((accounts ?? organization.memberAccounts).count)
        let status = try await ChildProcess.run(python, arguments, environment: toolEnvironment.merging(environment) { $1 },
                                                log: log, timeout: timeout)
        let lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n")
        let left = lines.filter { $0.hasPrefix("  left in member ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard status == 0 || (status == 1 && !left.isEmpty) else {
            let how = status.map { "exited with \($0)" } ?? "timed out after \(Int(timeout)) s"
            throw EmulatorError.failed("emulator: check-nothing-left members \(how):\n\(lines.suffix(8).joined(separator: "\n"))")
        }
        return left
    }
}
