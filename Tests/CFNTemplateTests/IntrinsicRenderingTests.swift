import Testing
@testable import CFNTemplate

/// Each value form renders to exactly the JSON CloudFormation documents for it.
@Suite struct IntrinsicRenderingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var value: CFNValue
        var json: String
        var testDescription: String { json }
    }

    static let cases: [Case] = [
        Case(value: "text", json: #""text""#),
        Case(value: 42, json: "42"),
        Case(value: -7, json: "-7"),
        Case(value: true, json: "true"),
        Case(value: false, json: "false"),
        Case(value: [1, "a"], json: #"[1,"a"]"#),
        Case(value: ["k": "v"], json: #"{"k":"v"}"#),
        Case(value: .ref("Bucket"), json: #"{"Ref":"Bucket"}"#),
        Case(value: .getAtt("Bucket", "Arn"), json: #"{"Fn::GetAtt":["Bucket","Arn"]}"#),
        Case(value: .getAtt("Db", "Endpoint.Address"), json: #"{"Fn::GetAtt":["Db","Endpoint.Address"]}"#),
        Case(value: .sub("arn:${AWS::Partition}:s3:::${Bucket}"), json: #"{"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}"}"#),
        Case(value: .sub("${Name}-x", variables: ["Name": .ref("Stage")]), json: #"{"Fn::Sub":["${Name}-x",{"Name":{"Ref":"Stage"}}]}"#),
        Case(value: .join(",", ["a", .ref("B")]), json: #"{"Fn::Join":[",",["a",{"Ref":"B"}]]}"#),
        Case(value: .join("", .ref("List")), json: #"{"Fn::Join":["",{"Ref":"List"}]}"#),
        Case(value: .if("IsProd", 3, .noValue), json: #"{"Fn::If":["IsProd",3,{"Ref":"AWS::NoValue"}]}"#),
        Case(value: .equals("", .ref("P")), json: #"{"Fn::Equals":["",{"Ref":"P"}]}"#),
        Case(value: .not(.condition("IsProd")), json: #"{"Fn::Not":[{"Condition":"IsProd"}]}"#),
        Case(value: .and([.condition("A"), .condition("B")]), json: #"{"Fn::And":[{"Condition":"A"},{"Condition":"B"}]}"#),
        Case(value: .or([.condition("A"), .equals("x", "y")]), json: #"{"Fn::Or":[{"Condition":"A"},{"Fn::Equals":["x","y"]}]}"#),
        Case(value: .select(0, .getAZs("")), json: #"{"Fn::Select":[0,{"Fn::GetAZs":""}]}"#),
        Case(value: .split(",", .ref("Csv")), json: #"{"Fn::Split":[",",{"Ref":"Csv"}]}"#),
        Case(value: .importValue(.sub("${Net}-Vpc")), json: #"{"Fn::ImportValue":{"Fn::Sub":"${Net}-Vpc"}}"#),
        Case(value: .findInMap("Sizes", .ref("Stage"), "Count"), json: #"{"Fn::FindInMap":["Sizes",{"Ref":"Stage"},"Count"]}"#),
        Case(value: .base64(.sub("#!/bin/sh\necho ${AWS::Region}")), json: ##"{"Fn::Base64":{"Fn::Sub":"#!/bin/sh\necho ${AWS::Region}"}}"##),
        Case(value: .getAZs(.region), json: #"{"Fn::GetAZs":{"Ref":"AWS::Region"}}"#),
        Case(value: .condition("IsProd"), json: #"{"Condition":"IsProd"}"#),
        Case(value: .noValue, json: #"{"Ref":"AWS::NoValue"}"#),
        Case(value: .accountId, json: #"{"Ref":"AWS::AccountId"}"#),
        Case(value: .region, json: #"{"Ref":"AWS::Region"}"#),
        Case(value: .partition, json: #"{"Ref":"AWS::Partition"}"#),
        Case(value: .urlSuffix, json: #"{"Ref":"AWS::URLSuffix"}"#),
        Case(value: .stackName, json: #"{"Ref":"AWS::StackName"}"#),
        Case(value: .stackId, json: #"{"Ref":"AWS::StackId"}"#),
        Case(value: .notificationARNs, json: #"{"Ref":"AWS::NotificationARNs"}"#),
        Case(value: .ref(.region), json: #"{"Ref":"AWS::Region"}"#),
    ]

    @Test(arguments: cases)
    func rendersTheCloudFormationForm(_ testCase: Case) {
        #expect(TemplateRenderer(style: .compact).render(testCase.value) == testCase.json)
    }

    /// A new case in `CFNValue` without a row above fails here.
    @Test func everyCaseHasARow() {
        let expected: Set<String> = [
            "string", "int", "bool", "array", "object", "ref", "getAtt", "sub", "join", "if", "equals", "not", "and", "or",
            "select", "split", "importValue", "findInMap", "base64", "getAZs", "condition",
        ]
        #expect(Set(Self.cases.map(\.value.caseName)) == expected)
    }

    @Test func everyPseudoParameterIsReachable() {
        let pseudo: [CFNValue] = [.accountId, .region, .partition, .urlSuffix, .stackName, .stackId, .notificationARNs, .noValue]
        #expect(Set(pseudo.compactMap { value -> String? in if case .ref(let name) = value { return name } else { return nil } })
            == PseudoParameter.names)
    }

    @Test func literalsBuildTheMatchingCases() {
        let interpolated: CFNValue = "cdk-\(BootstrapNames.defaultQualifier)"
        #expect(interpolated == .string("cdk-hnb659fds"))
        let duplicate: CFNValue = ["k": 1, "k": 2]
        #expect(duplicate == .object(["k": 2]))
    }
}
