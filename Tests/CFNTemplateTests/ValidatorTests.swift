import Testing
@testable import CFNTemplate

@Suite struct ValidatorTests {
    /// A small template with no problems, to break one thing at a time.
    static var valid: Template {
        Template(
            parameters: [
                "Stage": Parameter(default: "dev", allowedValues: ["dev", "prod"]),
                "Qualifier": Parameter(default: "hnb659fds", allowedPattern: "[A-Za-z0-9_-]{1,10}"),
                "Accounts": Parameter(type: .commaDelimitedList, default: "111111111111,222222222222", allowedPattern: "[0-9]{12}"),
            ],
            mappings: ["Sizes": ["dev": ["Count": 1]]],
            conditions: ["IsProd": .equals(.ref("Stage"), "prod"), "IsDev": .not(.condition("IsProd"))],
            resources: [
                "Bucket": Resource(type: "AWS::S3::Bucket", properties: [
                    "BucketName": .sub("cdk-${Qualifier}-${AWS::AccountId}-${Suffix}-${!Literal}", variables: ["Suffix": .ref("Stage")]),
                    "Tags": [["Key": "count", "Value": .findInMap("Sizes", .ref("Stage"), "Count")]],
                ]),
                "Param": Resource(
                    type: "AWS::SSM::Parameter",
                    properties: ["Name": "/x", "Type": "String", "Value": .sub("${Bucket.Arn} ${Bucket}"),
                                 "Description": .if("IsProd", .getAtt("Bucket", "Arn"), .noValue)],
                    condition: "IsDev", dependsOn: ["Bucket"]),
            ],
            outputs: ["Arn": Output(value: .getAtt("Bucket", "Arn"), exportName: .sub("${AWS::StackName}-Arn"), condition: "IsDev")])
    }

    @Test func aValidTemplateHasNoProblems() throws {
        #expect(TemplateValidator().problems(in: Self.valid).isEmpty)
        try TemplateValidator().validate(Self.valid)
    }

    @Test func builtInTemplatesHaveNoProblems() throws {
        try TemplateValidator().validate(BootstrapTemplate.make(), name: "bootstrap template")
        for stage in ExecutionPolicyDocuments.stages {
            try TemplateValidator().validate(try ExecutionPolicyTemplate.make(stage: stage), name: "execution policy \(stage)")
        }
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout Template) -> Void
        var expected: TemplateProblem
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "Ref to an undefined name", change: { $0.resources["Param"]!.properties["Value"] = .ref("Nope") },
                 expected: TemplateProblem(location: "Resources.Param.Properties.Value", kind: .undefinedReference("Nope"))),
        Breakage(name: "Ref to an unknown pseudo parameter", change: { $0.outputs["Arn"]!.value = .ref("AWS::Nope") },
                 expected: TemplateProblem(location: "Outputs.Arn.Value", kind: .undefinedReference("AWS::Nope"))),
        Breakage(name: "GetAtt on an undefined resource", change: { $0.outputs["Arn"]!.value = .getAtt("Stage", "Arn") },
                 expected: TemplateProblem(location: "Outputs.Arn.Value", kind: .undefinedGetAttResource("Stage", attribute: "Arn"))),
        Breakage(name: "Sub variable undefined", change: { $0.resources["Param"]!.properties["Value"] = .sub("${Missing}") },
                 expected: TemplateProblem(location: "Resources.Param.Properties.Value", kind: .undefinedSubVariable("Missing"))),
        Breakage(name: "Sub GetAtt form on an undefined resource",
                 change: { $0.resources["Param"]!.properties["Value"] = .sub("${Gone.Arn}") },
                 expected: TemplateProblem(location: "Resources.Param.Properties.Value", kind: .undefinedSubVariable("Gone.Arn"))),
        Breakage(name: "Sub variable map value with a bad Ref",
                 change: { $0.resources["Param"]!.properties["Value"] = .sub("${V}", variables: ["V": .ref("Nope")]) },
                 expected: TemplateProblem(location: "Resources.Param.Properties.Value.Fn::Sub[1].V", kind: .undefinedReference("Nope"))),
        Breakage(name: "resource Condition undefined", change: { $0.resources["Param"]!.condition = "IsTest" },
                 expected: TemplateProblem(location: "Resources.Param.Condition", kind: .undefinedCondition("IsTest"))),
        Breakage(name: "Fn::If condition undefined",
                 change: { $0.resources["Param"]!.properties["Description"] = .if("IsTest", "a", "b") },
                 expected: TemplateProblem(location: "Resources.Param.Properties.Description.Fn::If", kind: .undefinedCondition("IsTest"))),
        Breakage(name: "Condition function naming an undefined condition", change: { $0.conditions["IsDev"] = .not(.condition("IsTest")) },
                 expected: TemplateProblem(location: "Conditions.IsDev.Fn::Not.Condition", kind: .undefinedCondition("IsTest"))),
        Breakage(name: "output Condition undefined", change: { $0.outputs["Arn"]!.condition = "IsTest" },
                 expected: TemplateProblem(location: "Outputs.Arn.Condition", kind: .undefinedCondition("IsTest"))),
        Breakage(name: "FindInMap on an undefined map",
                 change: { $0.resources["Bucket"]!.properties["Tags"] = [["Key": "k", "Value": .findInMap("Nope", "a", "b")]] },
                 expected: TemplateProblem(location: "Resources.Bucket.Properties.Tags[0].Value.Fn::FindInMap", kind: .undefinedMapping("Nope"))),
        Breakage(name: "DependsOn unknown", change: { $0.resources["Param"]!.dependsOn = ["Bucket", "Ghost"] },
                 expected: TemplateProblem(location: "Resources.Param.DependsOn", kind: .unknownDependency("Ghost"))),
        Breakage(name: "default not matching AllowedPattern", change: { $0.parameters["Qualifier"]!.default = "far-too-long-qualifier" },
                 expected: TemplateProblem(location: "Parameters.Qualifier.Default",
                                           kind: .defaultDoesNotMatchPattern(value: "far-too-long-qualifier", pattern: "[A-Za-z0-9_-]{1,10}"))),
        Breakage(name: "list default element not matching AllowedPattern",
                 change: { $0.parameters["Accounts"]!.default = "111111111111,12345" },
                 expected: TemplateProblem(location: "Parameters.Accounts.Default",
                                           kind: .defaultDoesNotMatchPattern(value: "12345", pattern: "[0-9]{12}"))),
        Breakage(name: "default outside AllowedValues", change: { $0.parameters["Stage"]!.default = "test" },
                 expected: TemplateProblem(location: "Parameters.Stage.Default", kind: .defaultNotAllowed(value: "test", allowed: ["dev", "prod"]))),
        Breakage(name: "invalid AllowedPattern", change: { $0.parameters["Qualifier"]!.allowedPattern = "[a-z" },
                 expected: TemplateProblem(location: "Parameters.Qualifier.AllowedPattern", kind: .invalidAllowedPattern("[a-z"))),
        Breakage(name: "resource logical id with a hyphen",
                 change: { $0.resources["My-Bucket"] = Resource(type: "AWS::S3::Bucket") },
                 expected: TemplateProblem(location: "Resources.My-Bucket", kind: .invalidLogicalID("My-Bucket"))),
        Breakage(name: "output logical id with an underscore", change: { $0.outputs["Bucket_Arn"] = Output(value: "x") },
                 expected: TemplateProblem(location: "Outputs.Bucket_Arn", kind: .invalidLogicalID("Bucket_Arn"))),
        Breakage(name: "parameter logical id too long",
                 change: { $0.parameters[String(repeating: "P", count: 256)] = Parameter() },
                 expected: TemplateProblem(location: "Parameters.\(String(repeating: "P", count: 256))",
                                           kind: .invalidLogicalID(String(repeating: "P", count: 256)))),
        Breakage(name: "too many outputs",
                 change: { template in for index in 0..<201 { template.outputs["O\(index)"] = Output(value: "x") } },
                 expected: TemplateProblem(location: "Outputs", kind: .tooManyEntries(count: 202, limit: 200))),
    ]

    @Test(arguments: breakages)
    func reportsTheProblem(_ breakage: Breakage) {
        var template = Self.valid
        breakage.change(&template)
        #expect(TemplateValidator().problems(in: template) == [breakage.expected])
    }

    @Test func neverRepeatsANoEchoDefault() {
        var template = Self.valid
        template.parameters["Token"] = Parameter(default: "s3cr3t-value", allowedPattern: "[0-9]+", noEcho: true)
        let problems = TemplateValidator().problems(in: template)
        #expect(problems == [TemplateProblem(location: "Parameters.Token.Default",
                                             kind: .defaultDoesNotMatchPattern(value: "****", pattern: "[0-9]+"))])
        #expect(!problems.description.contains("s3cr3t"))
    }

    @Test func reportsTheTemplateSizeAgainstTheBodyLimit() {
        var template = Self.valid
        template.description = String(repeating: "x", count: 51_200)
        let problems = TemplateValidator().problems(in: template)
        let bytes = TemplateRenderer().data(template).count
        #expect(problems == [TemplateProblem(location: "template", kind: .templateTooLarge(bytes: bytes, limit: 51_200))])
        // A higher limit (a TemplateURL upload) accepts it.
        #expect(TemplateValidator(maximumBodyBytes: 60_000).problems(in: template).isEmpty)
    }

    @Test func reportsEveryProblemAtOnceInOneLine() {
        var template = Self.valid
        template.resources["Param"]!.dependsOn = ["Ghost"]
        template.resources["Param"]!.condition = "IsTest"
        template.outputs["Arn"]!.value = .ref("Nope")
        template.parameters["Stage"]!.default = "test"
        #expect(TemplateValidator().problems(in: template).count == 4)
        #expect {
            try TemplateValidator().validate(template, name: "sample template")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("sample template has 4 problems: ") && !text.contains("\n")
                && text.contains("Resources.Param.DependsOn: DependsOn Ghost names no resource")
                && text.contains("Outputs.Arn.Value: Ref Nope")
        }
    }

    @Test(arguments: ["${A}", "x${A}y${B.C}", "${!Literal}${A}", "${A", "no variables"])
    func findsSubVariables(text: String) {
        let expected: [String: [String]] = [
            "${A}": ["A"], "x${A}y${B.C}": ["A", "B.C"], "${!Literal}${A}": ["A"], "${A": [], "no variables": [],
        ]
        #expect(ReferenceChecker.subVariables(in: text) == expected[text])
    }
}
