import Foundation
import Testing
@testable import CFNTemplate

/// The facts CDK apps and the CDK CLI rely on, asserted on the typed template.
@Suite struct BootstrapTemplateTests {
    let template = BootstrapTemplate.make()

    @Test func declaresExactlyTheCDKParametersAndTheOwnPolicyName() {
        // The CDK's parameters, plus mlopsctl's one addition (an empty default that changes nothing).
        let expected: Set<String> = [
            "TrustedAccounts", "TrustedAccountsForLookup", "CloudFormationExecutionPolicies", "FileAssetsBucketName",
            "FileAssetsBucketKmsKeyId", "ContainerAssetsRepositoryName", "Qualifier", "PublicAccessBlockConfiguration",
            "InputPermissionsBoundary", "UseExamplePermissionsBoundary", "BootstrapVariant", "DenyExternalId",
            "CloudFormationExecutionPolicyName",
        ]
        #expect(Set(template.parameters.keys) == expected)
        #expect(Set(BootstrapTemplate.ParameterName.allCases.map(\.rawValue)) == expected)
        let qualifier = template.parameters["Qualifier"]
        #expect(qualifier?.allowedPattern == "[A-Za-z0-9_-]{1,10}")
        #expect(qualifier?.default == "hnb659fds")
        #expect(template.parameters["BootstrapVariant"]?.default == "AWS CDK: Default Resources")
        #expect(template.parameters["DenyExternalId"]?.default == "true")
        #expect(template.parameters["DenyExternalId"]?.allowedValues == ["true", "false"])
        #expect(template.parameters["CloudFormationExecutionPolicyName"]?.default == "")
        for list in ["TrustedAccounts", "TrustedAccountsForLookup", "CloudFormationExecutionPolicies"] {
            #expect(template.parameters[list]?.type == .commaDelimitedList)
            #expect(template.parameters[list]?.default == "")
        }
    }

    @Test func declaresTheCDKConditions() {
        #expect(Set(template.conditions.keys) == [
            "HasTrustedAccounts", "HasTrustedAccountsForLookup", "HasCloudFormationExecutionPolicies", "HasCustomFileAssetsBucketName",
            "CreateNewKey", "UseAwsManagedKey", "ShouldCreatePermissionsBoundary", "PermissionsBoundarySet",
            "HasCustomContainerAssetsRepositoryName", "ShouldDenyExternalId", "HasCloudFormationExecutionPolicyName",
        ])
        #expect(template.conditions["ShouldDenyExternalId"] == .equals("true", .ref("DenyExternalId")))
        #expect(template.conditions["UseAwsManagedKey"] == .equals("AWS_MANAGED_KEY", .ref("FileAssetsBucketKmsKeyId")))
    }

    /// Each `Fn::Sub` name pattern, with the parameters substituted, equals the `BootstrapNames` value.
    @Test(arguments: [("hnb659fds", "123456789012", "us-east-1"), ("q1_x-Z", "444444444444", "ap-southeast-2")])
    func physicalNamesMatchBootstrapNames(qualifier: String, account: String, region: String) throws {
        let names = BootstrapNames(qualifier: qualifier, account: account, region: region)
        let values = ["Qualifier": qualifier, "AWS::AccountId": account, "AWS::Region": region, "AWS::Partition": "aws"]
        func name(_ resource: String, _ property: String) -> String? {
            let value = template.resources[resource]?.properties[property]
            // Names with a custom-name parameter are `Fn::If [HasCustom…, Ref custom, Sub default]`.
            if case .if(_, _, let fallback)? = value { return fallback.subText.map { substitute($0, values) } }
            return value?.subText.map { substitute($0, values) }
        }
        #expect(name("StagingBucket", "BucketName") == names.stagingBucket)
        #expect(names.stagingBucket == "cdk-\(qualifier)-assets-\(account)-\(region)")
        #expect(name("ContainerAssetsRepository", "RepositoryName") == names.containerAssetsRepository)
        #expect(names.containerAssetsRepository == "cdk-\(qualifier)-container-assets-\(account)-\(region)")
        #expect(name("DeploymentActionRole", "RoleName") == names.deployRole)
        #expect(names.deployRole == "cdk-\(qualifier)-deploy-role-\(account)-\(region)")
        #expect(name("CloudFormationExecutionRole", "RoleName") == names.cloudFormationExecutionRole)
        #expect(names.cloudFormationExecutionRole == "cdk-\(qualifier)-cfn-exec-role-\(account)-\(region)")
        #expect(name("FilePublishingRole", "RoleName") == names.filePublishingRole)
        #expect(names.filePublishingRole == "cdk-\(qualifier)-file-publishing-role-\(account)-\(region)")
        #expect(name("ImagePublishingRole", "RoleName") == names.imagePublishingRole)
        #expect(names.imagePublishingRole == "cdk-\(qualifier)-image-publishing-role-\(account)-\(region)")
        #expect(name("LookupRole", "RoleName") == names.lookupRole)
        #expect(names.lookupRole == "cdk-\(qualifier)-lookup-role-\(account)-\(region)")
        #expect(name("FilePublishingRoleDefaultPolicy", "PolicyName") == names.filePublishingRoleDefaultPolicy)
        #expect(name("ImagePublishingRoleDefaultPolicy", "PolicyName") == names.imagePublishingRoleDefaultPolicy)
        #expect(names.imagePublishingRoleDefaultPolicy == "cdk-\(qualifier)-image-publishing-role-default-policy-\(account)-\(region)")
        #expect(name("CdkBoostrapPermissionsBoundaryPolicy", "ManagedPolicyName") == names.permissionsBoundaryPolicy)
        #expect(name("FileAssetsBucketEncryptionKeyAlias", "AliasName") == names.fileAssetsKeyAlias)
        #expect(name("CdkBootstrapVersion", "Name") == names.versionParameter)
        #expect(names.versionParameter == "/cdk-bootstrap/\(qualifier)/version")
        let export = template.outputs["FileAssetKeyArn"]?.exportName?.subText.map { substitute($0, values) }
        #expect(export == names.fileAssetKeyExport)
        #expect(names.fileAssetKeyExport == "CdkBootstrap-\(qualifier)-FileAssetKeyArn")
        #expect(names.deployRoleARN == "arn:aws:iam::\(account):role/cdk-\(qualifier)-deploy-role-\(account)-\(region)")
        // IAM's 64-character role name limit holds for the longest qualifier and region.
        let longest = BootstrapNames(qualifier: "0123456789", account: account, region: "ap-southeast-2")
        #expect([longest.deployRole, longest.cloudFormationExecutionRole, longest.filePublishingRole, longest.imagePublishingRole,
                 longest.lookupRole].allSatisfy { $0.count <= 64 })
    }

    /// The AssumeRole/TagSession statements of a role's trust policy, unwrapping `Fn::If [cond, stmt, NoValue]`.
    func trustStatements(_ role: String) -> [(condition: String?, statement: CFNValue)] {
        let statements = template.resources[role]?.properties["AssumeRolePolicyDocument"]?["Statement"]?.items ?? []
        return statements.map { item in
            if case .if(let condition, let statement, .noValue) = item { return (condition, statement) }
            return (nil, item)
        }
    }

    @Test(arguments: ["FilePublishingRole", "ImagePublishingRole", "LookupRole", "DeploymentActionRole"])
    func everyAssumeRoleStatementDeniesExternalIds(role: String) {
        let statements = trustStatements(role)
        let assumeRole = statements.filter { $0.statement["Action"] == "sts:AssumeRole" }
        let expectedPrincipals = role == "LookupRole" ? 3 : 2
        #expect(assumeRole.count == expectedPrincipals)
        for (_, statement) in assumeRole {
            #expect(statement["Principal"]?["AWS"] != nil)
            #expect(statement["Condition"] == .if("ShouldDenyExternalId", ["Null": ["sts:ExternalId": "true"]], .noValue))
        }
        // Each AssumeRole principal may also tag sessions, under the same trust condition.
        let tagSession = statements.filter { $0.statement["Action"] == "sts:TagSession" }
        #expect(tagSession.map { [$0.condition ?? "", $0.statement["Principal"]] as [AnyHashable?] }
            == assumeRole.map { [$0.condition ?? "", $0.statement["Principal"]] as [AnyHashable?] })
        #expect(statements.count == assumeRole.count + tagSession.count)
        // Trusted accounts only when the parameter is set.
        #expect(assumeRole.contains { $0.condition == "HasTrustedAccounts" && $0.statement["Principal"]?["AWS"] == .ref("TrustedAccounts") })
    }

    @Test func executionRoleIsTrustedOnlyByCloudFormation() {
        let role = template.resources["CloudFormationExecutionRole"]
        let statements = role?.properties["AssumeRolePolicyDocument"]?["Statement"]?.items
        #expect(statements == [["Action": "sts:AssumeRole", "Effect": "Allow", "Principal": ["Service": "cloudformation.amazonaws.com"]]])
        // The given policies and the named policy of the stack's own account; none with trust but no policies;
        // AdministratorAccess only without trust.
        let own: CFNValue = .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/${CloudFormationExecutionPolicyName}")
        #expect(role?.properties["ManagedPolicyArns"] == .if(
            "HasCloudFormationExecutionPolicyName",
            .if("HasCloudFormationExecutionPolicies", .split(",", .join(",", [.join(",", .ref("CloudFormationExecutionPolicies")), own])), [own]),
            .if(
                "HasCloudFormationExecutionPolicies", .ref("CloudFormationExecutionPolicies"),
                .if("HasTrustedAccounts", .noValue, [.sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")]))))
    }

    @Test func deployRoleUsesTheReadOnlyManagedPolicyAndPassesOnlyTheExecutionRole() throws {
        let role = try #require(template.resources["DeploymentActionRole"])
        #expect(role.properties["ManagedPolicyArns"] == [.sub("arn:${AWS::Partition}:iam::aws:policy/AWSCloudFormationReadOnlyAccess")])
        let statements = try #require(role.properties["Policies"]?.items?.first?["PolicyDocument"]?["Statement"]?.items)
        let sids = statements.compactMap { $0["Sid"]?.text }
        #expect(sids == ["DeployPermissions", "PipelineCrossAccountArtifactsBucket", "PipelineCrossAccountArtifactsKey", "CliPermissions",
                         "CliStagingBucket", "ReadVersion", "Refactor"])
        let passRole = statements.filter { $0["Action"] == "iam:PassRole" }
        #expect(passRole.map { $0["Resource"] } == [.getAtt("CloudFormationExecutionRole", "Arn")])
        // Describe* actions come from the managed policy since version 32.
        let actions = statements.flatMap { $0["Action"]?.items ?? [$0["Action"]!] }.compactMap(\.text)
        #expect(!actions.contains { $0.hasPrefix("cloudformation:Describe") })
        #expect(actions.contains("cloudformation:CreateStackRefactor") && actions.contains("cloudformation:ExecuteStackRefactor"))
    }

    @Test func versionIsTheSameInTheParameterAndTheOutput() {
        #expect(BootstrapTemplate.version == 32)
        #expect(template.resources["CdkBootstrapVersion"]?.properties["Value"] == "32")
        #expect(template.resources["CdkBootstrapVersion"]?.properties["Type"] == "String")
        #expect(template.outputs["BootstrapVersion"]?.value == "32")
    }

    @Test func outputsAreWhatTheCLIReads() {
        #expect(Set(template.outputs.keys) == Set(BootstrapTemplate.OutputName.allCases.map(\.rawValue)))
        #expect(Set(template.outputs.keys) == ["BucketName", "BucketDomainName", "FileAssetKeyArn", "ImageRepositoryName", "BootstrapVersion"])
        #expect(template.outputs["BucketName"]?.value == .ref("StagingBucket"))
        #expect(template.outputs["BucketDomainName"]?.value == .getAtt("StagingBucket", "RegionalDomainName"))
        #expect(template.outputs["ImageRepositoryName"]?.value == .ref("ContainerAssetsRepository"))
        #expect(template.outputs.values.filter { $0.exportName != nil }.count == 1)
    }

    @Test func stagingBucketIsRetainedVersionedAndTLSOnly() throws {
        let bucket = try #require(template.resources["StagingBucket"])
        #expect(bucket.deletionPolicy == .retain)
        #expect(bucket.updateReplacePolicy == .retain)
        #expect(bucket.properties["VersioningConfiguration"] == ["Status": "Enabled"])
        let rules = bucket.properties["LifecycleConfiguration"]?["Rules"]?.items?.compactMap { $0["Id"]?.text }
        #expect(rules == ["CleanupOldVersions", "AbortIncompleteMultipartUploads"])
        let policy = template.resources["StagingBucketPolicy"]?.properties["PolicyDocument"]?["Statement"]?.items?.first
        #expect(policy?["Effect"] == "Deny")
        #expect(policy?["Condition"] == ["Bool": ["aws:SecureTransport": "false"]])
    }

    @Test func keyIsConditionalDeletedWithTheStackAndItsPolicyIsAJSONString() throws {
        let key = try #require(template.resources["FileAssetsBucketEncryptionKey"])
        #expect(key.condition == "CreateNewKey")
        #expect(key.deletionPolicy == .delete && key.updateReplacePolicy == .delete)
        let text = try #require(key.properties["KeyPolicy"]?.subText)
        let substituted = substitute(text, ["AWS::AccountId": "123456789012", "AWS::Region": "us-east-1",
                                            "FilePublishingRole.Arn": "arn:aws:iam::123456789012:role/r"])
        let policy = try #require(try JSONSerialization.jsonObject(with: Data(substituted.utf8)) as? [String: Any])
        #expect(policy["Version"] as? String == "2012-10-17")
        #expect((policy["Statement"] as? [Any])?.count == 3)
        #expect(Set(ReferenceChecker.subVariables(in: text)) == ["AWS::AccountId", "AWS::Region", "FilePublishingRole.Arn"])
    }

    @Test func imageRepositoryIsImmutableWithALifecycleRule() throws {
        let repository = try #require(template.resources["ContainerAssetsRepository"])
        #expect(repository.properties["ImageTagMutability"] == "IMMUTABLE")
        let lifecycle = try #require(repository.properties["LifecyclePolicy"]?["LifecyclePolicyText"]?.text)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(lifecycle.utf8)) as? [String: Any])
        #expect((decoded["rules"] as? [Any])?.count == 1)
    }

    @Test func ssmParametersAlwaysHaveANameForTheEmulator() {
        for (name, resource) in template.resources where resource.type == "AWS::SSM::Parameter" {
            #expect(resource.properties["Name"] != nil, "\(name) needs a Name (moto fails without one)")
        }
    }

    @Test func fitsTheTemplateBodyLimit() {
        #expect(TemplateRenderer().data(template).count < TemplateValidator.templateBodyLimit)
    }
}
