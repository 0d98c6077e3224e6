/// The CDK bootstrap stack (`CDKToolkit`) at bootstrap version 32, as typed values: the same parameters,
/// conditions, resources, physical names and outputs as the CDK CLI's `bootstrap-template.yaml`, so that
/// existing CDK apps (their `CheckBootstrapVersion` rule, asset publishing and deploy roles) work unchanged.
///
/// Deliberate differences, each valid on AWS:
/// - the KMS `KeyPolicy` is a JSON string (`Fn::Sub`), not an object: the emulator (moto) breaks on an object;
/// - every policy document states `Version: 2012-10-17` (upstream leaves it out of the trust policies);
/// - the extra parameter `CloudFormationExecutionPolicyName` attaches a customer managed policy of the stack's own
///   account by name, so that a stack set deploys the same template and parameters to every member account (a policy
///   ARN names one account). Its empty default changes nothing; the CDK CLI does not pass it.
public enum BootstrapTemplate {
    /// The bootstrap version; in the SSM parameter and in the `BootstrapVersion` output (kept equal on purpose:
    /// `GetAtt` on an SSM parameter is eventually consistent).
    public static let version = 32
    /// The default `BootstrapVariant`; the CDK CLI refuses to overwrite a stack of another variant.
    public static let variant = "AWS CDK: Default Resources"
    /// The allowed qualifiers: at most 10 characters so that role names stay within 64.
    public static let qualifierPattern = "[A-Za-z0-9_-]{1,10}"
    /// The `FileAssetsBucketKmsKeyId` value that selects S3's AWS-managed key (the CDK CLI's default).
    public static let awsManagedKey = "AWS_MANAGED_KEY"
    public static let description = "This stack includes resources needed to deploy AWS CDK apps into this environment"

    /// The template's parameters, by name.
    public enum ParameterName: String, CaseIterable, Sendable {
        case trustedAccounts = "TrustedAccounts"
        case trustedAccountsForLookup = "TrustedAccountsForLookup"
        case cloudFormationExecutionPolicies = "CloudFormationExecutionPolicies"
        case cloudFormationExecutionPolicyName = "CloudFormationExecutionPolicyName"
        case fileAssetsBucketName = "FileAssetsBucketName"
        case fileAssetsBucketKmsKeyId = "FileAssetsBucketKmsKeyId"
        case containerAssetsRepositoryName = "ContainerAssetsRepositoryName"
        case qualifier = "Qualifier"
        case publicAccessBlockConfiguration = "PublicAccessBlockConfiguration"
        case inputPermissionsBoundary = "InputPermissionsBoundary"
        case useExamplePermissionsBoundary = "UseExamplePermissionsBoundary"
        case bootstrapVariant = "BootstrapVariant"
        case denyExternalId = "DenyExternalId"
    }

    /// The outputs the CDK CLI reads.
    public enum OutputName: String, CaseIterable, Sendable {
        case bucketName = "BucketName"
        case bucketDomainName = "BucketDomainName"
        case fileAssetKeyArn = "FileAssetKeyArn"
        case imageRepositoryName = "ImageRepositoryName"
        case bootstrapVersion = "BootstrapVersion"
    }

    /// The whole template.
    public static func make() -> Template {
        var resources: [String: Resource] = [:]
        resources.merge(storageResources) { first, _ in first }
        resources.merge(publishingResources) { first, _ in first }
        resources.merge(deploymentResources) { first, _ in first }
        return Template(description: description, parameters: parameters, conditions: conditions, resources: resources, outputs: outputs)
    }

    // MARK: - Parameters

    static var parameters: [String: Parameter] {
        let trueFalse = ["true", "false"]
        let entries: [(ParameterName, Parameter)] = [
            (.trustedAccounts, Parameter(type: .commaDelimitedList, default: "",
                                         description: "List of AWS accounts that are trusted to publish assets and deploy stacks to this environment")),
            (.trustedAccountsForLookup, Parameter(type: .commaDelimitedList, default: "",
                                                  description: "List of AWS accounts that are trusted to look up values in this environment")),
            (.cloudFormationExecutionPolicies, Parameter(type: .commaDelimitedList, default: "",
                                                         description: "List of the ManagedPolicy ARN(s) to attach to the CloudFormation deployment role")),
            (.cloudFormationExecutionPolicyName, Parameter(default: "", description:
                "The name of a customer managed policy of this account to attach to the CloudFormation deployment role (mlopsctl)")),
            (.fileAssetsBucketName, Parameter(default: "", description: "The name of the S3 bucket used for file assets")),
            (.fileAssetsBucketKmsKeyId, Parameter(default: "", description:
                "Empty to create a new key (default), 'AWS_MANAGED_KEY' to use a managed S3 key, or the ID/ARN of an existing key.")),
            (.containerAssetsRepositoryName, Parameter(default: "",
                                                       description: "A user-provided custom name to use for the container assets ECR repository")),
            (.qualifier, Parameter(default: BootstrapNames.defaultQualifier,
                                   description: "An identifier to distinguish multiple bootstrap stacks in the same environment",
                                   allowedPattern: qualifierPattern,
                                   constraintDescription: "Qualifier must be an alphanumeric identifier of at most 10 characters")),
            // Kept for the CDK CLI, which passes it; the staging bucket's public access block is always on (mlopsctl).
            (.publicAccessBlockConfiguration, Parameter(default: "true", description:
                "Ignored: the S3 Staging Bucket's Public Access Block Configuration is always enabled", allowedValues: trueFalse)),
            (.inputPermissionsBoundary, Parameter(default: "",
                                                  description: "Whether or not to use either the CDK supplied or custom permissions boundary")),
            (.useExamplePermissionsBoundary, Parameter(default: "false", allowedValues: trueFalse)),
            (.bootstrapVariant, Parameter(default: variant, description:
                "Describe the provenance of the resources in this bootstrap stack. Change this when you customize the template. "
                    + "To prevent accidents, the CDK CLI will not overwrite bootstrap stacks with a different variant.")),
            (.denyExternalId, Parameter(default: "true", description: "Whether to deny AssumeRole calls with an ExternalId",
                                        allowedValues: trueFalse)),
        ]
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.0.rawValue, $0.1) })
    }

    // MARK: - Conditions

    static var conditions: [String: CFNValue] {
        func notEmptyList(_ parameter: ParameterName) -> CFNValue {
            .not(.equals("", .join("", .ref(parameter.rawValue))))
        }
        func notEmpty(_ parameter: ParameterName) -> CFNValue {
            .not(.equals("", .ref(parameter.rawValue)))
        }
        func equals(_ literal: CFNValue, _ parameter: ParameterName) -> CFNValue {
            .equals(literal, .ref(parameter.rawValue))
        }
        return [
            "HasTrustedAccounts": notEmptyList(.trustedAccounts),
            "HasTrustedAccountsForLookup": notEmptyList(.trustedAccountsForLookup),
            "HasCloudFormationExecutionPolicies": notEmptyList(.cloudFormationExecutionPolicies),
            "HasCloudFormationExecutionPolicyName": notEmpty(.cloudFormationExecutionPolicyName),
            "HasCustomFileAssetsBucketName": notEmpty(.fileAssetsBucketName),
            "CreateNewKey": equals("", .fileAssetsBucketKmsKeyId),
            "UseAwsManagedKey": equals(.string(awsManagedKey), .fileAssetsBucketKmsKeyId),
            "ShouldCreatePermissionsBoundary": equals("true", .useExamplePermissionsBoundary),
            "PermissionsBoundarySet": notEmpty(.inputPermissionsBoundary),
            "HasCustomContainerAssetsRepositoryName": notEmpty(.containerAssetsRepositoryName),
            "ShouldDenyExternalId": equals("true", .denyExternalId),
        ]
    }

    // MARK: - Outputs

    static var outputs: [String: Output] {
        [
            OutputName.bucketName.rawValue: Output(
                value: .ref("StagingBucket"), description: "The name of the S3 bucket owned by the CDK toolkit stack"),
            OutputName.bucketDomainName.rawValue: Output(
                value: .getAtt("StagingBucket", "RegionalDomainName"),
                description: "The domain name of the S3 bucket owned by the CDK toolkit stack"),
            // Deprecated, but kept: removing an export that another stack imports blocks every update.
            OutputName.fileAssetKeyArn.rawValue: Output(
                value: .if("CreateNewKey", .getAtt("FileAssetsBucketEncryptionKey", "Arn"), .ref(ParameterName.fileAssetsBucketKmsKeyId.rawValue)),
                description: "The ARN of the KMS key used to encrypt the asset bucket (deprecated)",
                exportName: .sub("CdkBootstrap-${Qualifier}-FileAssetKeyArn")),
            OutputName.imageRepositoryName.rawValue: Output(
                value: .ref("ContainerAssetsRepository"), description: "The name of the ECR repository which hosts docker image assets"),
            OutputName.bootstrapVersion.rawValue: Output(
                value: .string(String(version)),
                description: "The version of the bootstrap resources that are currently mastered in this stack"),
        ]
    }
}
