import Foundation

/// The services mlopsctl calls. Values copied from botocore 1.43 `service-2.json` metadata
/// (serviceId, signingName, endpointPrefix, apiVersion, protocol, targetPrefix, xmlNamespace).
extension ServiceDescriptor {
    public static let sts = ServiceDescriptor(
        serviceId: "STS", signingName: "sts", apiVersion: "2011-06-15",
        wireProtocol: .query(xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/"))

    /// IAM has one endpoint per partition, always signed for that partition's home region.
    public static let iam = ServiceDescriptor(
        serviceId: "IAM", signingName: "iam", apiVersion: "2010-05-08",
        wireProtocol: .query(xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/"),
        globalEndpoint: GlobalEndpoint(
            url: URL(string: "https://iam.amazonaws.com")!, signingRegion: "us-east-1",
            china: (url: URL(string: "https://iam.cn-north-1.amazonaws.com.cn")!, signingRegion: "cn-north-1")))

    public static let cloudFormation = ServiceDescriptor(
        serviceId: "CloudFormation", signingName: "cloudformation", apiVersion: "2010-05-15",
        wireProtocol: .query(xmlNamespace: "http://cloudformation.amazonaws.com/doc/2010-05-15/"))

    public static let s3 = ServiceDescriptor(serviceId: "S3", signingName: "s3", apiVersion: "2006-03-01", wireProtocol: .restXML)

    public static let ssm = json("SSM", "ssm", apiVersion: "2014-11-06", target: "AmazonSSM")
    public static let kms = json("KMS", "kms", apiVersion: "2014-11-01", target: "TrentService")
    public static let serviceCatalog = json(
        "Service Catalog", "servicecatalog", apiVersion: "2015-12-10", target: "AWS242ServiceCatalogService")
    public static let sageMaker = json("SageMaker", "sagemaker", prefix: "api.sagemaker", apiVersion: "2017-07-24", target: "SageMaker")
    public static let ecr = json(
        "ECR", "ecr", prefix: "api.ecr", apiVersion: "2015-09-21", target: "AmazonEC2ContainerRegistry_V20150921")
    public static let eventBridge = json("EventBridge", "events", apiVersion: "2015-10-07", target: "AWSEvents")
    public static let codeCommit = json("CodeCommit", "codecommit", apiVersion: "2015-04-13", target: "CodeCommit_20150413")
    public static let codeBuild = json("CodeBuild", "codebuild", apiVersion: "2016-10-06", target: "CodeBuild_20161006")
    public static let codePipeline = json("CodePipeline", "codepipeline", apiVersion: "2015-07-09", target: "CodePipeline_20150709")
    /// Organizations is global: one endpoint in us-east-1 (cn-northwest-1 in China).
    public static let organizations = ServiceDescriptor(
        serviceId: "Organizations", signingName: "organizations", apiVersion: "2016-11-28",
        wireProtocol: .json(version: "1.1", targetPrefix: "AWSOrganizationsV20161128"),
        globalEndpoint: GlobalEndpoint(
            url: URL(string: "https://organizations.us-east-1.amazonaws.com")!, signingRegion: "us-east-1",
            china: (url: URL(string: "https://organizations.cn-northwest-1.amazonaws.com.cn")!, signingRegion: "cn-northwest-1")))

    /// SageMaker Runtime signs as `sagemaker` but lives at `runtime.sagemaker`.
    public static let sageMakerRuntime = ServiceDescriptor(
        serviceId: "SageMaker Runtime", signingName: "sagemaker", endpointPrefix: "runtime.sagemaker", apiVersion: "2017-05-13",
        wireProtocol: .restJSON)

    /// Every service above: what a session resolves its configured endpoints for, once.
    public static let known: [ServiceDescriptor] = [
        sts, iam, cloudFormation, s3, ssm, kms, serviceCatalog, sageMaker, ecr, eventBridge, codeCommit, codeBuild, codePipeline,
        organizations, sageMakerRuntime,
    ]

    private static func json(_ id: String, _ signing: String, prefix: String? = nil, apiVersion: String, target: String)
        -> ServiceDescriptor
    {
        ServiceDescriptor(
            serviceId: id, signingName: signing, endpointPrefix: prefix, apiVersion: apiVersion,
            wireProtocol: .json(version: "1.1", targetPrefix: target))
    }
}
