import AWSServices
import Foundation
import Testing
@testable import Workflows

/// What `mlopsctl import` accepts: a CDK bootstrap stack of the topology's qualifier, or in dev the seed's catalog stack.
@Suite struct ImportedStackTests {
    static func stack(outputs: [String: String] = [:], parameters: [String: String] = [:], status: StackStatus = .createComplete) -> StackDescription {
        StackDescription(
            stackName: "S", stackId: "id", status: status, parameters: parameters.map { StackParameter(key: $0.key, value: $0.value) },
            outputs: outputs.map { StackOutput(key: $0.key, value: $0.value) }, creationTime: Date(timeIntervalSince1970: 0))
    }

    static let bootstrap = stack(outputs: ["BootstrapVersion": "32"], parameters: ["Qualifier": "hnb659fds"])
    static let catalogResources = ["/mlops/code/build", "/mlops/code/deploy", "/mlops/code/seed_bucket"].map {
        StackResourceSummary(logicalResourceId: "P\($0.count)", physicalResourceId: $0, resourceType: "AWS::SSM::Parameter")
    }

    @Test func aBootstrapStackOfTheTopologysQualifierIsRecognised() throws {
        #expect(try ImportedStack.recognise(Self.bootstrap, resources: [], qualifier: "hnb659fds", stage: "prod") == .cdkBootstrap)
        #expect(throws: ImportRefusal.self) { try ImportedStack.recognise(Self.bootstrap, resources: [], qualifier: "other", stage: "prod") }
        let failed = Self.stack(outputs: ["BootstrapVersion": "32"], parameters: ["Qualifier": "hnb659fds"], status: .updateRollbackFailed)
        #expect(throws: ImportRefusal.self) { try ImportedStack.recognise(failed, resources: [], qualifier: "hnb659fds", stage: "prod") }
    }

    @Test func theSeedsCatalogIsRecognisedInDevOnly() throws {
        #expect(try ImportedStack.recognise(Self.stack(), resources: Self.catalogResources, qualifier: "q", stage: "dev") == .seedCatalog)
        #expect(throws: ImportRefusal.self) { try ImportedStack.recognise(Self.stack(), resources: Self.catalogResources, qualifier: "q", stage: "prod") }
        #expect(throws: ImportRefusal.self) {
            try ImportedStack.recognise(Self.stack(), resources: Array(Self.catalogResources.prefix(2)), qualifier: "q", stage: "dev")
        }
    }
}
