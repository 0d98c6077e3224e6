import AWSWire
import Foundation
import Testing

@Suite struct QueryEncoderTests {
    struct Parameter: Encodable {
        var key: String
        var value: String
        enum CodingKeys: String, CodingKey {
            case key = "ParameterKey"
            case value = "ParameterValue"
        }
    }

    struct Tag: Encodable {
        var Key: String
        var Value: String
    }

    struct CreateStackInput: Encodable {
        var StackName: String
        var TemplateURL: String?
        var Parameters: [Parameter]
        var Capabilities: [String]?
        var Tags: [Tag]
        var EnableTerminationProtection: Bool
        var TimeoutInMinutes: Int
    }

    @Test func encodesCodingKeysListsAndScalarsInDeclarationOrder() throws {
        let input = CreateStackInput(
            StackName: "mlops-bootstrap", TemplateURL: nil,
            Parameters: [Parameter(key: "Env", value: "dev & test"), Parameter(key: "Owner", value: "a+b=c/d~e")],
            Capabilities: ["CAPABILITY_NAMED_IAM"], Tags: [Tag(Key: "team", Value: "ml ops")], EnableTerminationProtection: true,
            TimeoutInMinutes: 30)

        let parameters = try QueryEncoder().encode(input)

        #expect(
            parameters.formBody(action: "CreateStack", version: "2010-05-15")
                == "Action=CreateStack&Version=2010-05-15&StackName=mlops-bootstrap"
                + "&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=dev%20%26%20test"
                + "&Parameters.member.2.ParameterKey=Owner&Parameters.member.2.ParameterValue=a%2Bb%3Dc%2Fd~e"
                + "&Capabilities.member.1=CAPABILITY_NAMED_IAM&Tags.member.1.Key=team&Tags.member.1.Value=ml%20ops"
                + "&EnableTerminationProtection=true&TimeoutInMinutes=30")
    }

    struct Nested: Encodable {
        struct Inner: Encodable {
            var Enabled: Bool
            var Names: [String]
        }
        var Config: Inner
        var Empty: [String]
        var Attributes: [String: String]
        var When: Date
    }

    @Test func nestedStructuresEmptyListsMapsAndDates() throws {
        let value = Nested(
            Config: .init(Enabled: false, Names: ["a", "b"]), Empty: [], Attributes: ["z": "26", "a": "1"],
            When: Date(timeIntervalSince1970: 1_795_912_740.679501))

        let pairs = try QueryEncoder().encode(value).pairs.map { "\($0.key)=\($0.value)" }

        #expect(pairs == [
            "Config.Enabled=false", "Config.Names.member.1=a", "Config.Names.member.2=b", "Empty=",
            "Attributes.entry.1.key=a", "Attributes.entry.1.value=1", "Attributes.entry.2.key=z", "Attributes.entry.2.value=26",
            "When=2026-11-29T00:39:00.679501Z",
        ])
    }
}
