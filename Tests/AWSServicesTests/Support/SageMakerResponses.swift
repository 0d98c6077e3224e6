import Foundation

/// SageMaker response bodies: AWS's documented shapes (every member the API reference lists for the
/// operation, epoch-second timestamps) and moto 5.2.1's captured forms, which leave some members out.
enum SageMakerResponses {
    static let account = "111111111111"
    static let groupArn = "arn:aws:sagemaker:eu-west-1:111111111111:model-package-group/mlops-churn"
    static func packageArn(_ version: Int) -> String { "arn:aws:sagemaker:eu-west-1:111111111111:model-package/mlops-churn/\(version)" }
    static let image = "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1"
    static let modelData = "s3://mlops-artifacts-111111111111/churn/training-42/output/model.tar.gz"

    static let createProject = #"{"ProjectArn":"arn:aws:sagemaker:eu-west-1:111111111111:project/churn-build","ProjectId":"p-ixkqiw4cenmo"}"#

    /// DescribeProject of a project whose provisioning failed (AWS shape, all members).
    static let describeProjectFailed = """
        {"CreatedBy":{"DomainId":"d-xxxxxxxxxxxx","UserProfileArn":"arn:aws:sagemaker:eu-west-1:111111111111:user-profile/d-xxxxxxxxxxxx/alice","UserProfileName":"alice"},
         "CreationTime":1795912568.257,"LastModifiedTime":1795912600,
         "ProjectArn":"arn:aws:sagemaker:eu-west-1:111111111111:project/churn-build","ProjectDescription":"Churn model build and deploy",
         "ProjectId":"p-ixkqiw4cenmo","ProjectName":"churn-build","ProjectStatus":"CreateFailed",
         "ServiceCatalogProvisionedProductDetails":{"ProvisionedProductId":"pp-6nbtxl5z5ljkq","ProvisionedProductStatusMessage":"AmazonCloudFormationException  Unresolved resource dependencies [ArtifactBucket]"},
         "ServiceCatalogProvisioningDetails":{"PathId":"lpv2-abcdefghijklm","ProductId":"prod-7bbq3ggcnvp2m","ProvisioningArtifactId":"pa-2yb7uyqrhtb5s",
           "ProvisioningParameters":[{"Key":"SageMakerProjectName","Value":"churn-build"},{"Key":"Stage","Value":"dev"}]}}
        """

    static let describeModelPackageGroup = """
        {"CreatedBy":{},"CreationTime":1795912568.257,"ModelPackageGroupArn":"\(groupArn)","ModelPackageGroupDescription":"Churn models",
         "ModelPackageGroupName":"mlops-churn","ModelPackageGroupStatus":"Completed"}
        """

    static func createModelPackageGroup() -> String { #"{"ModelPackageGroupArn":"\#(groupArn)"}"# }
    static func packageArnOutput(_ version: Int) -> String { #"{"ModelPackageArn":"\#(packageArn(version))"}"# }

    /// DescribeModelPackage as AWS answers it for an approved version.
    static let describeModelPackageAWS = """
        {"ApprovalDescription":"AUC 0.91 on holdout","CertifyForMarketplace":false,
         "CreatedBy":{"DomainId":"d-xxxxxxxxxxxx","UserProfileName":"alice"},"CreationTime":1795912568.257,
         "CustomerMetadataProperties":{"trainingRun":"training-42"},
         "InferenceSpecification":{"Containers":[{"Image":"\(image)","ImageDigest":"sha256:0b2a4a2b2c5a3d2e9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d","ModelDataUrl":"\(modelData)"}],
           "SupportedContentTypes":["text/csv"],"SupportedRealtimeInferenceInstanceTypes":["ml.t2.medium","ml.m5.large"],
           "SupportedResponseMIMETypes":["text/csv"],"SupportedTransformInstanceTypes":["ml.m5.large"]},
         "LastModifiedBy":{"DomainId":"d-xxxxxxxxxxxx","UserProfileName":"bob"},"LastModifiedTime":1795913000.5,
         "MetadataProperties":{"GeneratedBy":"arn:aws:sagemaker:eu-west-1:111111111111:pipeline/churn/execution/abc"},
         "ModelApprovalStatus":"Approved","ModelPackageArn":"\(packageArn(3))","ModelPackageDescription":"xgboost churn",
         "ModelPackageGroupName":"mlops-churn","ModelPackageName":"mlops-churn","ModelPackageStatus":"Completed",
         "ModelPackageStatusDetails":{"ValidationStatuses":[]},"ModelPackageVersion":3}
        """

    /// moto 5.2.1's DescribeModelPackage: no `ModelPackageName`.
    static let describeModelPackageMoto = """
        {"ModelPackageGroupName": "mlops-churn", "ModelPackageVersion": 1, "ModelPackageArn": "\(packageArn(1))", "ModelPackageDescription": "d", "CreationTime": 1795921010.995, "InferenceSpecification": {"Containers": [{"Image": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/churn:1", "ModelDataUrl": "s3://b/m.tar.gz"}], "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"]}, "ModelPackageStatus": "Completed", "ModelPackageStatusDetails": {"ValidationStatuses": [{"Name": "\(packageArn(1))", "Status": "Completed"}], "ImageScanStatuses": [{"Name": "\(packageArn(1))", "Status": "Completed"}]}, "CertifyForMarketplace": false, "ModelApprovalStatus": "PendingManualApproval", "CreatedBy": {"UserProfileArn": "arn:aws:sagemaker:eu-west-1:123456789012:user-profile/fake-domain-id/fake-user-profile-name", "UserProfileName": "fake-user-profile-name", "DomainId": "fake-domain-id"}}
        """

    static func summary(_ version: Int, status: String = "Approved", time: Double = 1795912568.257) -> String {
        #"{"CreationTime":\#(time),"ModelApprovalStatus":"\#(status)","ModelPackageArn":"\#(packageArn(version))","ModelPackageDescription":"v\#(version)","ModelPackageGroupName":"mlops-churn","ModelPackageStatus":"Completed","ModelPackageVersion":\#(version)}"#
    }

    static func listModelPackages(_ summaries: [String], nextToken: String? = nil) -> String {
        let token = nextToken.map { #","NextToken":"\#($0)""# } ?? ""
        return #"{"ModelPackageSummaryList":[\#(summaries.joined(separator: ","))]\#(token)}"#
    }

    /// DescribeEndpoint of an endpoint being updated (AWS shape).
    static let describeEndpointAWS = """
        {"CreationTime":1795912568.257,"DataCaptureConfig":{"CaptureStatus":"Stopped","CurrentSamplingPercentage":0,"DestinationS3Uri":"s3://b/capture","EnableCapture":false},
         "EndpointArn":"arn:aws:sagemaker:eu-west-1:111111111111:endpoint/churn-prod","EndpointConfigName":"churn-prod-config-3",
         "EndpointName":"churn-prod","EndpointStatus":"Updating","LastModifiedTime":1795913000,
         "ProductionVariants":[{"CurrentInstanceCount":2,"CurrentWeight":1.0,"DeployedImages":[{"ResolutionTime":1795912570,"ResolvedImage":"\(image)@sha256:0b2a","SpecifiedImage":"\(image)"}],
           "DesiredInstanceCount":2,"DesiredWeight":1.0,"VariantName":"AllTraffic","VariantStatus":[{"Status":"Updating","StartTime":1795913000}]}]}
        """

    /// moto 5.2.1's DescribeEndpoint (InService at once, variants without weights or images).
    static let describeEndpointMoto = """
        {"EndpointName": "e", "EndpointArn": "arn:aws:sagemaker:eu-west-1:123456789012:endpoint/e", "EndpointConfigName": "c", "ProductionVariants": [{"VariantName": "AllTraffic", "CurrentInstanceCount": 1, "DesiredInstanceCount": 1}], "DataCaptureConfig": {}, "EndpointStatus": "InService", "CreationTime": 1795921011.004, "LastModifiedTime": 1795921011.004}
        """

    static func validation(_ message: String) -> String {
        #"{"__type":"ValidationException","message":"\#(message)"}"#
    }
}
