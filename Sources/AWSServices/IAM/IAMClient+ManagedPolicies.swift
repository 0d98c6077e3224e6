import AWSWire
import Foundation

/// The calls that remove a customer-managed policy the way IAM requires: detach it from every role, user and
/// group, delete its non-default versions, then delete the policy itself.
extension IAMClient {
    /// GetPolicy. Returns nil when the policy does not exist (`NoSuchEntity`, HTTP 404); every other error is thrown.
    public func getPolicy(arn: String) async throws -> IAMManagedPolicy? {
        let operation = "GetPolicy"
        var parameters = QueryParameters()
        parameters.set("PolicyArn", arn)
        guard let root = try await queryUnlessMissing(operation, parameters) else { return nil }
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let policy = try reader.element(try reader.result(root), "Policy")
        return IAMManagedPolicy(
            policyName: try reader.text(policy, "PolicyName"), policyId: try reader.text(policy, "PolicyId"), arn: try reader.text(policy, "Arn"),
            path: ResponseReader.trimmed(policy, ["Path"]) ?? "/", defaultVersionId: ResponseReader.trimmed(policy, ["DefaultVersionId"]),
            attachmentCount: try reader.optionalInt(policy, "AttachmentCount"), createDate: try reader.optionalDate(policy, "CreateDate"),
            updateDate: try reader.optionalDate(policy, "UpdateDate"), description: ResponseReader.trimmed(policy, ["Description"]))
    }

    /// One page of ListEntitiesForPolicy (every entity type). Pass the previous page's `marker` for the next.
    public func listEntitiesForPolicy(arn: String, marker: String? = nil, maxItems: Int? = nil) async throws -> IAMPolicyEntitiesPage {
        let (reader, result) = try await policyListPage("ListEntitiesForPolicy", arn: arn, marker: marker, maxItems: maxItems)
        let entities = IAMPolicyEntities(
            roleNames: try result.members(of: "PolicyRoles").map { try reader.text($0, "RoleName") },
            userNames: try result.members(of: "PolicyUsers").map { try reader.text($0, "UserName") },
            groupNames: try result.members(of: "PolicyGroups").map { try reader.text($0, "GroupName") })
        return IAMPolicyEntitiesPage(entities: entities, marker: try Self.nextMarker(result, reader))
    }

    /// Every page of ListEntitiesForPolicy.
    public func allEntitiesForPolicy(arn: String) async throws -> IAMPolicyEntities {
        var all = IAMPolicyEntities()
        var marker: String?
        var seen: Set<String> = []
        repeat {
            let page = try await listEntitiesForPolicy(arn: arn, marker: marker)
            all.roleNames += page.entities.roleNames
            all.userNames += page.entities.userNames
            all.groupNames += page.entities.groupNames
            marker = try Self.checkedMarker(page.marker, seen: &seen, operation: "ListEntitiesForPolicy", client: client)
        } while marker != nil
        return all
    }

    /// DetachRolePolicy. A role or policy that does not exist is `AWSServiceError` `NoSuchEntity`.
    public func detachRolePolicy(roleName: String, policyArn: String) async throws {
        try await detach("DetachRolePolicy", entity: ("RoleName", roleName), policyArn: policyArn)
    }

    /// DetachUserPolicy. A user or policy that does not exist is `AWSServiceError` `NoSuchEntity`.
    public func detachUserPolicy(userName: String, policyArn: String) async throws {
        try await detach("DetachUserPolicy", entity: ("UserName", userName), policyArn: policyArn)
    }

    /// DetachGroupPolicy. A group or policy that does not exist is `AWSServiceError` `NoSuchEntity`.
    public func detachGroupPolicy(groupName: String, policyArn: String) async throws {
        try await detach("DetachGroupPolicy", entity: ("GroupName", groupName), policyArn: policyArn)
    }

    /// One page of ListPolicyVersions. Pass the previous page's `marker` for the next.
    public func listPolicyVersions(arn: String, marker: String? = nil, maxItems: Int? = nil) async throws -> IAMPolicyVersionPage {
        let (reader, result) = try await policyListPage("ListPolicyVersions", arn: arn, marker: marker, maxItems: maxItems)
        let versions = try result.members(of: "Versions").map { node in
            IAMPolicyVersion(
                versionId: try reader.text(node, "VersionId"), isDefaultVersion: try reader.optionalBool(node, "IsDefaultVersion") ?? false,
                createDate: try reader.optionalDate(node, "CreateDate"))
        }
        return IAMPolicyVersionPage(versions: versions, marker: try Self.nextMarker(result, reader))
    }

    /// Every page of ListPolicyVersions.
    public func allPolicyVersions(arn: String) async throws -> [IAMPolicyVersion] {
        var versions: [IAMPolicyVersion] = []
        var marker: String?
        var seen: Set<String> = []
        repeat {
            let page = try await listPolicyVersions(arn: arn, marker: marker)
            versions += page.versions
            marker = try Self.checkedMarker(page.marker, seen: &seen, operation: "ListPolicyVersions", client: client)
        } while marker != nil
        return versions
    }

    /// DeletePolicyVersion. The default version cannot be deleted (`DeleteConflict`); it goes with the policy.
    public func deletePolicyVersion(arn: String, versionId: String) async throws {
        var parameters = QueryParameters()
        parameters.set("PolicyArn", arn)
        parameters.set("VersionId", versionId)
        _ = try await client.query(action: "DeletePolicyVersion", parameters: parameters)
    }

    /// DeletePolicy. IAM refuses (`DeleteConflict`) while the policy is attached or has non-default versions.
    public func deletePolicy(arn: String) async throws {
        var parameters = QueryParameters()
        parameters.set("PolicyArn", arn)
        _ = try await client.query(action: "DeletePolicy", parameters: parameters)
    }

    private func detach(_ operation: String, entity: (member: String, name: String), policyArn: String) async throws {
        var parameters = QueryParameters()
        parameters.set(entity.member, entity.name)
        parameters.set("PolicyArn", policyArn)
        _ = try await client.query(action: operation, parameters: parameters)
    }

    /// One page of a policy listing (`PolicyArn`, `Marker`, `MaxItems`): its reader and `<…Result>` element.
    private func policyListPage(_ operation: String, arn: String, marker: String?, maxItems: Int?) async throws -> (ResponseReader, XMLElementNode) {
        var parameters = QueryParameters()
        parameters.set("PolicyArn", arn)
        parameters.set("Marker", marker)
        parameters.set("MaxItems", maxItems)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return (reader, try reader.result(root))
    }

    /// The next page's marker: only when `IsTruncated` is true (botocore's `more_results`), and then it must be there.
    static func nextMarker(_ result: XMLElementNode, _ reader: ResponseReader) throws -> String? {
        guard try reader.optionalBool(result, "IsTruncated") == true else { return nil }
        return try reader.text(result, "Marker")
    }

    /// A marker seen before would page forever: reported as an undecodable response instead.
    static func checkedMarker(_ marker: String?, seen: inout Set<String>, operation: String, client: AWSClient) throws -> String? {
        guard let marker else { return nil }
        guard seen.insert(marker).inserted else {
            throw ResponseReader(client, operation: operation).failure("IAM returned the same <Marker> twice")
        }
        return marker
    }
}
