import AWSServices
import CFNTemplate
import Foundation
import Testing
@testable import Deployer

/// The deployed template's properties with intrinsic functions resolved as CloudFormation resolved them; what the
/// reads cannot tell is reported unresolved, never guessed.
@Suite struct TemplateEvaluatorTests {
    typealias Value = TemplateDocument.Value

    static let template = #"""
    {
      "Parameters": {
        "Qualifier": {"Type": "String", "Default": "hnb659fds"},
        "Policies": {"Type": "CommaDelimitedList", "Default": ""},
        "Suffix": {"Type": "String"}
      },
      "Conditions": {
        "HasPolicies": {"Fn::Not": [{"Fn::Equals": ["", {"Fn::Join": ["", {"Ref": "Policies"}]}]}]},
        "IsProd": {"Fn::Equals": [{"Ref": "Suffix"}, "prod"]},
        "Both": {"Fn::And": [{"Condition": "HasPolicies"}, {"Condition": "IsProd"}]},
        "Either": {"Fn::Or": [{"Condition": "HasPolicies"}, {"Condition": "IsProd"}]}
      },
      "Resources": {
        "Key": {"Type": "AWS::KMS::Key", "Properties": {}},
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {
          "BucketName": {"Fn::Sub": "cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}"},
          "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {
            "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Fn::GetAtt": ["Key", "Arn"]}}}]}
        }},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {
          "Path": "/service-role/",
          "ManagedPolicyArns": {"Fn::If": ["HasPolicies", {"Ref": "Policies"}, {"Ref": "AWS::NoValue"}]},
          "Description": {"Fn::Sub": ["${Name} in ${AWS::Partition}, ${!Literal}", {"Name": {"Fn::Select": ["1", {"Fn::Split": [",", "a,b,c"]}]}}]},
          "PermissionsBoundary": {"Fn::If": ["Both", "yes", "no"]},
          "MaxSessionDuration": {"Fn::If": ["Either", 7200, 3600]},
          "RoleName": {"Fn::ImportValue": "elsewhere"},
          "Tags": [{"Key": "bucket", "Value": {"Ref": "Bucket"}}, {"Key": "self", "Value": {"Fn::GetAtt": "Role.Arn"}}]
        }},
        "Parameter": {"Type": "AWS::SSM::Parameter", "Condition": "IsProd", "Properties": {"Value": {"Fn::GetAtt": ["Role", "RoleId"]}}}
      }
    }
    """#

    static func evaluator(parameters: [String: String] = ["Suffix": "dev"], region: String = "us-east-1") throws -> TemplateEvaluator {
        let context = TemplateEvaluator.Context(
            account: "222222222222", region: region, stackName: "CDKToolkit", stackId: "arn:aws:cloudformation:\(region):222222222222:stack/CDKToolkit/x",
            parameters: parameters, physicalIds: ["Key": "1234abcd-key", "Bucket": "the-bucket", "Role": "the-role"])
        return try #require(TemplateEvaluator(templateBody: template, context: context))
    }

    @Test func referencesSubstitutionsAndAttributesResolveFromTheReads() throws {
        let (bucket, unresolved) = try Self.evaluator().properties(of: "Bucket")
        #expect(unresolved.isEmpty)
        #expect(bucket["BucketName"] == .string("cdk-hnb659fds-assets-222222222222-us-east-1"))
        let rule = bucket["BucketEncryption"]?.foundationValue as? [String: [[String: [String: String]]]]
        #expect(rule?["ServerSideEncryptionConfiguration"]?.first?["ServerSideEncryptionByDefault"]?["KMSMasterKeyID"]
            == "arn:aws:kms:us-east-1:222222222222:key/1234abcd-key")
    }

    @Test func conditionsListParametersAndNoValueFollowCloudFormation() throws {
        let (without, _) = try Self.evaluator().properties(of: "Role")
        #expect(without["ManagedPolicyArns"] == nil, "AWS::NoValue removes the property")
        #expect(without["PermissionsBoundary"] == .string("no") && without["MaxSessionDuration"] == .number(3600))
        let (with, _) = try Self.evaluator(parameters: ["Suffix": "prod", "Policies": "arn:aws:iam::aws:policy/A,arn:aws:iam::aws:policy/B"])
            .properties(of: "Role")
        #expect(with["ManagedPolicyArns"] == .array([.string("arn:aws:iam::aws:policy/A"), .string("arn:aws:iam::aws:policy/B")]))
        #expect(with["PermissionsBoundary"] == .string("yes") && with["MaxSessionDuration"] == .number(7200))
        // The emulator's bracketed rendering of a list parameter reads the same.
        let (bracketed, _) = try Self.evaluator(parameters: ["Suffix": "dev", "Policies": "['arn:aws:iam::aws:policy/A']"]).properties(of: "Role")
        #expect(bracketed["ManagedPolicyArns"] == .array([.string("arn:aws:iam::aws:policy/A")]))
    }

    @Test func subWithVariablesEscapesAndPartitions() throws {
        let (role, _) = try Self.evaluator(region: "cn-north-1").properties(of: "Role")
        #expect(role["Description"] == .string("b in aws-cn, ${Literal}"))
        let tags = role["Tags"]?.foundationValue as? [[String: String]]
        #expect(tags?.first { $0["Key"] == "bucket" }?["Value"] == "the-bucket")
        #expect(tags?.first { $0["Key"] == "self" }?["Value"] == "arn:aws-cn:iam::222222222222:role/service-role/the-role")
    }

    @Test func whatTheReadsCannotTellIsUnresolvedNotGuessed() throws {
        let evaluator = try Self.evaluator()
        #expect(evaluator.properties(of: "Role").unresolved == ["RoleName"])
        #expect(evaluator.properties(of: "Parameter").unresolved == ["Value"], "RoleId is not derivable from a name")
        #expect(!evaluator.deployedLogicalIds.contains("Parameter"), "its condition is false in dev")
        #expect(try Self.evaluator(parameters: ["Suffix": "prod"]).deployedLogicalIds.contains("Parameter"))
        // A parameter with no value and no default.
        #expect(throws: TemplateEvaluator.Unresolvable.self) { try Self.evaluator(parameters: [:]).resolve(.object(["Ref": .string("Suffix")])) }
        #expect(TemplateEvaluator(templateBody: "Resources:\n  A: {Type: AWS::SNS::Topic}\n", context: try Self.evaluator().context) == nil)
    }

    /// mlopsctl's own bootstrap template: the cfn-exec role's managed policies resolve from the deployed parameters.
    @Test func theBootstrapTemplatesExecutionRoleResolves() throws {
        let body = TemplateRenderer().render(BootstrapTemplate.make())
        let policy = "arn:aws:iam::222222222222:policy/mlopsctl-hnb659fds-cfn-exec-dev"
        let context = TemplateEvaluator.Context(
            account: "222222222222", region: "us-east-1", stackName: "CDKToolkit", stackId: "id",
            parameters: ["Qualifier": "hnb659fds", "CloudFormationExecutionPolicies": policy, "TrustedAccounts": "111111111111"],
            physicalIds: ["CloudFormationExecutionRole": "cdk-hnb659fds-cfn-exec-role-222222222222-us-east-1"])
        let evaluator = try #require(TemplateEvaluator(templateBody: body, context: context))
        let (role, unresolved) = evaluator.properties(of: "CloudFormationExecutionRole")
        #expect(unresolved.isEmpty, "\(unresolved)")
        #expect(role["ManagedPolicyArns"] == .array([.string(policy)]))
        #expect(role["RoleName"] == .string("cdk-hnb659fds-cfn-exec-role-222222222222-us-east-1"))
    }
}

extension TemplateDocument.Value {
    /// As Foundation values, for comparing nested structures in tests.
    var foundationValue: Any {
        switch self {
        case .string(let text): text
        case .number(let number): number
        case .bool(let flag): flag
        case .null: NSNull()
        case .array(let items): items.map(\.foundationValue)
        case .object(let members): members.mapValues(\.foundationValue)
        }
    }
}
