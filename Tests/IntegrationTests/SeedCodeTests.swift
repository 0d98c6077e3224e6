import Foundation
import Testing
import TestSupport

/// The SageMaker project seed (`seed_code/`, Python): it compiles, its own pytest suite passes, and every YAML and
/// JSON file in it parses. Python tools missing → skipped with a notice, or a failure under `CI=true`.
@Suite struct SeedCodeTests {
    static let root = ConformanceData.packageRoot
    static let seed = root.appendingPathComponent("seed_code")
    /// The pytest cases the seed holds today. Raise it when adding tests: a collection slip that drops cases fails.
    static let minimumPytestCases = 144
    /// Folders that tools create and that are not part of the seed.
    static let generated: Set<String> = ["__pycache__", ".pytest_cache", ".benchmarks", "build"]

    /// Paths relative to `seed_code/` of the files whose extension is in `extensions`, sorted.
    static func files(_ extensions: Set<String>) -> [String] {
        guard let walker = FileManager.default.enumerator(at: seed, includingPropertiesForKeys: [.isDirectoryKey]) else {
            return []
        }
        var found: [String] = []
        for case let url as URL in walker {
            if generated.contains(url.lastPathComponent) {
                walker.skipDescendants()
                continue
            }
            if extensions.contains(url.pathExtension.lowercased()) {
                found.append(String(url.standardizedFileURL.path.dropFirst(seed.standardizedFileURL.path.count + 1)))
            }
        }
        return found.sorted()
    }

    static let yamlFiles = files(["yml", "yaml"])
    static let jsonFiles = files(["json"])

    /// Runs `python3 arguments…` in the package root. Bytecode goes to a temporary folder, never into the tree.
    static func python(_ arguments: [String], timeout: Double = 120) async throws -> CommandRunner.Result {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("seed-pycache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var environment = ["PYTHONPYCACHEPREFIX": cache.path, "PYTHONDONTWRITEBYTECODE": "1"]
        environment["PATH"] = ProjectTools.environment()["PATH"]  // pytest and jsonschema are in the project's venv
        // The seed's tests skip a missing optional tool, except under CI=true, where they fail, as here.
        if let ci = ProcessInfo.processInfo.environment["CI"] { environment["CI"] = ci }
        return try await CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/env"))
            .run(["python3"] + arguments, environment: environment, currentDirectory: root, timeout: timeout)
    }

    /// True when python3 can import `module`. Otherwise prints a notice and returns false, or records a failure
    /// under `CI=true`.
    static func pythonHas(_ module: String) async throws -> Bool {
        let probe = try await python(["-c", "import \(module)"])
        if probe.status == 0 { return true }
        if ConformanceData.isCI {
            Issue.record("python3 cannot import \(module); CI=true requires it (scripts/ensure-tools test installs it into .tools)")
        } else {
            let notice = "NOTICE: skipping a seed_code check: python3 cannot import \(module) (run scripts/ensure-tools test)\n"
            FileHandle.standardError.write(Data(notice.utf8))
        }
        return false
    }

    /// `N passed`, `N skipped`… from pytest's closing summary line.
    static func count(_ outcome: String, in output: String) -> Int {
        guard let summary = output.split(separator: "\n").last(where: { $0.contains(" in ") && $0.contains("passed") }),
              let range = summary.range(of: #"(\d+) \#(outcome)"#, options: .regularExpression)
        else { return 0 }
        return Int(summary[range].split(separator: " ")[0]) ?? 0
    }

    @Test func everyPythonFileCompiles() async throws {
        guard try await Self.pythonHas("compileall") else { return }
        let result = try await Self.python(["-m", "compileall", "-q", "seed_code"])
        #expect(result.status == 0, "\(result.combined)")
    }

    @Test func theSeedTestSuitePasses() async throws {
        guard try await Self.pythonHas("pytest") else { return }
        let result = try await Self.python(["-m", "pytest", "-q", "seed_code"], timeout: 600)
        #expect(result.status == 0, "\(result.combined)")
        let passed = Self.count("passed", in: result.stdout)
        let skipped = Self.count("skipped", in: result.stdout)
        #expect(passed + skipped >= Self.minimumPytestCases, "ran \(passed) passed + \(skipped) skipped:\n\(result.stdout)")
        if ConformanceData.isCI {
            #expect(skipped == 0, "CI=true runs every seed test:\n\(result.stdout)")
        }
    }

    @Test func theSeedHoldsItsBuildspecsAndStageConfigs() {
        #expect(Set(Self.yamlFiles).isSuperset(of: ["build_app/buildspec.yml", "deploy_app/buildspec.yml"]), "\(Self.yamlFiles)")
        let configs = ["dev", "preprod", "prod", "schema"].map { "deploy_app/config/\($0).json" }
        #expect(Set(Self.jsonFiles).isSuperset(of: configs), "\(Self.jsonFiles)")
    }

    @Test(arguments: yamlFiles) func everyYAMLFileParses(_ file: String) async throws {
        guard try await Self.pythonHas("yaml") else { return }
        let path = Self.seed.appendingPathComponent(file).path
        let result = try await Self.python(["-c", "import yaml, sys; yaml.safe_load(open(sys.argv[1]))", path])
        #expect(result.status == 0, "\(file): \(result.stderr)")
    }

    @Test(arguments: jsonFiles) func everyJSONFileParses(_ file: String) throws {
        let data = try Data(contentsOf: Self.seed.appendingPathComponent(file))
        #expect(throws: Never.self, "\(file) is not valid JSON") { try JSONSerialization.jsonObject(with: data) }
    }
}
