// The model deploy pipeline: source → synthesize the endpoint stacks (CDK) → scan them → deploy to dev →
// approval → preprod → approval → prod. Each deployment runs as the target account's CDK deploy role with its
// cfn-exec role; neither role is modified (their access to this project's artifacts comes from the pipeline
// bucket and key policies).
extension ProjectTemplateBuilder {
    static let synthArtifact = "Synth"
    static let scanArtifact = "ScanReport"

    var deployPipelineResources: [String: Resource] {
        var resources: [String: Resource] = [
            // The deploy app's own buildspec.yml (tests, app.py, cfn-lint): it writes build/<stage>.template.json.
            ID.synthProject: codeBuildProject(
                name: names.synthProject, role: ID.deployCodeBuildRole,
                description: "${SageMakerProjectName}: synthesizes the endpoint stacks of the latest approved model",
                buildSpec: "buildspec.yml", timeoutMinutes: 30, environment: synthEnvironment),
            ID.scanProject: codeBuildProject(
                name: names.scanProject, role: ID.scanCodeBuildRole,
                description: "${SageMakerProjectName}: scans the synthesized endpoint stacks (checkov)",
                buildSpec: CFNValue.jsonText(scanBuildSpec), timeoutMinutes: 30, environment: []),
            ID.deployPipeline: pipeline(
                name: names.deployPipeline, role: ID.deployPipelineRole,
                stages: [
                    sourceStage(key: options.deployKey, repository: names.deployRepository),
                    stage("Build", [codeBuildAction("Synth", project: names.synthProject, input: Self.sourceArtifact, output: Self.synthArtifact)]),
                    stage("SecurityEvaluation", [
                        codeBuildAction("Scan", project: names.scanProject, input: Self.synthArtifact, output: Self.scanArtifact),
                    ]),
                    stage("DeployDev", [deployAction(.dev), approvalAction(before: .preprod)]),
                    stage("DeployPreProd", [deployAction(.preprod), approvalAction(before: .prod)]),
                    stage("DeployProd", [deployAction(.prod)]),
                ],
                dependsOn: [ID.synthProject, ID.scanProject] + (usesS3Source ? [] : [ID.deployRepository]), crossRegion: true),
        ]
        if !usesS3Source {
            resources[ID.deployRepository] = repository(name: names.deployRepository, key: options.deployKey,
                                                        description: "Model deploy code of SageMaker project ${SageMakerProjectName}")
        }
        return resources
    }

    static func label(_ stage: ProjectTemplateOptions.Stage) -> String {
        switch stage {
        case .dev: return "Dev"
        case .preprod: return "PreProd"
        case .prod: return "Prod"
        }
    }

    /// CloudFormation replaces a failed stack, as the seed did (`REPLACE_ON_FAILURE`).
    private func deployAction(_ stage: ProjectTemplateOptions.Stage) -> CFNValue {
        let bootstrap = options.bootstrapNames(stage)
        var action: [String: CFNValue] = [
            "Name": .string("Deploy\(Self.label(stage))"),
            "ActionTypeId": ["Category": "Deploy", "Owner": "AWS", "Provider": "CloudFormation", "Version": "1"],
            "Configuration": [
                "ActionMode": "REPLACE_ON_FAILURE",
                "StackName": .sub(names.endpointStack(stage)),
                "TemplatePath": .string("\(Self.synthArtifact)::\(stage.rawValue).template.json"),
                "Capabilities": "CAPABILITY_AUTO_EXPAND,CAPABILITY_NAMED_IAM",
                "RoleArn": .string(bootstrap.cloudFormationExecutionRoleARN),
            ],
            "InputArtifacts": [["Name": .string(Self.synthArtifact)]],
            "RoleArn": .string(bootstrap.deployRoleARN),
            "RunOrder": 1,
        ]
        // An action in another region runs there, its input replicated into that region's support bucket.
        let region = options.environment(stage).region
        if region != options.dev.region { action["Region"] = .string(region) }
        return .object(action)
    }

    private func approvalAction(before stage: ProjectTemplateOptions.Stage) -> CFNValue {
        [
            "Name": .string("Approve\(Self.label(stage))"),
            "ActionTypeId": ["Category": "Approval", "Owner": "AWS", "Provider": "Manual", "Version": "1"],
            "Configuration": ["CustomData": .string("Approving deployment for \(stage.rawValue)")],
            "RunOrder": 2,
        ]
    }

    /// What the deploy app reads (seed_code/deploy_app/app.py): the seed's three variables, the artifact bucket and
    /// key, and each stage's account and region with the bootstrap qualifier (a stage in another region gets its model
    /// data copied into its CDK staging bucket there).
    private var synthEnvironment: [(String, CFNValue)] {
        var environment: [(String, CFNValue)] = [
            ("MODEL_PACKAGE_GROUP_NAME", .sub(names.modelPackageGroup)),
            ("PROJECT_ID", .ref(ProjectTemplate.ParameterName.projectId.rawValue)),
            ("PROJECT_NAME", .ref(ProjectTemplate.ParameterName.projectName.rawValue)),
            ("PROJECT_PARAMETER_PREFIX", .sub(names.parameterPrefix)),
            ("ARTIFACT_BUCKET", .ref(ID.artifactBucket)),
            ("ARTIFACT_BUCKET_KMS_ARN", .getAtt(ID.artifactKey, "Arn")),
            ("CDK_QUALIFIER", .string(options.qualifier)),
        ]
        for stage in ProjectTemplateOptions.Stage.allCases {
            let prefix = stage.rawValue.uppercased()
            environment.append(("\(prefix)_ACCOUNT_ID", .string(options.environment(stage).account)))
            environment.append(("\(prefix)_REGION", .string(options.environment(stage).region)))
        }
        return environment
    }

    /// checkov (pip, pinned) instead of the seed's cfn-nag, whose Ruby runtime kept disappearing from CodeBuild images.
    private var scanBuildSpec: CFNValue {
        [
            "version": "0.2",
            "env": ["shell": "bash"],
            "phases": [
                "install": [
                    "runtime-versions": ["python": "3.11"],
                    "commands": [.string("pip install --quiet checkov==\(ProjectTemplate.checkovVersion)")],
                ],
                "build": [
                    "commands": [
                        "mkdir -p report",
                        "checkov --directory . --framework cloudformation --output cli --output junitxml --output-file-path console,report",
                    ],
                ],
            ],
            "artifacts": ["files": ["report/**/*"]],
        ]
    }
}
