import Foundation
import TestSupport
import Testing
import Topology

/// `mlopsctl init --from-seed-constants FILE` through the binary: the seed's constants.py gives the accounts and the
/// region, flags give the profiles (and override the file); a file that is missing, a directory, binary, incomplete or
/// wrong ends in one line per problem naming the file (and line) and the fix, exit status 1, and nothing written.
@Suite struct InitFromSeedConstantsTests {
    static let profileFlags = ["--governance-profile", "acme-gov", "--dev-profile", "acme-dev", "--preprod-profile", "acme-pre", "--prod-profile", "acme-prod"]

    /// A scratch directory holding `constants.py` with `text` (raw bytes when `data` is given), an empty AWS config and
    /// the output path; runs `init --from-seed-constants <file> --no-verify` with `extra` arguments.
    static func run(_ text: String? = nil, data: Data? = nil, file: String = "constants.py", extra: [String] = profileFlags) async throws
        -> (CommandRunner.Result, URL)
    {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let bytes = data ?? text.map({ Data($0.utf8) }) { try bytes.write(to: directory.appendingPathComponent("constants.py")) }
        try Data().write(to: directory.appendingPathComponent("config"))
        let out = directory.appendingPathComponent("profiles/mlopsctl.yaml")
        let environment = [
            "HOME": directory.path, "AWS_CONFIG_FILE": directory.appendingPathComponent("config").path,
            "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("config").path,
        ]
        let result = try await CommandRunner().run(
            ["init", "--from-seed-constants", file, "--no-verify", "--out", out.path] + extra, environment: environment, currentDirectory: directory)
        return (result, out)
    }

    @Test func theFilledInConstantsAndProfileFlagsWriteATopologyThatReadsBack() async throws {
        let (result, out) = try await Self.run(SeedConstantsFixture.filledIn)
        #expect(result.status == 0, "\(result.combined)")
        let topology = try TopologyLoader.load(path: out.path)
        #expect(topology.stages.map(\.account) == ["111111111111", "222222222222", "333333333333", "444444444444"])
        #expect(topology.stages.map(\.profile) == ["acme-gov", "acme-dev", "acme-pre", "acme-prod"])
        #expect(topology.stages.allSatisfy { $0.region == "eu-west-1" } && topology.qualifier == "hnb659fds")
        #expect(try String(contentsOf: out, encoding: .utf8).contains("from constants.py"))
    }

    @Test func flagsOverrideTheFileEvenWhereTheFileIsWrong() async throws {
        let text = SeedConstantsFixture.filledIn.replacingOccurrences(of: "\"444444444444\"", with: "\"\"")
        let (result, out) = try await Self.run(text, extra: Self.profileFlags + ["--prod-account", "555555555555", "--region", "us-west-2"])
        #expect(result.status == 0, "\(result.combined)")
        let topology = try TopologyLoader.load(path: out.path)
        #expect(topology[.prod].account == "555555555555" && topology.region == "us-west-2")
    }

    @Test func aStageRegionFlagPutsThatStageInItsOwnRegion() async throws {
        let (result, out) = try await Self.run(
            SeedConstantsFixture.filledIn, extra: Self.profileFlags + ["--preprod-region", "eu-central-1", "--prod-region", "ap-southeast-2"])
        #expect(result.status == 0, "\(result.combined)")
        let topology = try TopologyLoader.load(path: out.path)
        #expect(topology.stages.map(\.region) == ["eu-west-1", "eu-west-1", "eu-central-1", "ap-southeast-2"], "\(topology.stages)")
    }

    @Test func aMalformedStageRegionIsRefusedAndNothingIsWritten() async throws {
        let (result, out) = try await Self.run(SeedConstantsFixture.filledIn, extra: Self.profileFlags + ["--prod-region", "Mars 1"])
        #expect(result.status != 0 && result.stderr.contains("Mars 1"), "\(result.combined)")
        #expect(!result.combined.contains("Fatal error") && result.stderr.split(separator: "\n").count == 1, "\(result.combined)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        var text: String? = nil
        var data: Data? = nil
        var file = "constants.py"
        var extra = InitFromSeedConstantsTests.profileFlags
        /// One expected line each, in order.
        let lines: [String]
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "missing file", file: "nowhere/constants.py", lines: [
            "Error: cannot read nowhere/constants.py: no such file; pass the seed's mlops_sm_project_template/config/constants.py to --from-seed-constants",
        ]),
        Hostile(name: "a directory", text: "", file: ".", lines: ["Error: cannot read .: it is a directory, not the constants.py file;"]),
        Hostile(name: "binary junk", data: Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0xFF, 0xFE, 0x10]), lines: [
            "Error: cannot read constants.py: it is not a text file (a NUL byte at offset 6);",
        ]),
        Hostile(name: "invalid UTF-8", data: Data([0x44, 0x45, 0x56, 0xFF, 0xFE, 0x0A]), lines: ["Error: cannot read constants.py: it is not UTF-8 text;"]),
        Hostile(name: "the unfilled seed file", text: "PIPELINE_ACCOUNT = \"\"\nDEV_ACCOUNT = \"\"\nPREPROD_ACCOUNT = \"\"\nPROD_ACCOUNT = \"\"\n", lines: [
            "Error: constants.py:1: PIPELINE_ACCOUNT is empty (cdk-account-setup.sh has not filled it in); fix the file or pass --governance-account",
            "constants.py:2: DEV_ACCOUNT is empty (cdk-account-setup.sh has not filled it in); fix the file or pass --dev-account",
            "constants.py:3: PREPROD_ACCOUNT is empty (cdk-account-setup.sh has not filled it in); fix the file or pass --preprod-account",
            "constants.py:4: PROD_ACCOUNT is empty (cdk-account-setup.sh has not filled it in); fix the file or pass --prod-account",
            "constants.py: no DEFAULT_DEPLOYMENT_REGION = \"…\" line (cdk-account-setup.sh writes one); fix the file or pass --region",
        ]),
        Hostile(
            name: "bad account id and code instead of a value",
            text: SeedConstantsFixture.filledIn.replacingOccurrences(of: "\"222222222222\"", with: "\"22222222222\"")
                .replacingOccurrences(of: "\"333333333333\"", with: "os.getenv(\"PREPROD\")"),
            lines: [
                "Error: constants.py:7: DEV_ACCOUNT \"22222222222\" is not a 12-digit AWS account id; fix the file or pass --dev-account",
                "constants.py:9: PREPROD_ACCOUNT is not a quoted string or a number (the file is read, never run: write the value in quotes); "
                    + "fix the file or pass --preprod-account",
            ]),
        Hostile(name: "no profiles without a terminal", text: SeedConstantsFixture.filledIn, extra: [], lines: [
            "Error: missing answers: --governance-profile, --dev-profile, --preprod-profile, --prod-profile (without a terminal every answer is a flag)",
        ]),
    ]

    @Test(arguments: hostile)
    func hostileInputEndsInOneLinePerProblemAndWritesNothing(_ input: Hostile) async throws {
        let (result, out) = try await Self.run(input.text, data: input.data, file: input.file, extra: input.extra)
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == input.lines.count, "\(result.stderr)")
        for (line, expected) in zip(lines, input.lines) { #expect(line.hasPrefix(expected), "\(line)\n  expected: \(expected)") }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
