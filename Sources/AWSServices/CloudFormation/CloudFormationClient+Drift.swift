import AWSWire
import Foundation

/// CloudFormation's own drift detection: DetectStackDrift starts an operation (it changes no resource: CloudFormation
/// reads each one with the caller's permissions), DescribeStackDriftDetectionStatus follows it, and
/// DescribeStackResourceDrifts lists what it found.
extension CloudFormationClient {
    /// DetectStackDrift: the detection's id.
    public func detectStackDrift(stackName: String) async throws -> String {
        let operation = "DetectStackDrift"
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        return try reader.text(try reader.result(root), "StackDriftDetectionId")
    }

    /// DescribeStackDriftDetectionStatus.
    public func stackDriftDetectionStatus(_ detectionId: String) async throws -> StackDriftDetection {
        let operation = "DescribeStackDriftDetectionStatus"
        var parameters = QueryParameters()
        parameters.set("StackDriftDetectionId", detectionId)
        let root = try await client.query(action: operation, parameters: parameters)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let result = try reader.result(root)
        return StackDriftDetection(
            detectionStatus: try reader.text(result, "DetectionStatus"), stackDriftStatus: ResponseReader.trimmed(result, ["StackDriftStatus"]),
            reason: ResponseReader.trimmed(result, ["DetectionStatusReason"]))
    }

    /// Every page of DescribeStackResourceDrifts for the resources that drifted (MODIFIED or DELETED).
    public func driftedStackResources(stackName: String) async throws -> [StackResourceDrift] {
        let operation = "DescribeStackResourceDrifts"
        var drifts: [StackResourceDrift] = []
        var token: String?
        var pages = 0
        repeat {
            var parameters = QueryParameters()
            parameters.set("StackName", stackName)
            parameters.set("StackResourceDriftStatusFilters.member.1", "MODIFIED")
            parameters.set("StackResourceDriftStatusFilters.member.2", "DELETED")
            parameters.set("NextToken", token)
            let root = try await client.query(action: operation, parameters: parameters)
            let reader = ResponseReader(client, operation: operation, queryRoot: root)
            let result = try reader.result(root)
            drifts += try result.members(of: "StackResourceDrifts").map { node in
                StackResourceDrift(
                    logicalResourceId: try reader.text(node, "LogicalResourceId"), physicalResourceId: ResponseReader.trimmed(node, ["PhysicalResourceId"]),
                    resourceType: try reader.text(node, "ResourceType"), status: try reader.text(node, "StackResourceDriftStatus"),
                    differences: try node.members(of: "PropertyDifferences").map { difference in
                        StackResourceDrift.PropertyDifference(
                            path: try reader.text(difference, "PropertyPath"), expected: ResponseReader.trimmed(difference, ["ExpectedValue"]) ?? "",
                            actual: ResponseReader.trimmed(difference, ["ActualValue"]) ?? "", kind: try reader.text(difference, "DifferenceType"))
                    })
            }
            token = ResponseReader.trimmed(result, ["NextToken"])
            pages += 1
        } while token != nil && pages < 100
        return drifts
    }
}

/// Where a drift detection is (`DETECTION_IN_PROGRESS`, `DETECTION_COMPLETE`, `DETECTION_FAILED`) and what it found.
public struct StackDriftDetection: Sendable, Equatable {
    public var detectionStatus: String
    /// `DRIFTED`, `IN_SYNC`, `UNKNOWN` or `NOT_CHECKED`, once complete.
    public var stackDriftStatus: String?
    public var reason: String?

    public init(detectionStatus: String, stackDriftStatus: String?, reason: String?) {
        self.detectionStatus = detectionStatus
        self.stackDriftStatus = stackDriftStatus
        self.reason = reason
    }
}

/// One resource CloudFormation's drift detection found MODIFIED or DELETED.
public struct StackResourceDrift: Sendable, Equatable {
    public struct PropertyDifference: Sendable, Equatable {
        public var path: String
        public var expected: String
        public var actual: String
        /// `ADD`, `REMOVE` or `NOT_EQUAL`.
        public var kind: String
    }

    public var logicalResourceId: String
    public var physicalResourceId: String?
    public var resourceType: String
    /// `MODIFIED` or `DELETED`.
    public var status: String
    public var differences: [PropertyDifference]
}
