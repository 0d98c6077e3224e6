// The model registry (a model package group that preprod and prod may read) and the project's SSM
// parameters under `/mlops/projects/<name>/` (the seed wrote global ones that every project overwrote).
extension ProjectTemplateBuilder {
    var registryResources: [String: Resource] {
        let group = "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package-group/\(names.modelPackageGroup)"
        let packages = "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package/\(names.modelPackageGroup)/*"
        // CloudFormation in preprod/prod creates SageMaker models from approved packages (CreateModel on the
        // package); nothing there may change a package's approval.
        let policy = PolicyStatement.document([
            PolicyStatement.grant("TargetAccountsDescribeGroup", to: targetAccountRoots, ["sagemaker:DescribeModelPackageGroup"], [.sub(group)]),
            PolicyStatement.grant(
                "TargetAccountsUsePackages", to: targetAccountRoots,
                ["sagemaker:CreateModel", "sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"], [.sub(packages)]),
        ])
        var resources: [String: Resource] = [
            ID.modelPackageGroup: Resource(type: "AWS::SageMaker::ModelPackageGroup", properties: [
                "ModelPackageGroupName": .sub(names.modelPackageGroup),
                "ModelPackageGroupDescription": .sub("Model Package Group for ${SageMakerProjectName}"),
                "ModelPackageGroupPolicy": policy,
                "Tags": tags,
            ]),
            ID.artifactBucketParameter: parameter(names.artifactBucketParameter, .ref(ID.artifactBucket), "Artifact bucket of the project"),
            ID.pipelineBucketParameter: parameter(names.pipelineBucketParameter, .ref(ID.pipelineBucket), "Pipeline bucket of the project"),
            ID.modelPackageGroupParameter: parameter(
                names.modelPackageGroupParameter, .sub(names.modelPackageGroup), "Model package group of the project"),
            ID.artifactKeyParameter: parameter(names.artifactKeyParameter, .ref(ID.artifactKey), "KMS key id of the artifact bucket"),
            ID.pipelineKeyParameter: parameter(names.pipelineKeyParameter, .ref(ID.pipelineKey), "KMS key id of the pipeline bucket"),
        ]
        if usesS3Source {
            resources[ID.sourceBucketParameter] = parameter(
                names.sourceBucketParameter, .ref(ID.sourceBucket), "Source bucket of the project's pipelines")
        }
        return resources
    }

    /// A `String` parameter; `Name` is always set (the emulator fails without it). No Tags: moto 5.2.1 iterates
    /// CloudFormation's tag map as an API tag list and fails the stack; the path names the project instead.
    private func parameter(_ name: String, _ value: CFNValue, _ description: String) -> Resource {
        Resource(type: "AWS::SSM::Parameter", properties: [
            "Name": .sub(name), "Type": "String", "Value": value, "Description": .string(description),
        ])
    }
}
