/// The resource types whose replacement or removal loses something a template cannot re-create: data, or an
/// identity other accounts and policies hold on to. An update that would replace or remove one is refused
/// unless the user allows it (`bootstrap --allow-replace`).
///
/// - `AWS::S3::Bucket`: the objects (CDK assets, model artefacts, pipeline artefacts).
/// - `AWS::KMS::Key`: everything encrypted under it; CloudFormation schedules the replaced key for deletion.
/// - `AWS::ECR::Repository`: the images.
/// - `AWS::IAM::Role`: its identity. Trust and resource policies in other accounts (buckets, keys, the CDK
///   pipelines' cross-account trust) record a role's unique id; a replacement is another principal even under the
///   same name, and those grants stop working without any error.
/// - `AWS::Logs::LogGroup`, `AWS::DynamoDB::Table`: log events, items.
/// - `AWS::SageMaker::ModelPackageGroup`: the registered model versions and their approvals.
/// - `AWS::CodeCommit::Repository`: the code and its history.
///
/// Not listed, because the template is their whole content and a replacement re-creates it: policies
/// (`AWS::IAM::Policy`, `ManagedPolicy`, `AWS::S3::BucketPolicy`), `AWS::KMS::Alias`, `AWS::SSM::Parameter`.
public enum StatefulResources {
    /// Type → the properties whose change makes CloudFormation replace the resource. These are the types'
    /// `createOnlyProperties` in the CloudFormation resource schemas (checked against cfn-lint's copy by a test),
    /// except `AWS::KMS::Key`, whose schema lists none although its documentation says that changing KeySpec,
    /// KeyUsage, MultiRegion or Origin replaces the key.
    public static let replacementProperties: [String: [String]] = [
        "AWS::S3::Bucket": ["BucketName", "BucketNamePrefix", "BucketNamespace"],
        "AWS::KMS::Key": ["KeySpec", "KeyUsage", "MultiRegion", "Origin"],
        "AWS::ECR::Repository": ["RepositoryName", "EncryptionConfiguration"],
        "AWS::IAM::Role": ["Path", "RoleName"],
        "AWS::Logs::LogGroup": ["LogGroupName"],
        "AWS::DynamoDB::Table": ["TableName", "ImportSourceSpecification"],
        "AWS::SageMaker::ModelPackageGroup": ["ModelPackageGroupName", "ModelPackageGroupDescription"],
        "AWS::CodeCommit::Repository": [],
    ]

    public static func isStateful(_ resourceType: String) -> Bool {
        replacementProperties[resourceType] != nil
    }
}
