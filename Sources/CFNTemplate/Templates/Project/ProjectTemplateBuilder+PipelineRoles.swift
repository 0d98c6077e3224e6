// The CodePipeline service roles and the EventBridge role that starts the pipelines.
extension ProjectTemplateBuilder {
    var pipelineRoleResources: [String: Resource] {
        [
            ID.buildPipelineRole: role(
                names.buildPipelineRole, service: "codepipeline.amazonaws.com", description: "Runs the model build pipeline",
                statements: pipelineArtifactReadWrite + sourceStatements(key: options.buildKey, repository: names.buildRepository) + [
                    startBuilds([names.buildProject]),
                ]),
            ID.deployPipelineRole: role(
                names.deployPipelineRole, service: "codepipeline.amazonaws.com", description: "Runs the model deploy pipeline",
                statements: pipelineArtifactReadWrite + supportArtifactReadWrite
                    + sourceStatements(key: options.deployKey, repository: names.deployRepository) + [
                    startBuilds([names.synthProject, names.scanProject]),
                    // Each CloudFormation action runs as the CDK deploy role of its target account, which passes
                    // that account's cfn-exec role to CloudFormation; the deploy roles trust the dev account.
                    PolicyStatement.allow("AssumeDeployRoles", ["sts:AssumeRole"], deployRoleARNs.map(CFNValue.string)),
                ]),
            ID.eventsRole: role(
                names.eventsRole, service: "events.amazonaws.com", description: "Starts the project's pipelines on EventBridge events",
                statements: [
                    PolicyStatement.allow("StartPipelines", ["codepipeline:StartPipelineExecution"], [
                        .sub(names.codePipelineARN(names.buildPipeline)), .sub(names.codePipelineARN(names.deployPipeline)),
                    ]),
                ]),
        ]
    }

    /// CodePipeline replicates the artifacts of a cross-region action into that region's support bucket (as the pipeline
    /// role), encrypted with the support key, which is named by its alias only (its id is not known to this template).
    var supportArtifactReadWrite: [CFNValue] {
        let regions = options.supportRegions
        guard !regions.isEmpty else { return [] }
        let supports = regions.map(options.supportNames)
        return [
            PolicyStatement.allow(
                "SupportArtifacts", ["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                supports.flatMap { [.string($0.bucketARN), .string("\($0.bucketARN)/*")] }),
            PolicyStatement.allow(
                "SupportKeys", Self.keyUse, supports.map { .string($0.keysARN) },
                condition: ["ForAnyValue:StringEquals": ["kms:ResourceAliases": .string(supports[0].keyAlias)]]),
        ]
    }

    /// Read the source: one object of the source bucket, or one CodeCommit repository.
    private func sourceStatements(key: String, repository: String) -> [CFNValue] {
        switch options.source {
        case .s3:
            return [
                PolicyStatement.allow("SourceObject", ["s3:GetObject", "s3:GetObjectVersion"], [.sub("${\(ID.sourceBucket).Arn}/\(key)")]),
                PolicyStatement.allow("SourceBucket", ["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"],
                                      [.getAtt(ID.sourceBucket, "Arn")]),
            ]
        case .codeCommit:
            return [
                PolicyStatement.allow(
                    "SourceRepository",
                    ["codecommit:CancelUploadArchive", "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository",
                     "codecommit:GetUploadArchiveStatus", "codecommit:UploadArchive"],
                    [.sub(names.codeCommitARN(repository))]),
            ]
        }
    }

    private func startBuilds(_ projects: [String]) -> CFNValue {
        PolicyStatement.allow("StartBuilds", ["codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"],
                              projects.map { .sub(names.codeBuildARN($0)) })
    }
}
