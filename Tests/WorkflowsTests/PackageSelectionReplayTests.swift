import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
@testable import Workflows

/// Package choice replayed against SageMaker answers: the newest Approved package (asked for with
/// SortOrder=Descending, unlike the seed), and refusals of Rejected and unknown packages before any change.
@Suite struct PackageSelectionReplayTests {
    static let group = "churn-p-abc123"
    static func arn(_ version: Int) -> String { "arn:aws:sagemaker:us-east-1:222222222222:model-package/\(group)/\(version)" }

    /// Versions 1...3 with their approval status; ListModelPackages honours the filter and order it is sent.
    static func sageMaker(_ statuses: [Int: String], transport: ScriptedTransport? = nil) throws -> (SageMakerClient, ScriptedTransport) {
        let transport = transport ?? ScriptedTransport { request, _ in
            let body = (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]) ?? [:]
            func ok(_ object: Any) -> HTTPResponse {
                HTTPResponse(statusCode: 200, body: String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            switch RecordingTransport.operationName(request) {
            case "ListModelPackages":
                var versions = statuses.keys.sorted()
                if let wanted = body["ModelApprovalStatus"] as? String { versions = versions.filter { statuses[$0] == wanted } }
                if body["SortOrder"] as? String == "Descending" { versions.reverse() }
                if let max = body["MaxResults"] as? Int { versions = Array(versions.prefix(max)) }
                return ok(["ModelPackageSummaryList": versions.map { version in
                    ["ModelPackageArn": arn(version), "ModelPackageGroupName": group, "ModelPackageVersion": version,
                     "ModelPackageStatus": "Completed", "ModelApprovalStatus": statuses[version]!, "CreationTime": 1_795_900_000 + version]
                }])
            case "DescribeModelPackage":
                let name = body["ModelPackageName"] as? String ?? ""
                guard let version = (1...9).first(where: { arn($0) == name }), let status = statuses[version] else {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"ValidationException","message":"ModelPackage \#(name) does not exist."}"#)
                }
                return ok(["ModelPackageArn": name, "ModelPackageGroupName": group, "ModelPackageVersion": version, "ModelPackageStatus": "Completed",
                           "ModelApprovalStatus": status, "CreationTime": 1_795_900_000 + version])
            default:
                Issue.record("unexpected request \(RecordingTransport.operationName(request))")
                return HTTPResponse(statusCode: 500, body: "")
            }
        }
        let environment = EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let session = try AWSSession.make(profile: "p", environment: environment, config: config, transport: transport, logger: Logger(label: "test"))
        return (session.sageMaker, transport)
    }

    static func bodies(_ transport: ScriptedTransport, _ operation: String) -> [String] {
        transport.requests.filter { RecordingTransport.operationName($0) == operation }.map { String(decoding: $0.body, as: UTF8.self) }
    }

    @Test func latestApprovedIsTheNewestApprovedNotTheOldest() async throws {
        let (sageMaker, transport) = try Self.sageMaker([1: "Approved", 2: "Approved", 3: "PendingManualApproval"])
        let selection = try await PackageSelection.choose(.latestApproved, group: Self.group, approve: false, sageMaker: sageMaker)
        #expect(selection.package.arn == Self.arn(2) && !selection.needsApproval)
        let list = try #require(Self.bodies(transport, "ListModelPackages").first)
        #expect(list.contains(#""SortOrder":"Descending""#) && list.contains(#""ModelApprovalStatus":"Approved""#), "\(list)")
    }

    @Test func approveWithoutAnARNTakesTheNewestPackageAndMarksItForApproval() async throws {
        let (sageMaker, _) = try Self.sageMaker([1: "Approved", 2: "PendingManualApproval"])
        let selection = try await PackageSelection.choose(.latestApproved, group: Self.group, approve: true, sageMaker: sageMaker)
        #expect(selection.package.arn == Self.arn(2) && selection.needsApproval)
    }

    @Test func noApprovedPackageIsAClearError() async throws {
        let (sageMaker, _) = try Self.sageMaker([1: "PendingManualApproval", 2: "Rejected"])
        let error = await #expect(throws: PromoteError.self) {
            try await PackageSelection.choose(.latestApproved, group: Self.group, approve: false, sageMaker: sageMaker)
        }
        #expect(error?.description.contains("no Approved package") == true)
    }

    @Test func newestRejectedIsRefusedEvenWithApprove() async throws {
        let (sageMaker, _) = try Self.sageMaker([1: "Approved", 2: "Rejected"])
        let error = await #expect(throws: PromoteError.self) {
            try await PackageSelection.choose(.latestApproved, group: Self.group, approve: true, sageMaker: sageMaker)
        }
        #expect(error?.description.contains("Rejected") == true)
    }

    @Test func explicitRejectedAndUnknownPackagesAreRefused() async throws {
        let (sageMaker, transport) = try Self.sageMaker([1: "Rejected", 2: "Approved"])
        let rejected = await #expect(throws: PromoteError.self) {
            try await PackageSelection.choose(.explicit(Self.arn(1)), group: Self.group, approve: true, sageMaker: sageMaker)
        }
        #expect(rejected?.description.contains("Rejected") == true)
        let unknown = await #expect(throws: PromoteError.self) {
            try await PackageSelection.choose(.explicit(Self.arn(7)), group: Self.group, approve: false, sageMaker: sageMaker)
        }
        #expect(unknown?.description.contains("does not exist") == true)
        let chosen = try await PackageSelection.choose(.explicit(Self.arn(2)), group: Self.group, approve: false, sageMaker: sageMaker)
        #expect(chosen.package.arn == Self.arn(2))
        #expect(Self.bodies(transport, "ListModelPackages").isEmpty, "an explicit ARN needs no listing")
    }
}
