// EventBridge rules that start the pipelines: a change of either app's source, and a model package approved
// or rejected in the project's group (the deploy pipeline then ships the latest approved package).
//
// For the `.s3` source the rules match S3's own "Object Created" events (the source bucket sends them to
// EventBridge) rather than letting CodePipeline poll: a push starts the pipeline within seconds, nothing polls
// idle projects, no CloudTrail trail is needed, and CodeCommit and S3 sources behave alike.
extension ProjectTemplateBuilder {
    var triggerResources: [String: Resource] {
        [
            ID.buildSourceRule: rule(
                name: names.buildSourceRule, description: "Starts the model build pipeline when its source changes",
                pattern: sourceChangePattern(key: options.buildKey, repository: names.buildRepository),
                pipeline: names.buildPipeline, dependsOn: ID.buildPipeline),
            ID.deploySourceRule: rule(
                name: names.deploySourceRule, description: "Starts the model deploy pipeline when its source changes",
                pattern: sourceChangePattern(key: options.deployKey, repository: names.deployRepository),
                pipeline: names.deployPipeline, dependsOn: ID.deployPipeline),
            ID.modelApprovalRule: rule(
                name: names.modelApprovalRule, description: "Starts the model deploy pipeline when a model package is approved or rejected",
                pattern: [
                    "source": ["aws.sagemaker"],
                    "detail-type": ["SageMaker Model Package State Change"],
                    "detail": [
                        "ModelPackageGroupName": [.sub(names.modelPackageGroup)],
                        "ModelApprovalStatus": ["Approved", "Rejected"],
                    ],
                ],
                pipeline: names.deployPipeline, dependsOn: ID.deployPipeline),
        ]
    }

    private func sourceChangePattern(key: String, repository: String) -> CFNValue {
        switch options.source {
        case .s3:
            return [
                "source": ["aws.s3"],
                "detail-type": ["Object Created"],
                "detail": ["bucket": ["name": [.ref(ID.sourceBucket)]], "object": ["key": [.string(key)]]],
            ]
        case .codeCommit:
            return [
                "source": ["aws.codecommit"],
                "detail-type": ["CodeCommit Repository State Change"],
                "resources": [.sub(names.codeCommitARN(repository))],
                "detail": [
                    "event": ["referenceCreated", "referenceUpdated"],
                    "referenceType": ["branch"],
                    "referenceName": [.string(ProjectTemplate.branch)],
                ],
            ]
        }
    }

    /// The pipeline is named (not `Ref`-ed: the emulator skips CodePipeline) and waited for with `DependsOn`.
    private func rule(name: String, description: String, pattern: CFNValue, pipeline: String, dependsOn: String) -> Resource {
        Resource(
            type: "AWS::Events::Rule",
            properties: [
                "Name": .sub(name),
                "Description": .string(description),
                "EventPattern": pattern,
                "State": "ENABLED",
                "Targets": [
                    ["Id": "Pipeline", "Arn": .sub(names.codePipelineARN(pipeline)), "RoleArn": .getAtt(ID.eventsRole, "Arn")],
                ],
                "Tags": tags,
            ],
            dependsOn: [dependsOn])
    }
}
