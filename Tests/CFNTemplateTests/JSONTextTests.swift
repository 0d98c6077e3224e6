import Testing
@testable import CFNTemplate

@Suite struct JSONTextTests {
    @Test func jsonTextIsCompactAndSorted() {
        #expect(CFNValue.jsonText(["b": [1, true], "a": "x"]) == #"{"a":"x","b":[1,true]}"#)
    }

    @Test func subJSONInlinesReferencesIntoOneSubString() {
        let document: CFNValue = ["Principal": ["AWS": .accountId], "Role": .getAtt("Role", "Arn"), "Via": .sub("s3.${AWS::Region}"), "N": 1]
        #expect(CFNValue.subJSON(document)
            == .sub(#"{"N":1,"Principal":{"AWS":"${AWS::AccountId}"},"Role":"${Role.Arn}","Via":"s3.${AWS::Region}"}"#))
    }

    @Test func readsJSONKeepingBooleansAndIntegersApart() throws {
        let value = try CFNValue(json: #"{"flag": true, "count": 1, "list": ["a", false, 0], "nested": {"k": "v"}}"#, source: "t")
        #expect(value == ["flag": true, "count": 1, "list": ["a", false, 0], "nested": ["k": "v"]])
    }

    @Test func substitutesOnlyStringsWithVariables() throws {
        let value = try CFNValue(json: #"{"a": "arn:${AWS::Partition}:x", "b": "plain"}"#, source: "t", substitutingVariables: true)
        #expect(value == ["a": .sub("arn:${AWS::Partition}:x"), "b": "plain"])
    }

    @Test(arguments: [
        (#"{"a": null}"#, "null is not allowed at $.a"),
        (#"{"a": [1, 2.5]}"#, "a fractional number at $.a[1]"),
        (#"{"a": "#, "not valid JSON"),
    ])
    func rejectsWhatATemplateCannotHold(json: String, reason: String) {
        #expect(throws: JSONValueError(source: "doc.json", reason: reason)) {
            try CFNValue(json: json, source: "doc.json")
        }
    }
}
