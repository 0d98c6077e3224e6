import Foundation
import Testing
@testable import CFNTemplate

/// The endpoint stack of `mlopsctl promote`: names within SageMaker's limits for the longest project, names
/// that change with the package (and only then), the emulator's KMS constraint, the validator and cfn-lint.
@Suite struct EndpointTemplateTests {
    static let arn = "arn:aws:sagemaker:eu-west-1:222222222222:model-package/churn-p-abc123/3"

    static func options(
        name: String = "churn", id: String = "p-abc123", stage: ProjectTemplateOptions.Stage = .dev, arn: String = arn, count: Int = 1,
        capture: EndpointDataCapture? = nil
    ) -> EndpointTemplateOptions {
        EndpointTemplateOptions(
            projectName: name, projectId: id, stage: stage, modelPackageArn: arn, instanceType: "ml.m5.large", initialInstanceCount: count,
            variantName: "AllTraffic", dataCapture: capture)
    }

    static let capture = EndpointDataCapture(samplingPercentage: 20, destinationS3Uri: "s3://churn-capture-444444444444/prod/")

    @Test(arguments: ProjectTemplateOptions.Stage.allCases)
    func longestProjectNamesFitSageMaker(stage: ProjectTemplateOptions.Stage) {
        let (name, id) = ("A" + String(repeating: "b", count: 31), "p-" + String(repeating: "a", count: 14))
        let names = Self.options(name: name, id: id, stage: stage).names
        for name in [names.endpointName, names.modelName, names.endpointConfigName] {
            #expect(name.count <= 63, "\(name) has \(name.count) characters")
            #expect(NameRule.sageMaker.problem(with: name) == nil, "\(name)")
        }
        #expect(NameRule.iamRole.problem(with: names.executionRoleName) == nil && names.executionRoleName.hasPrefix("mlops-"))
        #expect(NameRule.stackName.problem(with: names.stackName) == nil)
        // The endpoint name fits whole; the model and config names would not (64 to 69) and are shortened with a hash.
        #expect(names.endpointName == "\(name)-\(id)-\(stage.rawValue)")
        #expect(names.modelName.count == 63 && names.endpointConfigName.count == 63)
        #expect(names.modelName.hasPrefix(String(name.prefix(30))) && names.endpointConfigName.contains("-ec-"))
    }

    @Test func shortNamesAreReadable() {
        let names = Self.options(stage: .preprod).names
        #expect(names.stackName == "mlops-churn-endpoint-preprod")
        #expect(names.endpointName == "churn-p-abc123-preprod")
        #expect(names.modelName.hasPrefix("churn-p-abc123-preprod-m-") && names.modelName.count == "churn-p-abc123-preprod-m-".count + 8)
        #expect(names.endpointConfigName.hasPrefix("churn-p-abc123-preprod-ec-"))
    }

    @Test func anotherPackageOrSizeGivesFreshModelAndConfigNamesButTheSameEndpoint() {
        let first = Self.options().names
        let again = Self.options().names
        let other = Self.options(arn: Self.arn.replacingOccurrences(of: "/3", with: "/4")).names
        let bigger = Self.options(count: 2).names
        let captured = Self.options(capture: Self.capture).names
        #expect(first == again)
        for changed in [other, bigger, captured] {
            #expect(changed.modelName != first.modelName && changed.endpointConfigName != first.endpointConfigName)
            #expect(changed.endpointName == first.endpointName && changed.stackName == first.stackName)
        }
    }

    @Test func templateServesThePackageFromItsParameterWithAStringKeyPolicy() throws {
        let options = Self.options()
        let template = EndpointTemplate.make(options)
        try TemplateValidator().validate(template, name: "endpoint")
        #expect(Set(template.resources.values.map(\.type)) == [
            "AWS::IAM::Role", "AWS::KMS::Key", "AWS::SageMaker::Model", "AWS::SageMaker::EndpointConfig", "AWS::SageMaker::Endpoint",
        ])
        let model = try #require(template.resources["Model"])
        #expect(model.properties["PrimaryContainer"] == ["ModelPackageName": .ref("ModelPackageArn")])
        #expect(model.properties["ModelName"] == .string(options.names.modelName))
        let key = try #require(template.resources["EndpointKey"])
        guard case .sub(let policy, _)? = key.properties["KeyPolicy"] else {
            Issue.record("KeyPolicy must be a JSON string (Fn::Sub) for the emulator")
            return
        }
        #expect(policy.contains("\"kms:Decrypt\"") && policy.contains("${AWS::AccountId}"))
        let config = try #require(template.resources["EndpointConfig"])
        guard case .array(let variants)? = config.properties["ProductionVariants"], case .object(let variant)? = variants.first else {
            Issue.record("one production variant expected")
            return
        }
        #expect(variant["InstanceType"] == "ml.m5.large" && variant["InitialInstanceCount"] == 1 && variant["VariantName"] == "AllTraffic")
        #expect(config.properties["KmsKeyId"] == .getAtt("EndpointKey", "Arn"))
        #expect(template.outputs["ModelPackageArn"]?.value == .ref("ModelPackageArn"))
    }

    @Test func dataCaptureAddsTheCaptureConfigAndLetsTheModelWriteOnlyThere() throws {
        let template = EndpointTemplate.make(Self.options(capture: Self.capture))
        try TemplateValidator().validate(template, name: "endpoint")
        let config = try #require(template.resources["EndpointConfig"])
        guard case .object(let capture)? = config.properties["DataCaptureConfig"] else {
            Issue.record("DataCaptureConfig expected")
            return
        }
        #expect(capture["EnableCapture"] == true && capture["InitialSamplingPercentage"] == 20)
        #expect(capture["DestinationS3Uri"] == "s3://churn-capture-444444444444/prod/")
        #expect(capture["CaptureOptions"] == [["CaptureMode": "Input"], ["CaptureMode": "Output"]])
        let role = EndpointTemplate.renderer.render(Template(resources: ["R": try #require(template.resources["ModelExecutionRole"])]))
        #expect(role.contains(#""Sid":"WriteCapturedData""#) && role.contains("s3:::churn-capture-444444444444/prod/*"), "\(role)")
        // Without capture: no capture config and no write grant.
        let plain = EndpointTemplate.make(Self.options())
        #expect(plain.resources["EndpointConfig"]?.properties["DataCaptureConfig"] == nil)
        #expect(!EndpointTemplate.renderer.render(plain).contains("WriteCapturedData"))
    }

    static let container = EndpointContainer(
        image: "783357654285.dkr.ecr.ap-southeast-2.amazonaws.com/sagemaker-xgboost:1.7-1",
        modelDataUrl: "s3://cdk-hnb659fds-assets-444444444444-ap-southeast-2/mlopsctl/model-data/churn/0a1b/model.tar.gz",
        environment: ["SAGEMAKER_PROGRAM": "inference.py"])

    /// Prod in another region than the package: the model from regional containers.
    static func regional(_ containers: [EndpointContainer]) -> EndpointTemplateOptions {
        var options = Self.options(stage: .prod, count: 2)
        options.containers = containers
        return options
    }

    @Test func inAnotherRegionTheModelIsBuiltFromTheContainersAndItsRoleReadsTheirData() throws {
        let one = EndpointTemplate.make(Self.regional([Self.container]))
        let model = try #require(one.resources["Model"]?.properties)
        #expect(model["PrimaryContainer"] == [
            "Image": .string(Self.container.image), "ModelDataUrl": .string(Self.container.modelDataUrl!), "Environment": ["SAGEMAKER_PROGRAM": "inference.py"],
        ])
        let text = EndpointTemplate.renderer.render(one)
        #expect(!text.contains("ModelPackageName") && text.contains(#""ModelPackageArn":{"Value":{"Ref":"ModelPackageArn"}}"#), "the package stays a parameter: \(text)")
        #expect(text.contains("arn:${AWS::Partition}:s3:::cdk-hnb659fds-assets-444444444444-ap-southeast-2/mlopsctl/model-data/churn/0a1b/model.tar.gz"))
        // Several containers: a serial inference pipeline, in the package's order.
        let two = EndpointTemplate.make(Self.regional([Self.container, EndpointContainer(image: "x.dkr.ecr/y")]))
        let properties = try #require(two.resources["Model"]?.properties)
        #expect(properties["PrimaryContainer"] == nil && properties["InferenceExecutionConfig"] == ["Mode": "Serial"])
        // Other containers (another copy, another image) give the model a fresh name, as a replaced model needs.
        #expect(Self.regional([Self.container]).names.modelName != Self.options(stage: .prod, count: 2).names.modelName)
        var moved = Self.container
        moved.modelDataUrl = "s3://elsewhere/model.tar.gz"
        #expect(Self.regional([Self.container]).names.modelName != Self.regional([moved]).names.modelName)
    }

    @Test func endpointTemplateHasNoLintFindings() async throws {
        guard let linter = CFNLintTests.locateLinter() else { return }
        var templates = Dictionary(uniqueKeysWithValues: ProjectTemplateOptions.Stage.allCases.map {
            ("endpoint-\($0.rawValue).json", EndpointTemplate.make(Self.options(stage: $0, count: $0 == .prod ? 2 : 1)))
        })
        templates["endpoint-prod-capture.json"] = EndpointTemplate.make(Self.options(stage: .prod, count: 2, capture: Self.capture))
        templates["endpoint-prod-regional.json"] = EndpointTemplate.make(Self.regional([Self.container]))
        templates["endpoint-prod-pipeline.json"] = EndpointTemplate.make(Self.regional([Self.container, EndpointContainer(image: Self.container.image)]))
        let (status, findings, output) = try await CFNLintTests.lint(linter, templates)
        #expect(status & ~(2 | 4 | 8) == 0, "cfn-lint failed to run: \(output)")
        #expect(status & 2 == 0, "cfn-lint errors:\n\(output)")
        #expect(findings.isEmpty, "cfn-lint findings:\n\(output)")
    }
}
