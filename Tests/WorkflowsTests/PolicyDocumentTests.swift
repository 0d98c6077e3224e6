import Deployer
import Foundation
import Testing
@testable import Workflows

/// Trust and bucket policies compared the way IAM reads them: forms IAM treats alike are equal, and a difference is
/// named by the principals it adds or drops.
@Suite struct PolicyDocumentTests {
    static let template = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    @Test func formsIAMTreatsAlikeAreEqual() throws {
        let expected = try #require(PolicyDocument(json: Self.template, partition: "aws"))
        // One statement instead of a list, a list of one action and principal, a Sid, keys in another order.
        let live = #"{"Statement":{"Sid":"x","Action":["sts:AssumeRole"],"Principal":{"Service":["cloudformation.amazonaws.com"]},"Effect":"Allow"},"Version":"2012-10-17"}"#
        #expect(PolicyDocument(json: live, partition: "aws") == expected)
        // A bare account id is the account's root, as IAM stores it.
        let byId = try #require(PolicyDocument(json: #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}"#, partition: "aws"))
        let byArn = try #require(PolicyDocument(json: #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root"]},"Action":"sts:AssumeRole"}]}"#, partition: "aws"))
        #expect(byId == byArn)
        // Statement order does not matter; principal order within a list does not either.
        let two = #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["a","b"]},"Action":"s:x"},{"Effect":"Deny","Principal":"*","Action":"s:y"}]}"#
        let swapped = #"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s:y"},{"Effect":"Allow","Principal":{"AWS":["b","a"]},"Action":"s:x"}]}"#
        #expect(PolicyDocument(json: two, partition: "aws") == PolicyDocument(json: swapped, partition: "aws"))
        // The template's value (resolved JSON) reads like the text.
        let value = TemplateDocument.Value(try JSONSerialization.jsonObject(with: Data(Self.template.utf8)))
        #expect(PolicyDocument(value, partition: "aws") == expected)
    }

    @Test func aWidenedTrustNamesTheForeignPrincipal() throws {
        let expected = try #require(PolicyDocument(json: Self.template, partition: "aws"))
        let widened = try #require(PolicyDocument(json: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"999999999999"},"Action":"sts:AssumeRole"}]}"#, partition: "aws"))
        let differences = PolicyDocument.differences(field: "trust policy", expected: expected, live: widened)
        #expect(differences == [DriftDifference(
            field: "trust policy", expected: "does not trust AWS arn:aws:iam::999999999999:root", live: "trusts AWS arn:aws:iam::999999999999:root")])
        let narrowed = PolicyDocument.differences(field: "trust policy", expected: widened, live: expected)
        #expect(narrowed.map(\.live) == ["does not trust AWS arn:aws:iam::999999999999:root"])
        // Same principals, another condition: still a difference, said plainly.
        let conditioned = try #require(PolicyDocument(json: #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#, partition: "aws"))
        #expect(PolicyDocument.differences(field: "trust policy", expected: expected, live: conditioned).map(\.live)
            == ["other statements (edited outside mlopsctl)"])
        #expect(PolicyDocument.differences(field: "trust policy", expected: expected, live: expected).isEmpty)
    }

    @Test func textThatIsNotAPolicyIsRejected() {
        #expect(PolicyDocument(json: "not json", partition: "aws") == nil)
        #expect(PolicyDocument(json: "[1,2]", partition: "aws") == nil)
    }
}
