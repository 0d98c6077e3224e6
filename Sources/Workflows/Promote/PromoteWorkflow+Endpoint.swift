import AWSServices
import CFNTemplate
import Foundation
import Topology

// What a stage's endpoint stack serves, and waiting for the endpoint.
extension PromoteWorkflow {
    /// The package a stage's endpoint stack serves now: its `ModelPackageArn` parameter (after a rolled-back
    /// update, the previous one), nil without a settled stack.
    static func livePackage(project: String, stage: Stage, session: AWSSession) async throws -> String? {
        guard let templateStage = ProjectTemplateOptions.Stage(rawValue: stage.rawValue) else { return nil }
        let name = EndpointNames.stackName(projectName: project, stage: templateStage)
        guard let stack = try await session.cloudFormation.describeStack(name), stack.status.isUsable else { return nil }
        return stack.parameters.first { $0.key == EndpointTemplate.ParameterName.modelPackageArn.rawValue }?.value
    }

    /// Polls DescribeEndpoint until InService; Failed or the timeout stop with the endpoint's reason.
    func waitInService(_ name: String, sageMaker: SageMakerClient) async throws -> SageMakerEndpoint {
        let deadline = ContinuousClock.now + endpointTimeout
        var delay = Duration.seconds(5)
        while true {
            let endpoint = try await sageMaker.describeEndpoint(name: name)
            // CloudFormation reports the stack complete only once the endpoint exists, so a missing one is an error.
            guard let endpoint else { throw PromoteError("endpoint \(name) does not exist although its stack deployed; check the stack's resources") }
            if endpoint.status == .inService { return endpoint }
            if endpoint.status == .failed || endpoint.status == .outOfService {
                throw PromoteError("endpoint \(name) is \(endpoint.status.rawValue): \(endpoint.failureReason ?? "no reason given")")
            }
            if ContinuousClock.now > deadline {
                throw PromoteError("endpoint \(name) is not InService after \(endpointTimeout) (\(endpoint.status.rawValue))")
            }
            try await sleep(delay)
            delay = min(delay * 2, .seconds(30))
        }
    }
}

