import AWSServices
import Foundation
import Ledger
import Testing
import TestSupport
import Topology

/// The output contract (docs/output.md) on the emulator: every command's `--output json` is one document valid against
/// its committed schema, and `--output jsonl` is a stream of events naming stage and stack, ending in a result line.
@Suite struct OutputContractTests {
    /// Runs mlopsctl and checks its stdout against the schema `schema` with scripts/check-output.
    struct Checker {
        let environment: [String: String]

        func run(_ arguments: [String], expect status: Int32 = 0) async throws -> CommandRunner.Result {
            let result = try await CommandRunner().run(arguments, environment: environment)
            #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.combined)")
            return result
        }

        /// `arguments` + `--output json|jsonl`, checked against `schema`; returns stdout.
        @discardableResult
        func check(_ schema: String, _ arguments: [String], mode: String = "json", expect status: Int32 = 0) async throws -> String {
            let result = try await run(arguments + ["--output", mode], expect: status)
            try await OutputSchema.check(schema, mode: mode, stdout: result.stdout, what: arguments.joined(separator: " "))
            return result.stdout
        }
    }

    static func lines(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    @Test func everyCommandsJSONMatchesItsSchemaThroughTheLifecycle() async throws {
        try await withEmulator { emulator in
            let fixture = try BootstrapFixture(emulator, extraYAML: "project: { source: s3, via: cloudformation }\n")
            let scratch = emulator.directory.appendingPathComponent("outputs")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let out = Checker(
                environment: BootstrapCrashAndLockTests.environment(emulator, ledger: fixture.ledgerPath, topology: fixture.topologyPath))

            var initArguments = ["init", "--topology", scratch.appendingPathComponent("init.yaml").path, "--region", "us-east-1", "--via", "cloudformation"]
            for account in emulator.accounts {
                initArguments += ["--\(account.stage)-account", account.accountID, "--\(account.stage)-profile", account.profile]
            }
            try await out.check("init", initArguments)
            try await out.check("doctor", ["doctor"])
            // AWS_PROFILE cannot choose one profile for four accounts: ignored with a warning, which --quiet silences.
            var withProfile = out.environment
            withProfile["AWS_PROFILE"] = "someone-elses"
            let warned = try await CommandRunner().run(["doctor"], environment: withProfile)
            #expect(warned.status == 0 && warned.stderr.contains("warning: AWS_PROFILE=someone-elses is ignored"), "\(warned.combined)")
            let quiet = try await CommandRunner().run(["doctor", "--quiet", "--output", "json"], environment: withProfile)
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.combined)")
            try await out.check("bootstrap", ["bootstrap", "--dry-run"])
            // Four stages at once: every stack line names its stage, so the four CDKToolkit lines can be told apart.
            let stream = Self.lines(try await out.check("bootstrap", ["bootstrap"], mode: "jsonl"))
            let stackLines = stream.filter { $0["stack"] != nil }
            #expect(!stackLines.isEmpty && stackLines.allSatisfy { $0["stage"] is String }, "\(stream)")
            let started = stackLines.filter { $0["stack"] as? String == "CDKToolkit" && $0["phase"] as? String == "started" }
            #expect(Set(started.compactMap { $0["stage"] as? String }) == ["governance", "dev", "preprod", "prod"], "\(started)")
            try await out.check("bootstrap", ["bootstrap"])
            // The ledger now knows whom each bootstrap trusts: the graph draws the topology's trust, not a guess.
            let graph = try await out.run(["ledger", "graph"])
            #expect(graph.stdout.contains("trust edges: as each bootstrap recorded them"), "\(graph.stdout.prefix(300))")
            #expect(graph.stdout.components(separatedBy: "[label=\"trusts\"").count - 1 == 5, "\(graph.stdout)")
            try await out.check("synth", ["synth", "--out", scratch.appendingPathComponent("synth").path])

            try await LifecycleStandIns.putLeadRole(fixture)
            try await out.check("publish-catalog", ["publish-catalog", "--dry-run"])
            try await out.check("publish-catalog", ["publish-catalog"], mode: "jsonl")
            try await out.check("launch-project", ["launch-project", "--name", "demo", "--id", "p-demo1", "--dry-run"])
            try await out.check("launch-project", ["launch-project", "--name", "demo", "--id", "p-demo1"])
            _ = try await PromoteTests.registerPackage(try fixture.session(.dev), group: "demo-p-demo1")
            try await out.check("promote", ["promote", "--project", "demo", "--to", "dev", "--approve", "--dry-run"])
            try await out.check("promote", ["promote", "--project", "demo", "--to", "dev", "--approve"])
            try await out.check("status", ["status"])
            try await out.check("status", ["status", "--verify"])
            try await out.check("refresh", ["refresh"])
            try await out.check("refresh", ["refresh", "--stage", "dev", "--project", "demo"], mode: "jsonl")
            try await out.check("import", ["import", "--stage", "dev", "--stack", "CDKToolkit", "--dry-run"])
            try await out.check("import", ["import", "--stage", "dev", "--stack", "CDKToolkit"])

            try await out.check("ledger-list", ["ledger", "list", "--kind", "stack"])
            let runs = try JSONSerialization.jsonObject(with: Data(try await out.check("ledger-runs", ["ledger", "runs"]).utf8)) as? [[String: Any]]
            let first = try #require(runs?.last?["id"] as? Int)
            try await out.check("ledger-show", ["ledger", "show", String(first)])
            try await out.check("ledger-export", ["ledger", "export"])
            try await out.check("ledger-unlock", ["ledger", "unlock", "--yes"])
            try await out.check("seed-code-export", ["seed-code", "export", scratch.appendingPathComponent("seed").path])

            let prod = fixture.topology[.prod].account
            try await out.check("teardown", ["teardown", "--all", "--dry-run"])
            let teardown = Self.lines(try await out.check("teardown", ["teardown", "--all", "--yes", "--confirm-prod", prod], mode: "jsonl"))
            #expect(teardown.last?["exitCode"] as? Int == 0, "\(teardown.last ?? [:])")
            try await out.check("teardown", ["teardown", "--all"])  // nothing left: an empty plan, still one document
        }
    }

    /// A run that fails still ends its jsonl stream with a result line carrying the exit code and the error.
    @Test func aFailedRunEndsItsStreamWithAResultLine() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yaml").path
        let result = try await CommandRunner().run(["doctor", "--topology", missing, "--output", "jsonl"])
        #expect(result.status == 1)
        let last = try #require(Self.lines(result.stdout).last)
        #expect(last["type"] as? String == "result" && last["exitCode"] as? Int == 1, "\(result.stdout)")
        #expect((last["error"] as? String)?.contains("file not found") == true, "\(last)")
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")

        // A command line that does not parse still ends its stream with a result line, with the usage status.
        let unparsed = try await CommandRunner().run(["ledger", "runs", "--output", "jsonl", "--no-such-flag"])
        #expect(unparsed.status == 64, "\(unparsed.combined)")
        let closing = try #require(Self.lines(unparsed.stdout).last, "\(unparsed.combined)")
        #expect(closing["type"] as? String == "result" && closing["command"] as? String == "ledger runs" && closing["exitCode"] as? Int == 64)
        #expect((closing["error"] as? String)?.contains("--no-such-flag") == true, "\(closing)")
        #expect(Self.lines(unparsed.stdout).count == 1, "\(unparsed.stdout)")
    }
}
