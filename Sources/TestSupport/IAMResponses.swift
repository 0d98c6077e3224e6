import Foundation

/// IAM response bodies in the shapes AWS documents (query protocol, `https://iam.amazonaws.com/doc/2010-05-08/`),
/// for scripted transports in several test targets.
public enum IAMResponses {
    public static let policyArn = "arn:aws:iam::222222222222:policy/mlopsctl-hnb659fds-cfn-exec-dev"

    /// GetPolicy for `arn` (its name is the ARN's last path segment).
    public static func getPolicy(arn: String = policyArn, defaultVersion: String = "v3", attachments: Int = 1) -> String {
        let name = arn.split(separator: "/").last.map(String.init) ?? arn
        let path = arn.split(separator: ":", maxSplits: 5).last.map { String($0.dropFirst("policy".count).dropLast(name.count)) } ?? "/"
        return wrap("GetPolicy", """
                <Policy>
                  <PolicyName>\(name)</PolicyName>
                  <DefaultVersionId>\(defaultVersion)</DefaultVersionId>
                  <PolicyId>ANPAJ2UCCR6DPCEXAMPLE</PolicyId>
                  <Path>\(path)</Path>
                  <Arn>\(arn)</Arn>
                  <AttachmentCount>\(attachments)</AttachmentCount>
                  <PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>
                  <IsAttachable>true</IsAttachable>
                  <Description>What CloudFormation may do in dev</Description>
                  <CreateDate>2026-11-29T00:39:00Z</CreateDate>
                  <UpdateDate>2026-11-29T01:12:47Z</UpdateDate>
                </Policy>
            """)
    }

    /// One page of ListEntitiesForPolicy; `marker` set means `IsTruncated` true.
    public static func listEntitiesForPolicy(roles: [String] = [], users: [String] = [], groups: [String] = [], marker: String? = nil) -> String {
        func members(_ names: [String], _ name: String, _ id: String) -> String {
            names.map { "<member><\(name)Name>\($0)</\(name)Name><\(name)Id>\(id)\($0.count)EXAMPLE</\(name)Id></member>" }.joined()
        }
        return wrap("ListEntitiesForPolicy", """
                <PolicyRoles>\(members(roles, "Role", "AROA"))</PolicyRoles>
                <PolicyGroups>\(members(groups, "Group", "AGPA"))</PolicyGroups>
                <IsTruncated>\(marker != nil)</IsTruncated>
                \(marker.map { "<Marker>\($0)</Marker>" } ?? "")
                <PolicyUsers>\(members(users, "User", "AIDA"))</PolicyUsers>
            """)
    }

    /// One page of ListPolicyVersions: `(versionId, isDefault)`, newest first as IAM lists them.
    public static func listPolicyVersions(_ versions: [(String, Bool)], marker: String? = nil) -> String {
        let members = versions.map { id, isDefault in
            "<member><IsDefaultVersion>\(isDefault)</IsDefaultVersion><VersionId>\(id)</VersionId><CreateDate>2026-11-29T00:39:00Z</CreateDate></member>"
        }
        return wrap("ListPolicyVersions", """
                <Versions>\(members.joined())</Versions>
                <IsTruncated>\(marker != nil)</IsTruncated>
                \(marker.map { "<Marker>\($0)</Marker>" } ?? "")
            """)
    }

    /// The empty answer of a call with no output (DetachRolePolicy, DeletePolicyVersion, DeletePolicy…).
    public static func empty(_ operation: String) -> String {
        """
        <\(operation)Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ResponseMetadata>
            <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
          </ResponseMetadata>
        </\(operation)Response>
        """
    }

    /// IAM's error document (`NoSuchEntity` is HTTP 404, `DeleteConflict` 409).
    public static func error(code: String, message: String) -> String {
        """
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <Error>
            <Type>Sender</Type>
            <Code>\(code)</Code>
            <Message>\(message)</Message>
          </Error>
          <RequestId>4a2d8e4f-EXAMPLE</RequestId>
        </ErrorResponse>
        """
    }

    private static func wrap(_ operation: String, _ result: String) -> String {
        """
        <\(operation)Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <\(operation)Result>
        \(result)
          </\(operation)Result>
          <ResponseMetadata>
            <RequestId>684f0917-3d22-11e4-a4a0-cffb9EXAMPLE</RequestId>
          </ResponseMetadata>
        </\(operation)Response>
        """
    }
}
