/// One stage's real-time endpoint stack as typed values (what `seed_code/deploy_app/endpoint_stack.py`
/// renders, plus a KMS key for the endpoint's storage volume): the model's execution role, the key, a
/// SageMaker Model built from the model package, an EndpointConfig and the Endpoint.
///
/// The package ARN is also a stack parameter and output, so `mlopsctl promote` can tell which package a stage
/// serves from DescribeStacks alone.
public enum EndpointTemplate {
    public static let renderer = TemplateRenderer(style: .compact)

    public enum ParameterName: String, Sendable, CaseIterable {
        case modelPackageArn = "ModelPackageArn"
    }

    public enum OutputName: String, Sendable, CaseIterable {
        case endpointName = "EndpointName"
        case modelName = "ModelName"
        case endpointConfigName = "EndpointConfigName"
        case modelPackageArn = "ModelPackageArn"
    }

    /// Logical ids.
    enum ID {
        static let role = "ModelExecutionRole"
        static let key = "EndpointKey"
        static let model = "Model"
        static let endpointConfig = "EndpointConfig"
        static let endpoint = "Endpoint"
    }

    /// Stack tags: the SageMaker project tags plus the stage.
    public static func tags(_ options: EndpointTemplateOptions) -> [String: String] {
        [
            "sagemaker:project-name": options.projectName, "sagemaker:project-id": options.projectId,
            "sagemaker:deployment-stage": options.stage.rawValue,
        ]
    }

    public static func make(_ options: EndpointTemplateOptions) -> Template {
        let names = options.names
        let packageArn = CFNValue.ref(ParameterName.modelPackageArn.rawValue)
        return Template(
            description: "\(options.projectName) real-time endpoint (\(options.stage.rawValue)), managed by mlopsctl promote",
            parameters: [
                ParameterName.modelPackageArn.rawValue: Parameter(
                    description: "The approved model package the endpoint serves",
                    allowedPattern: #"^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package/.+$"#),
            ],
            resources: [
                ID.role: role(options, names),
                ID.key: key(options),
                ID.model: Resource(
                    type: "AWS::SageMaker::Model",
                    properties: [
                        "ModelName": .string(names.modelName),
                        "ExecutionRoleArn": .getAtt(ID.role, "Arn"),
                    ].merging(modelSource(options, packageArn)) { $1 }),
                ID.endpointConfig: Resource(type: "AWS::SageMaker::EndpointConfig", properties: endpointConfigProperties(options, names)),
                ID.endpoint: Resource(
                    type: "AWS::SageMaker::Endpoint",
                    properties: [
                        "EndpointName": .string(names.endpointName),
                        "EndpointConfigName": .getAtt(ID.endpointConfig, "EndpointConfigName"),
                    ]),
            ],
            outputs: [
                OutputName.endpointName.rawValue: Output(value: .getAtt(ID.endpoint, "EndpointName"), description: "The name clients invoke"),
                OutputName.modelName.rawValue: Output(value: .getAtt(ID.model, "ModelName")),
                OutputName.endpointConfigName.rawValue: Output(value: .getAtt(ID.endpointConfig, "EndpointConfigName")),
                OutputName.modelPackageArn.rawValue: Output(value: packageArn),
            ])
    }

    /// The model's containers: the package itself, or (in another region than the package) the regional containers.
    static func modelSource(_ options: EndpointTemplateOptions, _ packageArn: CFNValue) -> [String: CFNValue] {
        guard let containers = options.containers, !containers.isEmpty else { return ["PrimaryContainer": ["ModelPackageName": packageArn]] }
        if containers.count == 1 { return ["PrimaryContainer": containers[0].property] }
        // Several containers: an inference pipeline, run in the package's order.
        return ["Containers": .array(containers.map(\.property)), "InferenceExecutionConfig": ["Mode": "Serial"]]
    }

    static func endpointConfigProperties(_ options: EndpointTemplateOptions, _ names: EndpointNames) -> [String: CFNValue] {
        var properties: [String: CFNValue] = [
            "EndpointConfigName": .string(names.endpointConfigName),
            "KmsKeyId": .getAtt(ID.key, "Arn"),
            "ProductionVariants": [
                [
                    "ModelName": .getAtt(ID.model, "ModelName"),
                    "VariantName": .string(options.variantName),
                    "InitialInstanceCount": .int(options.initialInstanceCount),
                    "InstanceType": .string(options.instanceType),
                    "InitialVariantWeight": 1,
                ],
            ],
        ]
        if let capture = options.dataCapture { properties["DataCaptureConfig"] = capture.property }
        return properties
    }

    /// What the model's container needs: artifacts, images, logs and metrics (and the capture destination); nothing else.
    static func role(_ options: EndpointTemplateOptions, _ names: EndpointNames) -> Resource {
        let statements: [CFNValue] = [
            PolicyStatement.allow("ReadModelArtifacts", ["s3:GetObject"], readableModelData(options)),
            PolicyStatement.allow("DecryptModelArtifacts", ["kms:Decrypt", "kms:DescribeKey"], [.sub("arn:${AWS::Partition}:kms:*:*:key/*")],
                                  condition: ["StringLike": ["kms:ViaService": "s3.*.amazonaws.com"]]),
            PolicyStatement.allow(
                "PullImages", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                [.sub("arn:${AWS::Partition}:ecr:${AWS::Region}:*:repository/*")]),
            PolicyStatement.allow("EcrLogin", ["ecr:GetAuthorizationToken"], ["*"]),
            PolicyStatement.allow(
                "WriteLogs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                [.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/*")]),
            PolicyStatement.allow("PutMetrics", ["cloudwatch:PutMetricData"], ["*"]),
        ] + (options.dataCapture.map { [PolicyStatement.allow("WriteCapturedData", ["s3:PutObject"], [$0.objectArn])] } ?? [])
        return Resource(
            type: "AWS::IAM::Role",
            properties: [
                "RoleName": .string(names.executionRoleName),
                "Description": .string("Runs the \(options.projectName) \(options.stage.rawValue) endpoint's model"),
                "AssumeRolePolicyDocument": PolicyStatement.serviceTrust("sagemaker.amazonaws.com", sameAccount: true),
                "Policies": [["PolicyName": "model-execution", "PolicyDocument": PolicyStatement.document(statements)]],
            ])
    }

    /// The project's artifact buckets (`mlops-*`), and the regional copies of the model data the containers name.
    static func readableModelData(_ options: EndpointTemplateOptions) -> [CFNValue] {
        [.sub("arn:${AWS::Partition}:s3:::mlops-*/*")] + (options.containers ?? []).compactMap(\.modelDataArn)
    }

    /// The endpoint's storage-volume key. The policy is a JSON string: the emulator breaks on an object.
    static func key(_ options: EndpointTemplateOptions) -> Resource {
        let account: [CFNValue] = [.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")]
        let statements = [
            PolicyStatement.grant("AccountAdministersKey", to: account, ProjectTemplateBuilder.keyAdministration, ["*"]),
            PolicyStatement.grant("AccountUsesKey", to: account, ProjectTemplateBuilder.keyUse, ["*"]),
        ]
        return Resource(
            type: "AWS::KMS::Key",
            properties: [
                "Description": .string("Storage of the \(options.projectName) \(options.stage.rawValue) endpoint"),
                "EnableKeyRotation": true,
                "KeyPolicy": .subJSON(PolicyStatement.document(statements)),
                "PendingWindowInDays": 7,
            ],
            deletionPolicy: .delete,
            updateReplacePolicy: .delete)
    }
}
