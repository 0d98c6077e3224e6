import Foundation
import Testing
@testable import CFNTemplate

/// The project template's shape: parameters, tags, physical names from `ProjectNames`, the two source variants,
/// outputs, the build environment, the deploy stages, and option checks.
@Suite struct ProjectTemplateTests {
    typealias Source = ProjectTemplateOptions.Source

    @Test func parametersAreWhatSageMakerPasses() throws {
        let template = try ProjectFixtures.template(.s3)
        #expect(Set(template.parameters.keys) == ["SageMakerProjectName", "SageMakerProjectId"])
        let name = try #require(template.parameters["SageMakerProjectName"])
        #expect(name.minLength == 1 && name.maxLength == 32 && name.allowedPattern == "^[a-zA-Z](-*[a-zA-Z0-9])*")
        let id = try #require(template.parameters["SageMakerProjectId"])
        #expect(id.minLength == 1 && id.maxLength == 16)
        #expect(name.default == nil && id.default == nil, "SageMaker fills both; a default would hide a missing value")
    }

    /// CloudFormation matches the whole value against AllowedPattern.
    @Test(arguments: [("churn", true), ("Churn-Model-2", true), ("a--b", true), ("9lives", false), ("churn-", false), ("churn_x", false)])
    func projectNamePattern(value: String, accepted: Bool) {
        let matched = value.range(of: "^(?:\(ProjectTemplate.projectNamePattern))$", options: .regularExpression) != nil
        #expect(matched == accepted)
    }

    @Test(arguments: [("p-abc123def456", true), ("p-ABC", false), ("p_abc", false), ("abc-", false)])
    func projectIdPattern(value: String, accepted: Bool) {
        let matched = value.range(of: "^(?:\(ProjectTemplate.projectIdPattern))$", options: .regularExpression) != nil
        #expect(matched == accepted)
    }

    /// Types that take tags get both project tags; the rest are listed with the reason, so a new type needs a decision.
    static let taggable: Set<String> = [
        "AWS::S3::Bucket", "AWS::IAM::Role", "AWS::SageMaker::ModelPackageGroup", "AWS::CodeBuild::Project",
        "AWS::CodePipeline::Pipeline", "AWS::CodeCommit::Repository", "AWS::Events::Rule",
    ]
    static let untagged: [String: String] = [
        "AWS::KMS::Alias": "not taggable", "AWS::S3::BucketPolicy": "not taggable",
        "AWS::KMS::Key": "moto 5.2.1 fails the stack on CloudFormation-style key tags",
        "AWS::SSM::Parameter": "moto 5.2.1 fails the stack on CloudFormation's tag map",
    ]

    @Test(arguments: Source.allCases)
    func everyTaggableResourceCarriesTheProjectTags(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        let expected: CFNValue = [
            ["Key": "sagemaker:project-name", "Value": .ref("SageMakerProjectName")],
            ["Key": "sagemaker:project-id", "Value": .ref("SageMakerProjectId")],
        ]
        var tagged = 0
        for (id, resource) in template.resources.sorted(by: { $0.key < $1.key }) {
            #expect(Self.taggable.contains(resource.type) || Self.untagged[resource.type] != nil, "\(id): decide whether \(resource.type) is tagged")
            if Self.taggable.contains(resource.type) {
                #expect(resource.properties["Tags"] == expected, "\(id) must carry both project tags")
                tagged += 1
            } else {
                #expect(resource.properties["Tags"] == nil, "\(id)")
            }
        }
        #expect(tagged == (source == .s3 ? 19 : 20))
    }

    /// Each physical name is the `ProjectNames.template` pattern.
    @Test(arguments: Source.allCases)
    func physicalNamesComeFromProjectNames(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        let names = ProjectNames.template
        var expected: [String: (String, String)] = [
            "ArtifactBucket": ("BucketName", names.artifactBucket), "PipelineBucket": ("BucketName", names.pipelineBucket),
            "ArtifactKeyAlias": ("AliasName", names.artifactKeyAlias), "PipelineKeyAlias": ("AliasName", names.pipelineKeyAlias),
            "ModelPackageGroup": ("ModelPackageGroupName", names.modelPackageGroup),
            "SageMakerExecutionRole": ("RoleName", names.sageMakerExecutionRole), "BuildCodeBuildRole": ("RoleName", names.buildCodeBuildRole),
            "DeployCodeBuildRole": ("RoleName", names.deployCodeBuildRole), "ScanCodeBuildRole": ("RoleName", names.scanCodeBuildRole),
            "BuildPipelineRole": ("RoleName", names.buildPipelineRole), "DeployPipelineRole": ("RoleName", names.deployPipelineRole),
            "EventsRole": ("RoleName", names.eventsRole), "BuildProject": ("Name", names.buildProject),
            "SynthProject": ("Name", names.synthProject), "ScanProject": ("Name", names.scanProject),
            "BuildPipeline": ("Name", names.buildPipeline), "DeployPipeline": ("Name", names.deployPipeline),
            "BuildSourceRule": ("Name", names.buildSourceRule), "DeploySourceRule": ("Name", names.deploySourceRule),
            "ModelApprovalRule": ("Name", names.modelApprovalRule),
            "ArtifactBucketParameter": ("Name", names.artifactBucketParameter), "PipelineBucketParameter": ("Name", names.pipelineBucketParameter),
            "ModelPackageGroupParameter": ("Name", names.modelPackageGroupParameter),
            "ArtifactKeyParameter": ("Name", names.artifactKeyParameter), "PipelineKeyParameter": ("Name", names.pipelineKeyParameter),
        ]
        if source == .s3 {
            expected["SourceBucket"] = ("BucketName", names.sourceBucket)
            expected["SourceBucketParameter"] = ("Name", names.sourceBucketParameter)
        } else {
            expected["BuildRepository"] = ("RepositoryName", names.buildRepository)
            expected["DeployRepository"] = ("RepositoryName", names.deployRepository)
        }
        let unnamed: Set<String> = ["ArtifactKey", "PipelineKey", "ArtifactBucketPolicy", "PipelineBucketPolicy", "SourceBucketPolicy"]
        #expect(Set(template.resources.keys) == Set(expected.keys).union(unnamed.filter { template.resources[$0] != nil }))
        for (id, (property, pattern)) in expected {
            #expect(template.resources[id]?.properties[property] == .sub(pattern), "\(id).\(property)")
        }
        #expect(template.resources.count == (source == .s3 ? 32 : 31))
    }

    @Test func s3SourceUsesTheProjectSourceBucket() throws {
        let template = try ProjectFixtures.template(.s3)
        #expect(template.resources(ofType: "AWS::CodeCommit::Repository").isEmpty)
        let bucket = try #require(template.resources["SourceBucket"])
        #expect(bucket.properties["VersioningConfiguration"] == ["Status": "Enabled"], "S3 source actions need versioning")
        #expect(bucket.properties["NotificationConfiguration"] == ["EventBridgeConfiguration": ["EventBridgeEnabled": true]])
        for (pipeline, key, rule) in [("BuildPipeline", ProjectFixtures.buildKey, "BuildSourceRule"),
                                      ("DeployPipeline", ProjectFixtures.deployKey, "DeploySourceRule")] {
            let source = try #require(template.resources[pipeline]?.properties["Stages"]?.items?.first?["Actions"]?.items?.first)
            #expect(source["ActionTypeId"]?["Provider"] == "S3")
            #expect(source["Configuration"] == ["S3Bucket": .ref("SourceBucket"), "S3ObjectKey": .string(key), "PollForSourceChanges": "false"])
            let pattern = try #require(template.resources[rule]?.properties["EventPattern"])
            #expect(pattern["source"] == ["aws.s3"] && pattern["detail-type"] == ["Object Created"])
            #expect(pattern["detail"] == ["bucket": ["name": [.ref("SourceBucket")]], "object": ["key": [.string(key)]]])
        }
        #expect(template.outputs["SourceBucket"]?.value == .ref("SourceBucket"))
    }

    @Test func codeCommitSourceSeedsTwoRepositories() throws {
        let options = ProjectFixtures.options(.codeCommit)
        let template = try ProjectTemplate.make(options)
        #expect(template.resources["SourceBucket"] == nil && template.outputs["SourceBucket"] == nil)
        for (id, key, pipeline, rule) in [("BuildRepository", options.buildKey, "BuildPipeline", "BuildSourceRule"),
                                          ("DeployRepository", options.deployKey, "DeployPipeline", "DeploySourceRule")] {
            let repository = try #require(template.resources[id])
            #expect(repository.properties["Code"] == ["BranchName": "main", "S3": ["Bucket": .string(options.seedBucket), "Key": .string(key)]])
            let name = try #require(repository.properties["RepositoryName"])
            let pipelineResource = try #require(template.resources[pipeline])
            #expect(pipelineResource.dependsOn.contains(id), "the repository is named, so the pipeline must wait for it")
            let source = try #require(pipelineResource.properties["Stages"]?.items?.first?["Actions"]?.items?.first)
            #expect(source["ActionTypeId"]?["Provider"] == "CodeCommit")
            #expect(source["Configuration"] == ["RepositoryName": name, "BranchName": "main", "PollForSourceChanges": "false"])
            let pattern = try #require(template.resources[rule]?.properties["EventPattern"])
            #expect(pattern["source"] == ["aws.codecommit"] && pattern["detail"]?["referenceName"] == ["main"])
        }
    }

    /// The seed's §6.3 table, with SAGEMAKER_PIPELINE_NAME now the name the buildspec uses.
    @Test func buildProjectEnvironment() throws {
        let template = try ProjectFixtures.template(.s3)
        let variables = try #require(template.resources["BuildProject"]?.properties["Environment"]?["EnvironmentVariables"]?.items)
        var values: [String: CFNValue] = [:]
        for variable in variables {
            #expect(variable["Type"] == "PLAINTEXT")
            values[try #require(variable["Name"]?.text)] = variable["Value"]
        }
        #expect(values == [
            "SAGEMAKER_PROJECT_NAME": .ref("SageMakerProjectName"), "SAGEMAKER_PROJECT_ID": .ref("SageMakerProjectId"),
            "MODEL_PACKAGE_GROUP_NAME": .sub("${SageMakerProjectName}-${SageMakerProjectId}"), "AWS_REGION": .region,
            "SAGEMAKER_PIPELINE_NAME": .sub("${SageMakerProjectName}-${SageMakerProjectId}"),
            "SAGEMAKER_PIPELINE_DESCRIPTION": .sub("${SageMakerProjectName} Model Build Pipeline"),
            "SAGEMAKER_PIPELINE_ROLE_ARN": .getAtt("SageMakerExecutionRole", "Arn"), "ARTIFACT_BUCKET": .ref("ArtifactBucket"),
            "ARTIFACT_BUCKET_KMS_ID": .ref("ArtifactKey"),
        ])
        #expect(template.resources["BuildProject"]?.properties["Source"]?["BuildSpec"] == "buildspec.yml")
    }

    /// DeployDev → approval → DeployPreProd → approval → DeployProd, each through its account's CDK roles.
    @Test(arguments: ["hnb659fds", "mlops1"])
    func deployStagesRunThroughTheTargetBootstrapRoles(qualifier: String) throws {
        let options = ProjectFixtures.options(.s3, qualifier: qualifier)
        let template = try ProjectTemplate.make(options)
        let stages = try #require(template.resources["DeployPipeline"]?.properties["Stages"]?.items)
        #expect(stages.compactMap { $0["Name"]?.text } == ["Source", "Build", "SecurityEvaluation", "DeployDev", "DeployPreProd", "DeployProd"])
        for (index, stage) in ProjectTemplateOptions.Stage.allCases.enumerated() {
            let actions = try #require(stages[3 + index]["Actions"]?.items)
            let deploy = actions[0]
            let bootstrap = options.bootstrapNames(stage)
            #expect(deploy["ActionTypeId"]?["Provider"] == "CloudFormation")
            #expect(deploy["RoleArn"] == .string(bootstrap.deployRoleARN))
            #expect(deploy["Configuration"]?["RoleArn"] == .string(bootstrap.cloudFormationExecutionRoleARN))
            #expect(deploy["Configuration"]?["TemplatePath"] == .string("Synth::\(stage.rawValue).template.json"))
            #expect(deploy["Configuration"]?["StackName"] == .sub(ProjectNames.template.endpointStack(stage)))
            #expect(bootstrap.deployRoleARN.contains("cdk-\(qualifier)-deploy-role-\(options.environment(stage).account)-"))
            if stage == .prod {
                #expect(actions.count == 1)
            } else {
                #expect(actions[1]["ActionTypeId"]?["Category"] == "Approval" && actions[1]["RunOrder"] == 2)
            }
        }
        let synthVariables = template.resources["SynthProject"]?.properties["Environment"]?["EnvironmentVariables"]?.items ?? []
        #expect(synthVariables.contains(["Name": "CDK_QUALIFIER", "Type": "PLAINTEXT", "Value": .string(qualifier)]))
        #expect(synthVariables.contains(["Name": "PREPROD_ACCOUNT_ID", "Type": "PLAINTEXT", "Value": "333333333333"]))
    }

    @Test(arguments: Source.allCases)
    func outputsAreReadableOnTheEmulator(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        var expected: Set<String> = ["ArtifactBucket", "PipelineBucket", "ArtifactKeyArn", "PipelineKeyArn", "ModelPackageGroupName"]
        if source == .s3 { expected.insert("SourceBucket") }
        #expect(Set(template.outputs.keys) == expected)
        let supported: Set<String> = ["AWS::S3::Bucket", "AWS::KMS::Key"]
        for (name, output) in template.outputs {
            switch output.value {
            case .ref(let id), .getAtt(let id, _):
                #expect(supported.contains(template.resources[id]?.type ?? ""), "\(name) refers to \(id)")
            case .sub(let text, let variables):
                #expect(variables.isEmpty)
                #expect(ReferenceChecker.subVariables(in: text).allSatisfy { template.parameters[$0] != nil }, "\(name): \(text)")
            default:
                Issue.record("output \(name) must be a Ref, GetAtt or Sub")
            }
        }
        #expect(template.outputs["ModelPackageGroupName"]?.value == .sub("${SageMakerProjectName}-${SageMakerProjectId}"))
    }

    @Test(arguments: Source.allCases)
    func validatorFindsNothing(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        #expect(TemplateValidator(renderer: ProjectTemplate.renderer).problems(in: template) == [])
        // Pretty JSON would exceed the TemplateBody limit; the compact form must stay well within it.
        #expect(ProjectTemplate.renderer.data(template).count < TemplateValidator.templateBodyLimit)
    }
}
