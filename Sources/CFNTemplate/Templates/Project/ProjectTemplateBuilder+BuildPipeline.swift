// The model build pipeline: source → CodeBuild project that upserts and runs the SageMaker pipeline
// (train, evaluate, register a model package awaiting approval).
extension ProjectTemplateBuilder {
    static let codeBuildImage = "aws/codebuild/standard:7.0"
    static let sourceArtifact = "Source"

    var buildPipelineResources: [String: Resource] {
        var resources: [String: Resource] = [
            ID.buildProject: codeBuildProject(
                name: names.buildProject, role: ID.buildCodeBuildRole,
                description: "${SageMakerProjectName} Model Build Pipeline: upserts and runs the SageMaker pipeline",
                buildSpec: "buildspec.yml",
                // The build waits for the SageMaker pipeline to finish; CodeBuild's default of 60 minutes cut it short.
                timeoutMinutes: 480,
                environment: buildEnvironment),
            ID.buildPipeline: pipeline(
                name: names.buildPipeline, role: ID.buildPipelineRole,
                stages: [
                    sourceStage(key: options.buildKey, repository: names.buildRepository),
                    stage("Build", [codeBuildAction("SMPipeline", project: names.buildProject, input: Self.sourceArtifact, output: nil)]),
                ],
                dependsOn: [ID.buildProject] + (usesS3Source ? [] : [ID.buildRepository])),
        ]
        if !usesS3Source {
            resources[ID.buildRepository] = repository(name: names.buildRepository, key: options.buildKey,
                                                       description: "Model build code of SageMaker project ${SageMakerProjectName}")
        }
        return resources
    }

    /// What the seed's build app reads (§6.3), with `SAGEMAKER_PIPELINE_NAME` set to the name the buildspec uses.
    private var buildEnvironment: [(String, CFNValue)] {
        [
            ("SAGEMAKER_PROJECT_NAME", .ref(ProjectTemplate.ParameterName.projectName.rawValue)),
            ("SAGEMAKER_PROJECT_ID", .ref(ProjectTemplate.ParameterName.projectId.rawValue)),
            ("MODEL_PACKAGE_GROUP_NAME", .sub(names.modelPackageGroup)),
            ("AWS_REGION", .region),
            ("SAGEMAKER_PIPELINE_NAME", .sub(names.sageMakerPipeline)),
            ("SAGEMAKER_PIPELINE_DESCRIPTION", .sub("${SageMakerProjectName} Model Build Pipeline")),
            ("SAGEMAKER_PIPELINE_ROLE_ARN", .getAtt(ID.sageMakerExecutionRole, "Arn")),
            ("ARTIFACT_BUCKET", .ref(ID.artifactBucket)),
            ("ARTIFACT_BUCKET_KMS_ID", .ref(ID.artifactKey)),
        ]
    }

    // MARK: - Shared by both pipelines

    /// A Linux CodeBuild project run by CodePipeline; artifacts encrypted with the pipeline key.
    func codeBuildProject(name: String, role: String, description: String, buildSpec: String, timeoutMinutes: Int,
                          environment: [(String, CFNValue)]) -> Resource {
        Resource(type: "AWS::CodeBuild::Project", properties: [
            "Name": .sub(name),
            "Description": .sub(description),
            "ServiceRole": .getAtt(role, "Arn"),
            "Artifacts": ["Type": "CODEPIPELINE"],
            "Source": ["Type": "CODEPIPELINE", "BuildSpec": .string(buildSpec)],
            "Environment": [
                "Type": "LINUX_CONTAINER",
                "ComputeType": "BUILD_GENERAL1_SMALL",
                "Image": .string(Self.codeBuildImage),
                "ImagePullCredentialsType": "CODEBUILD",
                "PrivilegedMode": false,
                "EnvironmentVariables": .array(environment.map { ["Name": .string($0.0), "Type": "PLAINTEXT", "Value": $0.1] }),
            ],
            "EncryptionKey": .getAtt(ID.pipelineKey, "Arn"),
            "TimeoutInMinutes": .int(timeoutMinutes),
            "Tags": tags,
        ])
    }

    /// A V2 pipeline storing artifacts in the pipeline bucket under the pipeline key; with `crossRegion`, also in the
    /// support stack's bucket and key of each other region it acts in (`ArtifactStores`, one per region). Resources of
    /// types the emulator skips are named in `stages` and listed in `dependsOn` (never `Ref`/`GetAtt`).
    func pipeline(name: String, role: String, stages: [CFNValue], dependsOn: [String], crossRegion: Bool = false) -> Resource {
        var properties: [String: CFNValue] = [
            "Name": .sub(name),
            "PipelineType": "V2",
            "RoleArn": .getAtt(role, "Arn"),
            "RestartExecutionOnUpdate": false,
            "Stages": .array(stages),
            "Tags": tags,
        ]
        let own: CFNValue = ["Type": "S3", "Location": .ref(ID.pipelineBucket), "EncryptionKey": ["Type": "KMS", "Id": .getAtt(ID.pipelineKey, "Arn")]]
        if crossRegion && !options.supportRegions.isEmpty {
            let others: [CFNValue] = options.supportRegions.map { region in
                let support = options.supportNames(region)
                return [
                    "Region": .string(region),
                    "ArtifactStore": [
                        "Type": "S3", "Location": .string(support.bucket), "EncryptionKey": ["Type": "KMS", "Id": .string(support.keyAliasARN)],
                    ],
                ]
            }
            properties["ArtifactStores"] = .array([["Region": .region, "ArtifactStore": own]] + others)
        } else {
            properties["ArtifactStore"] = own
        }
        return Resource(type: "AWS::CodePipeline::Pipeline", properties: properties, dependsOn: dependsOn)
    }

    func stage(_ name: String, _ actions: [CFNValue]) -> CFNValue {
        ["Name": .string(name), "Actions": .array(actions)]
    }

    /// The source stage: the app's object in the source bucket, or the `main` branch of its repository.
    /// Change detection is EventBridge's (see +Triggers), so polling is off in both cases.
    func sourceStage(key: String, repository: String) -> CFNValue {
        let action: CFNValue
        switch options.source {
        case .s3:
            action = [
                "Name": "Source",
                "ActionTypeId": ["Category": "Source", "Owner": "AWS", "Provider": "S3", "Version": "1"],
                "Configuration": ["S3Bucket": .ref(ID.sourceBucket), "S3ObjectKey": .string(key), "PollForSourceChanges": "false"],
                "OutputArtifacts": [["Name": .string(Self.sourceArtifact)]],
                "RunOrder": 1,
            ]
        case .codeCommit:
            action = [
                "Name": "Source",
                "ActionTypeId": ["Category": "Source", "Owner": "AWS", "Provider": "CodeCommit", "Version": "1"],
                "Configuration": [
                    "RepositoryName": .sub(repository), "BranchName": .string(ProjectTemplate.branch), "PollForSourceChanges": "false",
                ],
                "OutputArtifacts": [["Name": .string(Self.sourceArtifact)]],
                "RunOrder": 1,
            ]
        }
        return stage("Source", [action])
    }

    func codeBuildAction(_ name: String, project: String, input: String, output: String?) -> CFNValue {
        var action: [String: CFNValue] = [
            "Name": .string(name),
            "ActionTypeId": ["Category": "Build", "Owner": "AWS", "Provider": "CodeBuild", "Version": "1"],
            "Configuration": ["ProjectName": .sub(project)],
            "InputArtifacts": [["Name": .string(input)]],
            "RunOrder": 1,
        ]
        if let output { action["OutputArtifacts"] = [["Name": .string(output)]] }
        return .object(action)
    }

    /// A CodeCommit repository seeded from the zip at `seedBucket`/`key` (`.codeCommit` only).
    func repository(name: String, key: String, description: String) -> Resource {
        Resource(type: "AWS::CodeCommit::Repository", properties: [
            "RepositoryName": .sub(name),
            "RepositoryDescription": .sub(description),
            "Code": ["BranchName": .string(ProjectTemplate.branch), "S3": ["Bucket": .string(options.seedBucket), "Key": .string(key)]],
            "Tags": tags,
        ])
    }
}
