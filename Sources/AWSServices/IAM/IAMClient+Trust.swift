import AWSWire
import Foundation

/// The reads and repairs of a role's trust policy and attached managed policies (refresh and drift repair).
extension IAMClient {
    /// UpdateAssumeRolePolicy: replaces the role's trust policy with `document` (JSON text).
    public func updateAssumeRolePolicy(roleName: String, document: String) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyDocument", document)
        _ = try await client.query(action: "UpdateAssumeRolePolicy", parameters: parameters)
    }

    /// AttachRolePolicy. A role or policy that does not exist is `AWSServiceError` `NoSuchEntity`.
    public func attachRolePolicy(roleName: String, policyArn: String) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyArn", policyArn)
        _ = try await client.query(action: "AttachRolePolicy", parameters: parameters)
    }

    /// Every page of ListAttachedRolePolicies: the ARNs of the managed policies attached to the role, or nil when
    /// the role does not exist.
    public func attachedRolePolicyArns(roleName: String) async throws -> [String]? {
        let operation = "ListAttachedRolePolicies"
        var arns: [String] = []
        var marker: String?
        var seen: Set<String> = []
        repeat {
            var parameters = QueryParameters()
            parameters.set("RoleName", roleName)
            parameters.set("Marker", marker)
            guard let root = try await queryUnlessMissing(operation, parameters) else { return nil }
            let reader = ResponseReader(client, operation: operation, queryRoot: root)
            let result = try reader.result(root)
            arns += try result.members(of: "AttachedPolicies").map { try reader.text($0, "PolicyArn") }
            marker = try Self.checkedMarker(try Self.nextMarker(result, reader), seen: &seen, operation: operation, client: client)
        } while marker != nil
        return arns
    }
}

/// A role's inline policies (GetRolePolicy / PutRolePolicy).
extension IAMClient {
    /// GetRolePolicy: the inline policy's document as JSON text (IAM sends it percent-encoded), or nil when the role
    /// or the policy does not exist (`NoSuchEntity`).
    public func getRolePolicy(roleName: String, policyName: String) async throws -> String? {
        let operation = "GetRolePolicy"
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyName", policyName)
        guard let root = try await queryUnlessMissing(operation, parameters) else { return nil }
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return Self.decodePolicyDocument(try reader.text(try reader.result(root), "PolicyDocument"))
    }

    /// PutRolePolicy: creates or replaces the role's inline policy `policyName`.
    public func putRolePolicy(roleName: String, policyName: String, document: String) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyName", policyName)
        parameters.set("PolicyDocument", document)
        _ = try await client.query(action: "PutRolePolicy", parameters: parameters)
    }
}
