import CFNTemplate
import Deployer
import Foundation
import Topology

/// Everything one stage's bootstrap deploys, computed and validated before any AWS call: the optional
/// execution-policy stack and the CDK bootstrap stack with its parameters.
public struct StageBootstrapSpec: Sendable {
    public let stage: StageConfig
    public let names: BootstrapNames
    public let trustedAccounts: [String]
    /// The stack holding mlopsctl's managed execution policy, when the stage uses a document (shipped or its own).
    public let policyStack: StackDeployment?
    /// The ARN the policy stack's policy will have (known up front: mlopsctl names it).
    public let policyStackArn: String?
    /// The name of that policy, which the bootstrap stack attaches from its own account (the same value in every account).
    public let policyName: String?
    /// Managed policy ARNs named in the topology.
    public let managedPolicyArns: [String]
    public let bootstrapTemplateBody: String
    public let bootstrapStackName: String
    public let tags: [String: String]
    public let terminationProtection: Bool?

    /// All execution policies the cfn-exec role gets, in order.
    public var executionPolicyArns: [String] { managedPolicyArns + (policyStackArn.map { [$0] } ?? []) }

    /// The bootstrap parameters, all of them explicit so that a re-run compares like with like.
    /// - Parameter kmsKeyId: the deployed stack's `FileAssetsBucketKmsKeyId`, kept on re-bootstrap (the CDK CLI's rule);
    ///   a first bootstrap uses the AWS managed key, as the CDK CLI does.
    public func bootstrapParameters(kmsKeyId: String?) -> [String: String] {
        typealias Name = BootstrapTemplate.ParameterName
        return [
            Name.trustedAccounts.rawValue: trustedAccounts.joined(separator: ","),
            Name.trustedAccountsForLookup.rawValue: "",
            Name.cloudFormationExecutionPolicies.rawValue: managedPolicyArns.joined(separator: ","),
            Name.cloudFormationExecutionPolicyName.rawValue: policyName ?? "",
            Name.fileAssetsBucketName.rawValue: "",
            Name.fileAssetsBucketKmsKeyId.rawValue: kmsKeyId ?? BootstrapTemplate.awsManagedKey,
            Name.containerAssetsRepositoryName.rawValue: "",
            Name.qualifier.rawValue: names.qualifier,
            Name.publicAccessBlockConfiguration.rawValue: "true",
            Name.inputPermissionsBoundary.rawValue: "",
            Name.useExamplePermissionsBoundary.rawValue: "false",
            Name.bootstrapVariant.rawValue: BootstrapTemplate.variant,
            Name.denyExternalId.rawValue: "true",
        ]
    }

    public func bootstrapDeployment(kmsKeyId: String?, terminationProtection: Bool) -> StackDeployment {
        StackDeployment(
            stackName: bootstrapStackName, template: .body(bootstrapTemplateBody), parameters: bootstrapParameters(kmsKeyId: kmsKeyId),
            tags: tags, terminationProtection: terminationProtection)
    }
}
