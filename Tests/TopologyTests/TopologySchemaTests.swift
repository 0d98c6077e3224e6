import Foundation
import TestSupport
import Testing

@testable import Topology

/// docs/topology.schema.json against the loader: the same keys in every mapping (both ways), the same enumerations,
/// and the repository's topologies valid under both.
@Suite struct TopologySchemaTests {
    static let schemaURL = ConformanceData.packageRoot.appendingPathComponent("docs/topology.schema.json")

    static func schema() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL))
        return try #require(object as? [String: Any], "docs/topology.schema.json is not a JSON object")
    }

    /// The mapping the loader reads at each key path, with the keys it accepts there. `*` is the stage's mapping.
    static let loaderKeys: [String: [String]] = [
        "": TopologyKeys.topLevel,
        "stages": Stage.allCases.map(\.rawValue),
        "stages.*": TopologyKeys.stage,
        "trust": Stage.allCases.map(\.rawValue),
        "executionPolicies": Stage.allCases.map(\.rawValue),
        "bootstrap": TopologyKeys.bootstrap,
        "catalog": TopologyKeys.catalog,
        "project": TopologyKeys.project,
        "organization": TopologyKeys.organization,
        "organization.preferences": TopologyKeys.preferences,
        "organization.targets": OrganizationTarget.stages.map(\.rawValue),
        "organization.targets.*": TopologyKeys.organizationTarget,
    ]

    @Test func everyMappingHasTheLoadersKeysAndNoOthers() throws {
        let schema = try Self.schema()
        var found: [String: [String]] = [:]
        Self.collectMappings(schema, path: "", root: schema, into: &found)
        #expect(Set(found.keys) == Set(Self.loaderKeys.keys), "mappings in the schema: \(found.keys.sorted())")
        for (path, keys) in Self.loaderKeys {
            let schemaKeys = try #require(found[path], "the schema has no mapping at \(path.isEmpty ? "the root" : path)")
            #expect(Set(schemaKeys) == Set(keys), "at \(path.isEmpty ? "the root" : path): schema \(schemaKeys.sorted()), loader \(keys.sorted())")
        }
    }

    @Test func everyMappingRefusesUnknownKeysAsTheLoaderDoes() throws {
        let schema = try Self.schema()
        var closed: [String: Bool] = [:]
        Self.collectClosedness(schema, path: "", root: schema, into: &closed)
        for (path, isClosed) in closed { #expect(isClosed, "\(path.isEmpty ? "the root" : path) allows unknown keys; the loader refuses them") }
    }

    @Test func enumerationsMatchTheLoader() throws {
        let schema = try Self.schema()
        func values(_ path: [String]) throws -> Set<String> {
            var node: Any = schema
            for key in path { node = try #require((node as? [String: Any])?[key], "no \(path.joined(separator: "/"))") }
            return Set(try #require((node as? [String: Any])?["enum"] as? [String], "no enum at \(path.joined(separator: "/"))"))
        }
        #expect(try values(["properties", "project", "properties", "source"]) == Set(ProjectSettings.Source.allCases.map(\.rawValue)))
        #expect(try values(["properties", "project", "properties", "via"]) == Set(ProjectSettings.Via.allCases.map(\.rawValue)))
        #expect(try values(["$defs", "stageName"]) == Set(Stage.allCases.map(\.rawValue)))
        let version = try #require(((schema["properties"] as? [String: Any])?["version"] as? [String: Any])?["enum"] as? [Int])
        #expect(Set(version) == Set(Topology.supportedVersions))
    }

    /// Topologies in the repository and the test fixtures: each loads, and each validates against the schema.
    static func validDocuments() throws -> [(name: String, yaml: String)] {
        let root = ConformanceData.packageRoot
        var documents = try ["profiles/local.yaml", "profiles/local-multi-region.yaml", "fuzz/corpus/FuzzTopology/full.yaml"].map {
            ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
        }
        documents.append(("TopologyFixtures.valid", TopologyFixtures.valid))
        documents.append(("every key", Self.everyKey))
        return documents
    }

    /// Every key the loader reads, with values it accepts.
    static let everyKey = """
        version: 1
        region: us-east-1
        qualifier: hnb659fds
        stages:
          governance: { account: "111111111111", profile: acme-governance }
          dev:        { account: "222222222222", profile: acme-dev, region: us-west-2 }
          preprod:    { account: "333333333333" }
          prod:       { account: "444444444444" }
        trust: { dev: [governance], preprod: [dev, governance], prod: [] }
        executionPolicies: { dev: ["arn:aws:iam::aws:policy/PowerUserAccess"] }
        bootstrap: { stackName: CDKToolkit, terminationProtection: true, tags: { team: ml-platform } }
        catalog: { portfolioName: MLOps, portfolioOwner: platform, productName: Project, productVersion: "2.0" }
        project: { source: codecommit, via: cloudformation }
        organization:
          profile: acme-management
          accessRole: OrganizationAccountAccessRole
          regions: [us-east-1]
          autoDeployment: true
          retainStacksOnAccountRemoval: false
          preferences:
            maxConcurrentCount: 2
            failureToleranceCount: 1
            regionConcurrency: sequential
            regionOrder: [us-east-1]
            concurrencyMode: strict
          targets:
            dev: { organizationalUnits: [ou-ab12-11111111] }
            prod: { organizationalUnits: [ou-ab12-33333333], accounts: ["555555555555"] }
        """

    /// Documents the loader refuses, each for one reason a schema can also see.
    static let invalidDocuments: [(name: String, yaml: String)] = [
        ("unknown key", TopologyFixtures.valid + "\nregoin: us-east-1\n"),
        ("unquoted account", TopologyFixtures.valid(replacing: "\"222222222222\"", with: "222222222222")),
        ("bad qualifier", TopologyFixtures.valid(replacing: "qualifier: hnb659fds", with: "qualifier: far-too-long-qualifier")),
        ("missing stage", TopologyFixtures.valid(replacing: "  prod:       { account: \"444444444444\", profile: acme-prod }", with: "")),
        ("bad project.via", TopologyFixtures.valid + "\nproject: { via: terraform }\n"),
        ("unknown stage in trust", TopologyFixtures.valid + "\ntrust: { qa: [dev] }\n"),
    ]

    @Test func repositoryTopologiesLoadAndValidate() async throws {
        let documents = try Self.validDocuments()
        for document in documents {
            #expect(throws: Never.self, "\(document.name) does not load") { try TopologyLoader.parse(yaml: document.yaml, file: document.name) }
        }
        guard let verdicts = try await Self.validate(documents) else { return }
        for document in documents { #expect(verdicts[document.name] == [], "\(document.name): \(verdicts[document.name] ?? ["no verdict"])") }
    }

    @Test func documentsTheLoaderRefusesAreInvalidUnderTheSchema() async throws {
        for document in Self.invalidDocuments {
            #expect(throws: (any Error).self, "\(document.name) loads") { try TopologyLoader.parse(yaml: document.yaml, file: document.name) }
        }
        guard let verdicts = try await Self.validate(Self.invalidDocuments) else { return }
        for document in Self.invalidDocuments { #expect(verdicts[document.name]?.isEmpty == false, "\(document.name) passes the schema") }
    }

    // MARK: - Schema walking

    /// Every object schema with `properties`, by the topology key path it describes (`$ref`s followed).
    static func collectMappings(_ node: [String: Any], path: String, root: [String: Any], into found: inout [String: [String]]) {
        let node = resolved(node, root: root)
        guard let properties = node["properties"] as? [String: Any] else { return }
        found[path] = Array(properties.keys)
        for (key, child) in properties {
            guard let child = child as? [String: Any] else { continue }
            collectMappings(child, path: childPath(path, key), root: root, into: &found)
        }
    }

    static func collectClosedness(_ node: [String: Any], path: String, root: [String: Any], into closed: inout [String: Bool]) {
        let node = resolved(node, root: root)
        guard let properties = node["properties"] as? [String: Any] else { return }
        closed[path] = node["additionalProperties"] as? Bool == false
        for (key, child) in properties {
            guard let child = child as? [String: Any] else { continue }
            collectClosedness(child, path: childPath(path, key), root: root, into: &closed)
        }
    }

    /// A stage's own mapping is `stages.*` (and a target's `organization.targets.*`), whatever the stage.
    private static func childPath(_ path: String, _ key: String) -> String {
        if path == "stages" || path == "organization.targets" { return path + ".*" }
        return path.isEmpty ? key : "\(path).\(key)"
    }

    private static func resolved(_ node: [String: Any], root: [String: Any]) -> [String: Any] {
        guard let reference = node["$ref"] as? String, reference.hasPrefix("#/") else { return node }
        var target: Any = root
        for part in reference.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(part)] ?? [:] }
        return resolved(target as? [String: Any] ?? [:], root: root)
    }

    // MARK: - Validation with python jsonschema

    /// Each document's schema errors (empty when valid), from python's jsonschema (installed by scripts/ensure-tools
    /// test); nil when it is missing outside CI (skipped with a notice), a failure under CI=true.
    static func validate(_ documents: [(name: String, yaml: String)]) async throws -> [String: [String]]? {
        let environment = ProjectTools.environment()
        guard let python = ProjectTools.find("python3", environment: environment), await canImport(python, environment: environment) else {
            let message = "python3 with jsonschema and PyYAML is not available (scripts/ensure-tools test installs them)"
            if ConformanceData.isCI {
                Issue.record("CI=true requires it: \(message)")
            } else {
                FileHandle.standardError.write(Data("NOTICE: skipping the schema validation: \(message)\n".utf8))
            }
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("topology-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Dictionary(uniqueKeysWithValues: documents.map { ($0.name, $0.yaml) })
        let inputURL = folder.appendingPathComponent("documents.json")
        try JSONSerialization.data(withJSONObject: input).write(to: inputURL)
        let script = """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            documents = json.load(open(sys.argv[2]))
            print(json.dumps({name: [error.message for error in validator.iter_errors(yaml.safe_load(text))]
                              for name, text in documents.items()}))
            """
        let output = try await run(python, ["-c", script, schemaURL.path, inputURL.path], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(object as? [String: [String]], "unexpected output: \(output)")
    }

    private static func canImport(_ python: URL, environment: [String: String]) async -> Bool {
        (try? await run(python, ["-c", "import jsonschema, yaml"], environment: environment)) != nil
    }

    private static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) async throws -> String {
        let result = try await CapturedProcess.run(executable, arguments, environment: environment)
        guard result.status == 0 else { throw CocoaError(.executableLoad) }
        return result.stdout
    }
}
