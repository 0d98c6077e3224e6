import AWSServices
import CFNTemplate
import Foundation
import Topology

/// What publishing the catalog needs from dev before it changes anything: a bootstrapped dev account (its
/// staging bucket holds the seed code and the product template) and the lead role in SSM `/mlops/role/lead`.
struct CatalogPrerequisites: Sendable {
    static let leadRoleParameter = "/mlops/role/lead"

    let stagingBucket: String
    let leadRoleArn: String

    static func read(dev: StageConfig, session: AWSSession, topology: Topology) async throws -> CatalogPrerequisites {
        var problems: [String] = []
        let stack = try await session.cloudFormation.describeStack(topology.bootstrap.stackName)
        let bucket = stack?.outputValues[BootstrapTemplate.OutputName.bucketName.rawValue]
        if bucket == nil {
            problems.append(
                "dev (\(dev.account)) is not bootstrapped: no \(topology.bootstrap.stackName) stack with a staging bucket; "
                    + "run `mlopsctl bootstrap --stage dev` first")
        }
        let lead = try await session.ssm.getParameter(name: leadRoleParameter)?.value
        if lead == nil {
            problems.append(
                "SSM parameter \(leadRoleParameter) is missing in dev (\(dev.account), \(dev.region)); it names the role that may launch "
                    + "projects: aws ssm put-parameter --name \(leadRoleParameter) --type String --value arn:aws:iam::\(dev.account):role/<role> "
                    + "--profile \(dev.profile)")
        } else if let lead, lead.range(of: #"^arn:aws[a-z-]*:iam::\d{12}:(role|user|group)/.+$"#, options: .regularExpression) == nil {
            problems.append("SSM parameter \(leadRoleParameter) in dev holds '\(lead)', which is not an IAM role, user or group ARN")
        }
        guard problems.isEmpty, let bucket, let lead else { throw CatalogInputError(problems: problems) }
        return CatalogPrerequisites(stagingBucket: bucket, leadRoleArn: lead)
    }
}

/// Bad input or missing prerequisites found before any change; one problem per line.
public struct CatalogInputError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]
    public var description: String {
        ProblemList.describe(problems) { "\($0) problems:" }
    }
}
