import Foundation
import Testing
@testable import Topology

@Suite struct TopologyLoaderTests {
    @Test func validFileResolvesEveryStage() throws {
        let topology = try TopologyLoader.parse(yaml: TopologyFixtures.valid)

        #expect(topology.version == 1)
        #expect(topology.region == "us-east-1")
        #expect(topology.qualifier == "hnb659fds")
        #expect(topology.stages.map(\.stage) == [.governance, .dev, .preprod, .prod])
        #expect(topology[.governance] == StageConfig(stage: .governance, account: "111111111111", profile: "acme-governance", region: "us-east-1"))
        #expect(topology[.dev].account == "222222222222")
        #expect(topology[.preprod].region == "eu-west-1")
        #expect(topology[.prod].profile == "acme-prod")
    }

    @Test func stagesAreOrderedEvenWhenTheFileListsThemOtherwise() throws {
        let yaml = """
            version: 1
            stages:
              prod:       { account: "044444444444", profile: p, region: us-gov-west-1 }
              dev:        { account: "222222222222", profile: d, region: eu-central-2 }
              governance: { account: "222222222222", profile: g, region: us-east-1 }
              preprod:    { account: "333333333333", profile: pp, region: ap-southeast-1 }
            """
        let topology = try TopologyLoader.parse(yaml: yaml)

        #expect(topology.stages.map(\.stage) == Stage.allCases)
        #expect(topology.region == nil)
        #expect(topology.qualifier == Topology.defaultQualifier)
        #expect(topology[.prod].account == "044444444444", "leading zero kept in a quoted account")
        #expect(topology[.prod].region == "us-gov-west-1")
        #expect(topology[.governance].account == topology[.dev].account, "one account may serve several stages")
    }

    @Test func singleQuotedAccountsAreStrings() throws {
        let yaml = TopologyFixtures.valid(replacing: "\"111111111111\"", with: "'011111111111'")
        #expect(try TopologyLoader.parse(yaml: yaml)[.governance].account == "011111111111")
    }

    @Test func loadReadsAFileFromDisk() throws {
        let file = try TemporaryFile(contents: TopologyFixtures.valid)
        defer { file.remove() }
        #expect(try TopologyLoader.load(path: file.path)[.preprod].account == "333333333333")
    }

    @Test func missingFileIsAnErrorNamingTheFile() throws {
        let path = "/nonexistent-\(UUID().uuidString)/mlopsctl.yaml"
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.load(path: path) }
        #expect(error.file == path)
        #expect(error.description.split(separator: "\n").first?.contains(path) == true)
        #expect(error.description.contains("file not found"))
    }

    @Test func yamlSyntaxErrorNamesFileAndLine() throws {
        let broken = TopologyFixtures.valid(replacing: "  dev:        { account: \"222222222222\", profile: acme-dev }",
                                            with: "  dev:        { account: \"222222222222\", profile: acme-dev")
        let file = try TemporaryFile(contents: broken)
        defer { file.remove() }

        let error = try #require(throws: TopologyError.self) { try TopologyLoader.load(path: file.path) }
        let lines = error.description.split(separator: "\n")
        #expect(lines.first?.contains(file.path) == true)
        #expect(error.problems.count == 1)
        #expect(error.problems[0].message.contains("YAML syntax error"))
        // The unclosed flow mapping opened on line 6 is detected on line 7 or later.
        #expect((error.problems[0].line ?? 0) >= 6)
        #expect(error.description.contains("(line \(error.problems[0].line!))"))
    }

    @Test func duplicateKeyIsReportedWithItsLine() throws {
        let yaml = TopologyFixtures.valid(replacing: "qualifier: hnb659fds", with: "qualifier: hnb659fds\nregion: eu-west-1")
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: yaml, file: "dup.yaml") }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].message.contains("duplicate key \"region\""))
        #expect(error.problems[0].line != nil)
    }

    @Test func emptyFileIsReported() throws {
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: "# nothing\n", file: "e.yaml") }
        #expect(error.problems.map(\.message) == ["the file is empty; expected version, region, qualifier and stages"])
    }
}

/// A file in the temporary directory, removed by the test.
struct TemporaryFile {
    let path: String

    init(contents: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("topology-\(UUID().uuidString).yaml").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
