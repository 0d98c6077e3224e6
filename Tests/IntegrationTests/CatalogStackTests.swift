import AWSServices
import AWSWire
import CFNTemplate
import Foundation
import Testing
import TestSupport

/// The catalog stack deploys in the emulator's dev account. moto does not model Service Catalog: it skips
/// those resources and drops the outputs that `Ref` them, but creates the SSM parameters and the launch role,
/// and must not fail the stack (which a `GetAtt` on a Service Catalog resource in Outputs would).
@Suite struct CatalogStackTests {
    @Test func deploysWithItsParametersAndLaunchRole() async throws {
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let session = try AWSSession.make(profile: dev.profile, environment: emulator.awsEnvironment)
            let region = session.region
            let bucket = "cdk-hnb659fds-assets-\(dev.accountID)-\(region)"
            var stages: [String: StageTarget] = [:]
            for name in CatalogTemplateOptions.requiredStages {
                let account = try #require(emulator.account(name))
                stages[name] = StageTarget(account: account.accountID, region: region)
            }
            let version = ProductVersion(
                name: "1.0", templateURL: ProductVersion.s3URL(bucket: bucket, key: "\(String(repeating: "ab", count: 32)).json", region: region),
                description: "first")
            let options = try CatalogTemplateOptions(
                versions: [version], leadRoleArn: "arn:aws:iam::\(dev.accountID):role/mlops-lead", seedBucket: bucket,
                buildCodeKey: "\(String(repeating: "1", count: 64)).zip", deployCodeKey: "\(String(repeating: "2", count: 64)).zip",
                stages: stages
            ).appending(ProductVersion(name: "1.1", templateURL: version.templateURL + "?v=2", description: "second"))
            let body = TemplateRenderer().render(try CatalogTemplate.make(options))
            let stackName = "mlopsctl-catalog-\(UUID().uuidString.prefix(8).lowercased())"

            _ = try await session.cloudFormation.createStack(
                CreateStackRequest(stackName: stackName, template: .body(body), capabilities: StackCapability.all))

            let stack = try #require(try await session.cloudFormation.describeStack(stackName))
            #expect(stack.status.rawValue == "CREATE_COMPLETE")
            let roleArn = "arn:aws:iam::\(dev.accountID):role/mlops-hnb659fds-catalog-launch"
            #expect(stack.outputValues == ["LaunchRoleArn": roleArn])
            #expect(try await session.ssm.getParameter(name: "/mlops/code/seed_bucket")?.value == bucket)
            #expect(try await session.ssm.getParameter(name: "/mlops/code/build")?.value == options.buildCodeKey)
            #expect(try await session.ssm.getParameter(name: "/mlops/code/deploy")?.value == options.deployCodeKey)
            for (name, target) in stages {
                #expect(try await session.ssm.getParameter(name: "/mlops/\(name)/account_id")?.value == target.account)
                #expect(try await session.ssm.getParameter(name: "/mlops/\(name)/region")?.value == target.region)
            }
            let role = try #require(try await session.iam.getRole(name: "mlops-hnb659fds-catalog-launch"))
            #expect(role.arn == roleArn)
            #expect(role.assumeRolePolicyDocument?.contains("servicecatalog.amazonaws.com") == true)

            try await session.cloudFormation.deleteStack(DeleteStackRequest(stackName: stackName))
            #expect(try await session.ssm.getParameter(name: "/mlops/code/seed_bucket") == nil)
            #expect(try await session.iam.getRole(name: "mlops-hnb659fds-catalog-launch") == nil)
        }
    }
}
