import Foundation
import Testing

@testable import Deployer

/// The template comparison behind the replacement guard: what it finds between a deployed and a new template.
@Suite struct TemplateReplacementCheckTests {
    static func template(_ resources: String, conditions: String = "{}") -> String {
        #"{"Parameters":{"Qualifier":{"Type":"String"},"KeyArn":{"Type":"String","Default":""}},"Conditions":"#
            + conditions + #","Resources":"# + resources + "}"
    }

    static func findings(_ deployed: String, _ proposed: String, changed: Set<String> = []) throws -> [String] {
        let before = try #require(TemplateDocument(jsonBody: deployed))
        let after = try #require(TemplateDocument(jsonBody: proposed))
        return TemplateReplacementCheck(deployed: before, proposed: after, changedParameters: changed).findings()
            .map { "\($0.action) \($0.logicalId) (\($0.resourceType)): \($0.reason)" }
    }

    static let bucket = #"{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"cdk-${Qualifier}-assets-${AWS::AccountId}"},"VersioningConfiguration":{"Status":"Enabled"}}}}"#

    @Test func identicalTemplatesFindNothing() throws {
        #expect(try Self.findings(Self.template(Self.bucket), Self.template(Self.bucket)) == [])
    }

    @Test func aPropertyThatDoesNotReplaceIsNotAFinding() throws {
        let suspended = Self.bucket.replacingOccurrences(of: "Enabled", with: "Suspended")
        #expect(try Self.findings(Self.template(Self.bucket), Self.template(suspended)) == [])
    }

    @Test func aRenamedBucketIsFound() throws {
        let renamed = Self.bucket.replacingOccurrences(of: "-assets-", with: "-staging-")
        #expect(try Self.findings(Self.template(Self.bucket), Self.template(renamed)) == [
            "Modify Bucket (AWS::S3::Bucket): BucketName changes (a replacement property)"
        ])
    }

    @Test func aNameThatFollowsAChangedParameterIsFound() throws {
        #expect(try Self.findings(Self.template(Self.bucket), Self.template(Self.bucket), changed: ["Qualifier"]) == [
            "Modify Bucket (AWS::S3::Bucket): BucketName depends on parameter Qualifier, whose value changes"
        ])
        // A changed parameter the name does not use is no finding.
        #expect(try Self.findings(Self.template(Self.bucket), Self.template(Self.bucket), changed: ["KeyArn"]) == [])
    }

    @Test func removalsAndTypeChangesAreFoundForStatefulResourcesOnly() throws {
        let deployed = #"{"Key":{"Type":"AWS::KMS::Key"},"Role":{"Type":"AWS::IAM::Role"},"Param":{"Type":"AWS::SSM::Parameter"},"Repo":{"Type":"AWS::ECR::Repository"}}"#
        let proposed = #"{"Role":{"Type":"AWS::IAM::User"},"Repo":{"Type":"AWS::ECR::Repository"}}"#
        #expect(try Self.findings(Self.template(deployed), Self.template(proposed)) == [
            "Remove Key (AWS::KMS::Key): no longer in the template",
            "Remove Role (AWS::IAM::Role): its type changes to AWS::IAM::User",
        ])
    }

    @Test func aKeySpecChangeReplacesTheKeyAndAMultiRegionFlagAppearing() throws {
        let deployed = #"{"Key":{"Type":"AWS::KMS::Key","Properties":{"KeySpec":"SYMMETRIC_DEFAULT","EnableKeyRotation":true}}}"#
        let proposed = #"{"Key":{"Type":"AWS::KMS::Key","Properties":{"KeySpec":"RSA_2048","EnableKeyRotation":false,"MultiRegion":true}}}"#
        #expect(try Self.findings(Self.template(deployed), Self.template(proposed)) == [
            "Modify Key (AWS::KMS::Key): KeySpec changes (a replacement property)",
            "Modify Key (AWS::KMS::Key): MultiRegion changes (a replacement property)",
        ])
    }

    @Test func aConditionOnAChangedParameterMayDeleteTheResource() throws {
        let conditions = #"{"CreateNewKey":{"Fn::Equals":[{"Ref":"KeyArn"},""]}}"#
        let key = #"{"Key":{"Type":"AWS::KMS::Key","Condition":"CreateNewKey"}}"#
        #expect(try Self.findings(Self.template(key, conditions: conditions), Self.template(key, conditions: conditions), changed: ["KeyArn"]) == [
            "Remove Key (AWS::KMS::Key): its condition CreateNewKey depends on parameter KeyArn, whose value changes (it may be deleted)"
        ])
        #expect(try Self.findings(Self.template(key, conditions: conditions), Self.template(key, conditions: conditions), changed: ["Qualifier"]) == [])
    }

    @Test func fnIfConditionsAreFollowedToTheirParameters() throws {
        let conditions = #"{"HasCustomName":{"Fn::Not":[{"Fn::Equals":[{"Ref":"KeyArn"},""]}]}}"#
        let bucket = #"{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::If":["HasCustomName","fixed",{"Fn::Sub":"b-${!Literal}-${AWS::Region}"}]}}}}"#
        #expect(try Self.findings(Self.template(bucket, conditions: conditions), Self.template(bucket, conditions: conditions), changed: ["KeyArn"]) == [
            "Modify Bucket (AWS::S3::Bucket): BucketName depends on parameter KeyArn, whose value changes"
        ])
    }

    @Test func yamlIsNotRead() {
        #expect(TemplateDocument(jsonBody: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n") == nil)
    }
}
