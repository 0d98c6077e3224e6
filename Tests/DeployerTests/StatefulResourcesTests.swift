import Deployer
import Foundation
import TestSupport
import Testing

/// The guard's replacement properties are the resource schemas' `createOnlyProperties`, read from cfn-lint's copy of
/// the CloudFormation registry schemas (the Python that runs cfn-lint is found through its launcher).
@Suite struct StatefulResourcesTests {
    @Test func replacementPropertiesMatchTheResourceSchemas() async throws {
        guard let python = await Self.cfnLintPython() else {
            if ConformanceData.isCI { Issue.record("cfn-lint is not installed; CI=true requires it (scripts/ensure-tools installs it)") }
            return
        }
        let types = StatefulResources.replacementProperties.keys.sorted()
        let script = """
            import json, sys
            from cfnlint.schema import PROVIDER_SCHEMA_MANAGER as m
            out = {}
            for t in sys.argv[1:]:
                props = m.get_resource_schema("us-east-1", t).schema.get("createOnlyProperties") or []
                out[t] = sorted({p.split("/")[2] for p in props})
            print(json.dumps(out))
            """
        let result = try await CommandRunner().run(["-c", script] + types, through: [python])
        #expect(result.status == 0, "\(result.combined)")
        let schemas = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String]])
        for type in types {
            let ours = StatefulResources.replacementProperties[type]!.sorted()
            if type == "AWS::KMS::Key" {
                // Its schema lists none; the resource documentation names these as "Update requires: Replacement".
                #expect(schemas[type] == [], "the KMS key schema now lists create-only properties: \(schemas[type] ?? [])")
                #expect(ours == ["KeySpec", "KeyUsage", "MultiRegion", "Origin"])
            } else {
                #expect(ours == schemas[type], "\(type)")
            }
        }
    }

    /// A Python that imports cfnlint: the interpreter of the `cfn-lint` launcher on PATH (a virtualenv's), else python3.
    static func cfnLintPython() async -> String? {
        var candidates: [String] = []
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let launcher = "\(directory)/cfn-lint"
            guard FileManager.default.isExecutableFile(atPath: launcher),
                let text = try? String(contentsOfFile: launcher, encoding: .utf8), text.hasPrefix("#!")
            else { continue }
            let interpreter = text.dropFirst(2).prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
            if interpreter.hasPrefix("/"), !interpreter.contains(" ") { candidates.append(interpreter) }
            break
        }
        candidates.append("python3")
        for candidate in candidates {
            if let result = try? await CommandRunner().run(["-c", "import cfnlint.schema"], through: [candidate]), result.status == 0 {
                return candidate
            }
        }
        return nil
    }
}
