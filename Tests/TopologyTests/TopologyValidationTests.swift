import Testing
@testable import Topology

/// One bad input: what to change in the valid fixture, and where the problem must be reported.
struct BadTopology: Sendable, CustomTestStringConvertible {
    let label: String
    let yaml: String
    let path: String
    let fragment: String

    init(_ label: String, replacing target: String, with replacement: String, path: String, fragment: String) {
        self.label = label
        self.yaml = TopologyFixtures.valid(replacing: target, with: replacement)
        self.path = path
        self.fragment = fragment
    }

    var testDescription: String { label }
}

private let gov = "  governance: { account: \"111111111111\", profile: acme-governance }"
private let dev = "  dev:        { account: \"222222222222\", profile: acme-dev }"
private let prod = "  prod:       { account: \"444444444444\", profile: acme-prod }"

let badTopologies: [BadTopology] = [
    // version
    .init("version missing", replacing: "version: 1\n", with: "", path: "version", fragment: "missing"),
    .init("version 2", replacing: "version: 1", with: "version: 2", path: "version",
          fragment: "unsupported version 2; this mlopsctl reads versions: 1; the file was written for a newer mlopsctl: upgrade mlopsctl"),
    .init("version 0", replacing: "version: 1", with: "version: 0", path: "version",
          fragment: "unsupported version 0; this mlopsctl reads versions: 1; write `version: 1`"),
    .init("version quoted", replacing: "version: 1", with: "version: \"1\"", path: "version", fragment: "expected the number 1"),
    .init("version text", replacing: "version: 1", with: "version: one", path: "version", fragment: "expected the number 1, got one"),
    // unknown keys, with suggestions
    .init("top-level typo", replacing: "qualifier: hnb659fds", with: "qualifer: hnb659fds",
          path: "qualifer", fragment: "unknown key (did you mean \"qualifier\"?)"),
    .init("top-level unrelated key", replacing: "version: 1", with: "version: 1\nowner: team",
          path: "owner", fragment: "unknown key; expected one of version, region, qualifier, stages, trust, executionPolicies, bootstrap, catalog, project, organization"),
    .init("stage key typo", replacing: "account: \"222222222222\"", with: "acount: \"222222222222\"",
          path: "stages.dev.acount", fragment: "did you mean \"account\"?"),
    .init("endpoint is not a topology key", replacing: "version: 1", with: "version: 1\nendpoint: http://127.0.0.1:5000",
          path: "endpoint", fragment: "endpoints are not part of the topology"),
    .init("stage endpoint_url", replacing: "profile: acme-dev", with: "profile: acme-dev, endpoint_url: http://x",
          path: "stages.dev.endpoint_url", fragment: "endpoints are not part of the topology"),
    // accounts
    .init("short account", replacing: "\"333333333333\"", with: "\"33333\"",
          path: "stages.preprod.account", fragment: "\"33333\" is not a 12-digit AWS account id"),
    .init("account with letter", replacing: "\"222222222222\"", with: "\"22222222222x\"",
          path: "stages.dev.account", fragment: "is not a 12-digit AWS account id"),
    .init("account empty string", replacing: "\"222222222222\"", with: "\"\"",
          path: "stages.dev.account", fragment: "\"\" is not a 12-digit AWS account id"),
    .init("unquoted 12-digit account", replacing: "\"111111111111\"", with: "111111111111",
          path: "stages.governance.account", fragment: "unquoted number; quote account ids (\"111111111111\")"),
    .init("unquoted account with leading zero", replacing: "\"111111111111\"", with: "011111111111",
          path: "stages.governance.account", fragment: "unquoted number"),
    .init("account missing", replacing: "account: \"444444444444\", ", with: "",
          path: "stages.prod.account", fragment: "missing"),
    .init("account as list", replacing: "\"222222222222\"", with: "[\"222222222222\"]",
          path: "stages.dev.account", fragment: "expected a string, got a list"),
    // profiles
    .init("profile missing", replacing: ", profile: acme-dev", with: "", path: "stages.dev.profile", fragment: "missing"),
    .init("profile with space", replacing: "profile: acme-dev", with: "profile: \"acme dev\"",
          path: "stages.dev.profile", fragment: "no whitespace, brackets"),
    .init("profile with bracket", replacing: "profile: acme-dev", with: "profile: \"acme]dev\"",
          path: "stages.dev.profile", fragment: "no whitespace, brackets"),
    .init("profile empty", replacing: "profile: acme-dev", with: "profile: \"\"", path: "stages.dev.profile", fragment: "is empty"),
    .init("profile of 129 characters", replacing: "profile: acme-dev", with: "profile: \(String(repeating: "p", count: 129))",
          path: "stages.dev.profile", fragment: "at most 128"),
    .init("profile with a control character", replacing: "profile: acme-dev", with: "profile: \"acme\\tdev\"",
          path: "stages.dev.profile", fragment: "control characters"),
    .init("profile null", replacing: "profile: acme-dev", with: "profile: ~", path: "stages.dev.profile", fragment: "is empty"),
    .init("profile as mapping", replacing: "profile: acme-dev", with: "profile: { name: acme-dev }",
          path: "stages.dev.profile", fragment: "expected a string, got a mapping"),
    // regions
    .init("bad top-level region", replacing: "region: us-east-1 ", with: "region: us-east ",
          path: "region", fragment: "\"us-east\" is not an AWS region"),
    .init("bad stage region", replacing: "region: eu-west-1", with: "region: eu_west_1",
          path: "stages.preprod.region", fragment: "is not an AWS region"),
    .init("upper-case region", replacing: "region: eu-west-1", with: "region: EU-WEST-1",
          path: "stages.preprod.region", fragment: "is not an AWS region"),
    .init("no region for a stage", replacing: "region: us-east-1            # default for every stage\n", with: "",
          path: "stages.governance.region", fragment: "missing; set region here or a top-level region"),
    .init("region as list", replacing: "region: eu-west-1", with: "region: [eu-west-1]",
          path: "stages.preprod.region", fragment: "expected a string, got a list"),
    // qualifier
    .init("qualifier too long", replacing: "qualifier: hnb659fds", with: "qualifier: hnb659fds12",
          path: "qualifier", fragment: "is not a valid bootstrap qualifier"),
    .init("qualifier with dot", replacing: "qualifier: hnb659fds", with: "qualifier: a.b",
          path: "qualifier", fragment: "is not a valid bootstrap qualifier"),
    .init("qualifier empty", replacing: "qualifier: hnb659fds", with: "qualifier:", path: "qualifier", fragment: "is empty"),
    // stages
    .init("stage missing", replacing: "\n" + prod, with: "", path: "stages.prod", fragment: "missing; every topology defines"),
    .init("unknown stage", replacing: prod, with: prod + "\n  qa: { account: \"555555555555\", profile: qa }",
          path: "stages.qa", fragment: "unknown stage; the stages are governance, dev, preprod, prod"),
    .init("misspelt stage", replacing: "  prod:   ", with: "  prd:    ", path: "stages.prd", fragment: "did you mean \"prod\"?"),
    .init("stage as scalar", replacing: dev, with: "  dev: acme-dev", path: "stages.dev", fragment: "expected a mapping of keys, got acme-dev"),
    .init("stage empty", replacing: dev, with: "  dev:", path: "stages.dev", fragment: "expected a mapping of keys, got an empty value"),
    .init("stages as list", replacing: "stages:\n\(gov)", with: "stages:\n  - governance\nunused:\n\(gov)",
          path: "stages", fragment: "expected a mapping of keys, got a list"),
    .init("stages missing", replacing: "stages:", with: "stagez:", path: "stages", fragment: "missing"),
]

@Suite struct TopologyValidationTests {
    @Test(arguments: badTopologies)
    func badInputIsReportedAtItsKeyPath(_ bad: BadTopology) throws {
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: bad.yaml, file: "acme.yaml") }

        let atPath = error.problems.filter { $0.path == bad.path }
        #expect(!atPath.isEmpty, "no problem at \(bad.path); got \(error.problems)")
        #expect(atPath.contains { $0.message.contains(bad.fragment) }, "\(atPath) lacks \(bad.fragment)")
        #expect(error.description.contains("\(bad.path): "), "description must show the key path")
        #expect(error.description.hasPrefix("invalid topology file acme.yaml"))
        // A single problem stays on one line; several get a header and one line each.
        #expect(error.description.contains("\n") == (error.problems.count > 1))
    }

    /// Hostile corpus: `regoin:` is one problem with its suggestion, not also four stages without a region.
    @Test func aMisspeltRegionIsOneProblem() throws {
        let yaml = TopologyFixtures.valid(replacing: "region: us-east-1            # default", with: "regoin: us-east-1            # default")
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: yaml, file: "acme.yaml") }
        #expect(error.problems.count == 1, "\(error.problems)")
        #expect(error.problems.first?.message.contains("did you mean \"region\"") == true)
    }

    /// Fuzzing found Yams trapping on a base-60 integer that overflows (fuzz/corpus/FuzzTopology/regression-*).
    @Test(arguments: [
        ("version: 1", "version: " + Array(repeating: "2222", count: 40).joined(separator: ":"), "version", "expected the number 1"),
        ("\"222222222222\"", Array(repeating: "22", count: 40).joined(separator: ":"), "stages.dev.account", "unquoted number"),
    ])
    func anOverflowingBase60NumberIsAProblemNotATrap(target: String, replacement: String, path: String, fragment: String) throws {
        let error = try #require(throws: TopologyError.self) {
            try TopologyLoader.parse(yaml: TopologyFixtures.valid(replacing: target, with: replacement), file: "acme.yaml")
        }
        #expect(error.problems.contains { $0.path == path && $0.message.contains(fragment) }, "\(error.problems)")
    }

    @Test func theBadInputTableIsComplete() {
        // Guards against a table edit that silently drops cases.
        #expect(badTopologies.count == 40)
    }

    @Test func rootThatIsNotAMappingIsReported() throws {
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: "- a\n- b\n", file: "list.yaml") }
        #expect(error.problems.map(\.description) == ["expected a mapping of keys, got a list (line 1)"])
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let yaml = """
            version: 3
            region: us-east-1
            qualifer: x
            stages:
              governance: { account: 111111111111, profile: gov }
              dev:        { account: "2222", profile: "a b" }
              preprod:    { account: "333333333333", profile: pp, region: mars-1 }
            """
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: yaml, file: "many.yaml") }

        let expected: [(String, Int)] = [
            ("version", 1), ("qualifer", 3), ("stages.governance.account", 5), ("stages.dev.account", 6),
            ("stages.dev.profile", 6), ("stages.preprod.region", 7), ("stages.prod", 4),
        ]
        #expect(error.problems.count == expected.count, "\(error.problems)")
        for (path, line) in expected {
            #expect(error.problems.contains { $0.path == path && $0.line == line }, "missing \(path) at line \(line)")
        }
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == expected.count + 1, "one line per problem plus the header")
        #expect(lines[0] == "invalid topology file many.yaml (7 problems):")
        #expect(lines.contains("  stages.dev.account: \"2222\" is not a 12-digit AWS account id (line 6)"))
    }

    @Test func theSameAccountMayServeSeveralStages() throws {
        let yaml = TopologyFixtures.valid.replacingOccurrences(of: "\"333333333333\"", with: "\"222222222222\"")
            .replacingOccurrences(of: "\"444444444444\"", with: "\"222222222222\"")
        let topology = try TopologyLoader.parse(yaml: yaml)
        #expect(Set(topology.stages.map(\.account)) == ["111111111111", "222222222222"])
    }
}
