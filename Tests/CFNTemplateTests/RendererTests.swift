import Foundation
import Testing
@testable import CFNTemplate

@Suite struct RendererTests {
    /// A template touching every section, built in two different insertion orders.
    static func sample(reversed: Bool) -> Template {
        var resources: [(String, Resource)] = [
            ("Zeta", Resource(type: "AWS::SSM::Parameter", properties: ["Name": "/z", "Type": "String", "Value": .ref("Alpha")])),
            ("Alpha", Resource(type: "AWS::S3::Bucket", properties: ["Tags": [["Key": "k", "Value": "v"]]])),
            ("beta", Resource(type: "AWS::SNS::Topic")),
        ]
        if reversed { resources.reverse() }
        var template = Template(description: "sample")
        for (name, resource) in resources { template.resources[name] = resource }
        template.parameters["Stage"] = Parameter(default: "dev", allowedValues: ["dev", "prod"])
        template.conditions["IsProd"] = .equals(.ref("Stage"), "prod")
        template.mappings["Sizes"] = ["dev": ["Count": 1], "prod": ["Count": 3]]
        template.outputs["Name"] = Output(value: .ref("Alpha"), exportName: .sub("${AWS::StackName}-Name"))
        return template
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        let renderer = TemplateRenderer()
        let first = renderer.data(Self.sample(reversed: false))
        let second = renderer.data(Self.sample(reversed: false))
        #expect(first == second)
    }

    @Test func insertionOrderDoesNotMatter() {
        let renderer = TemplateRenderer()
        #expect(renderer.render(Self.sample(reversed: false)) == renderer.render(Self.sample(reversed: true)))
        #expect(TemplateRenderer(style: .compact).render(Self.sample(reversed: false))
            == TemplateRenderer(style: .compact).render(Self.sample(reversed: true)))
    }

    @Test func keysAreSortedByTheirUTF8Bytes() {
        let value: CFNValue = ["b": 1, "a": 2, "B": 3, "_": 4, "é": 5, "aa": 6, "Z": 7]
        // Upper case before "_" before lower case before non-ASCII; a prefix before its extensions.
        #expect(TemplateRenderer(style: .compact).render(value) == #"{"B":3,"Z":7,"_":4,"a":2,"aa":6,"b":1,"é":5}"#)
    }

    @Test func topLevelSectionsAreSortedAndEmptyOnesLeftOut() throws {
        let text = TemplateRenderer(style: .compact).render(Self.sample(reversed: false))
        let sections = ["AWSTemplateFormatVersion", "Conditions", "Description", "Mappings", "Outputs", "Parameters", "Resources"]
        let positions = sections.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!text.contains("\"Rules\"") && !text.contains("\"Metadata\""))
        #expect(text.hasPrefix(#"{"AWSTemplateFormatVersion":"2010-09-09","#))
    }

    @Test func emptyTemplateStillHasResources() {
        #expect(TemplateRenderer(style: .compact).render(Template()) == #"{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}"#)
    }

    @Test func prettyStyleUsesTwoSpacesAndEndsWithANewline() {
        let template = Template(resources: ["Topic": Resource(type: "AWS::SNS::Topic", properties: ["Tags": [], "Names": ["a", 1, true]])])
        let expected = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Topic": {
                  "Properties": {
                    "Names": [
                      "a",
                      1,
                      true
                    ],
                    "Tags": []
                  },
                  "Type": "AWS::SNS::Topic"
                }
              }
            }

            """
        #expect(TemplateRenderer().render(template) == expected)
    }

    @Test func stringsAreEscapedOnlyWhereJSONRequires() {
        let value: CFNValue = .string("q\"b\\s/n\nr\rt\tc\u{01}d\u{1F}é✓")
        #expect(TemplateRenderer(style: .compact).render(value) == #""q\"b\\s/n\nr\rt\tc\u0001d\u001fé✓""#)
        // And the result is JSON that Foundation reads back to the same string.
        let data = Data(TemplateRenderer(style: .compact).render(["k": value]).utf8)
        let decoded = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(decoded?["k"] == "q\"b\\s/n\nr\rt\tc\u{01}d\u{1F}é✓")
    }

    @Test func parameterResourceAndOutputFieldsUseCloudFormationNames() {
        var template = Template()
        template.parameters["P"] = Parameter(type: .number, default: "5", description: "d", allowedPattern: "[0-9]+", allowedValues: ["5"],
                                             constraintDescription: "c", noEcho: true, minLength: 1, maxLength: 2, minValue: 3, maxValue: 9)
        template.conditions["C"] = .equals(.ref("P"), "5")
        template.resources["R"] = Resource(type: "AWS::SNS::Topic", condition: "C", dependsOn: ["S"], deletionPolicy: .retain,
                                           updateReplacePolicy: .snapshot, metadata: ["Note": "x"])
        template.resources["S"] = Resource(type: "AWS::SNS::Topic")
        template.outputs["O"] = Output(value: .ref("R"), description: "o", exportName: "E", condition: "C")
        template.rules["Check"] = Rule(ruleCondition: .equals(.ref("P"), "5"),
                                       assertions: [.init(assert: .not(.equals(.ref("P"), "6")), description: "not six")])
        template.metadata["Owner"] = "team"
        let text = TemplateRenderer(style: .compact).render(template)
        #expect(text.contains(#""P":{"AllowedPattern":"[0-9]+","AllowedValues":["5"],"ConstraintDescription":"c","Default":"5","#
            + #""Description":"d","MaxLength":2,"MaxValue":9,"MinLength":1,"MinValue":3,"NoEcho":true,"Type":"Number"}"#))
        #expect(text.contains(#""R":{"Condition":"C","DeletionPolicy":"Retain","DependsOn":["S"],"Metadata":{"Note":"x"},"#
            + #""Type":"AWS::SNS::Topic","UpdateReplacePolicy":"Snapshot"}"#))
        #expect(text.contains(#""O":{"Condition":"C","Description":"o","Export":{"Name":"E"},"Value":{"Ref":"R"}}"#))
        #expect(text.contains(#""Rules":{"Check":{"Assertions":[{"Assert":{"Fn::Not":[{"Fn::Equals":[{"Ref":"P"},"6"]}]},"#
            + #""AssertDescription":"not six"}],"RuleCondition":{"Fn::Equals":[{"Ref":"P"},"5"]}}}"#))
        #expect(text.contains(#""Metadata":{"Owner":"team"}"#))
        #expect(text.contains(#""S":{"Type":"AWS::SNS::Topic"}"#))
    }

    @Test func renderedTemplatesAreValidJSON() throws {
        for template in [Self.sample(reversed: false), BootstrapTemplate.make()] {
            for style in [TemplateRenderer.Style.pretty, .compact] {
                let data = TemplateRenderer(style: style).data(template)
                #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
            }
        }
    }
}
