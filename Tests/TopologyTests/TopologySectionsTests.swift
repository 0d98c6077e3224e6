import Foundation
import Testing
@testable import Topology

/// The optional sections: trust, executionPolicies and bootstrap.
@Suite struct TopologySectionsTests {
    func parse(_ extra: String, file: String = "acme.yaml") throws -> Topology {
        try TopologyLoader.parse(yaml: TopologyFixtures.valid(replacing: "version: 1", with: "version: 1\n" + extra), file: file)
    }

    func problems(_ extra: String) -> [TopologyProblem] {
        do {
            _ = try parse(extra)
            return []
        } catch let error as TopologyError {
            return error.problems
        } catch {
            return [TopologyProblem(path: "?", message: "\(error)")]
        }
    }

    @Test func defaultsAreTheSeedsTrustGraphAndShippedPolicies() throws {
        let topology = try parse("")
        #expect(topology.trust == [.governance: [], .dev: [.governance], .preprod: [.dev, .governance], .prod: [.dev, .governance]])
        #expect(topology.trustedAccounts(of: .preprod) == ["222222222222", "111111111111"])
        #expect(topology.trustedAccounts(of: .governance).isEmpty)
        #expect(topology.executionPolicies.isEmpty)
        #expect(topology.bootstrap == BootstrapSettings())
    }

    @Test func trustOverridesOnlyTheListedStagesAndCanRemoveTrust() throws {
        let topology = try parse("trust:\n  prod: []\n  preprod: [governance]\n")
        #expect(topology.trust[.prod] == [])
        #expect(topology.trust[.preprod] == [.governance])
        #expect(topology.trust[.dev] == [.governance])
    }

    @Test func trustedAccountsDropTheOwnAccountAndDuplicates() throws {
        let yaml = TopologyFixtures.valid(replacing: "\"111111111111\"", with: "\"222222222222\"")
        let topology = try TopologyLoader.parse(yaml: yaml, file: "single.yaml")
        #expect(topology.trustedAccounts(of: .dev).isEmpty)
        #expect(topology.trustedAccounts(of: .prod) == ["222222222222"])
    }

    @Test(arguments: [
        ("trust:\n  prod: [staging]\n", "trust.prod", "unknown stage"),
        ("trust:\n  preprd: [dev]\n", "trust.preprd", "did you mean"),
        ("trust:\n  prod: [prod]\n", "trust.prod", "always trusts its own account"),
        ("trust:\n  prod: dev\n", "trust.prod", "expected a list"),
        ("trust:\n  prod: [dev, dev]\n", "trust.prod", "listed twice"),
        ("executionPolicies:\n  dev: [\"arn:aws:iam::aws:policy/\"]\n", "executionPolicies.dev", "not an IAM managed policy ARN"),
        ("executionPolicies:\n  dev: [./missing-policy.json]\n", "executionPolicies.dev", "not found"),
        ("executionPolicies:\n  dev: [PowerUserAccess]\n", "executionPolicies.dev", "neither a policy ARN"),
        ("executionPolicies:\n  dev: []\n", "executionPolicies.dev", "non-empty list"),
        ("bootstrap:\n  stackName: 1bad\n", "bootstrap.stackName", "not a valid stack name"),
        ("bootstrap:\n  terminationProtection: yes please\n", "bootstrap.terminationProtection", "true or false"),
        ("bootstrap:\n  tags: { \"aws:owner\": me }\n", "bootstrap.tags.aws:owner", "may not start with aws:"),
        ("bootstrap:\n  stackname: X\n", "bootstrap.stackname", "did you mean"),
    ])
    func badSectionsAreReportedAtTheirKeyPath(yaml: String, path: String, fragment: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.path == path && $0.message.contains(fragment) }, "\(found)")
    }

    @Test func policiesAreARNsOrExistingFilesRelativeToTheTopology() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topology-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("p"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{}".write(to: dir.appendingPathComponent("p/prod.json"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("acme.yaml").path
        let topology = try parse(
            "executionPolicies:\n  dev: [\"arn:aws:iam::aws:policy/PowerUserAccess\", \"arn:aws:iam::222222222222:policy/x/Y\"]\n  prod: [p/prod.json]\n",
            file: file)
        #expect(topology.executionPolicies[.dev] == [.managed(arn: "arn:aws:iam::aws:policy/PowerUserAccess"), .managed(arn: "arn:aws:iam::222222222222:policy/x/Y")])
        #expect(topology.executionPolicies[.prod] == [.document(path: dir.appendingPathComponent("p/prod.json").standardizedFileURL.path)])
        #expect(ExecutionPolicy.managed(arn: "arn:aws:iam::aws:policy/AdministratorAccess").isAdministratorAccess)
    }

    @Test func bootstrapSettingsAreRead() throws {
        let topology = try parse("bootstrap:\n  stackName: MLOpsToolkit\n  terminationProtection: true\n  tags: { team: ml-platform }\n")
        #expect(topology.bootstrap == BootstrapSettings(stackName: "MLOpsToolkit", terminationProtection: true, tags: ["team": "ml-platform"]))
    }
}

@Suite struct TopologyCatalogSectionTests {
    @Test func catalogAndProjectHaveDefaultsAndCanBeSet() throws {
        let defaults = try TopologyLoader.parse(yaml: TopologyFixtures.valid(replacing: "version: 1", with: "version: 1"))
        #expect(defaults.catalog.portfolioName == "SageMaker Organization Templates")
        #expect(defaults.project == ProjectSettings(source: .s3, via: .sagemaker))
        let set = try TopologyLoader.parse(yaml: TopologyFixtures.valid(
            replacing: "version: 1",
            with: "version: 1\ncatalog: { portfolioName: Acme ML, productVersion: \"2.0\" }\nproject: { source: codecommit, via: cloudformation }\n"))
        #expect(set.catalog.portfolioName == "Acme ML" && set.catalog.productVersion == "2.0")
        #expect(set.project == ProjectSettings(source: .codecommit, via: .cloudformation))
    }

    @Test func badValuesAreReported() {
        let yaml = TopologyFixtures.valid(
            replacing: "version: 1", with: "version: 1\ncatalog: { portfolioOwner: \"\", colour: red }\nproject: { source: git, via: studio }\n")
        do {
            _ = try TopologyLoader.parse(yaml: yaml)
            Issue.record("accepted")
        } catch let error as TopologyError {
            for path in ["catalog.portfolioOwner", "catalog.colour", "project.source", "project.via"] {
                #expect(error.hasProblem(at: path), "\(path): \(error)")
            }
        } catch {
            Issue.record("\(error)")
        }
    }
}
