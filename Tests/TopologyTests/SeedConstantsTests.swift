import Foundation
import Testing
import TestSupport
import Topology

/// The seed's config/constants.py, read as text: the four accounts and the region from plain top-level assignments,
/// and one problem per needed name otherwise, each with its file and line.
@Suite struct SeedConstantsTests {
    static let filledIn = SeedConstantsFixture.filledIn

    func accounts(_ constants: SeedConstants) -> [String] {
        Stage.allCases.map { (try? constants.account($0).get().text) ?? "-" }
    }

    @Test func theFilledInFileGivesTheFourAccountsAndTheRegionWithTheirLines() throws {
        let constants = SeedConstants.parse(Self.filledIn, path: "constants.py")
        #expect(accounts(constants) == ["111111111111", "222222222222", "333333333333", "444444444444"])
        #expect(try constants.region.get().text == "eu-west-1" && constants.region.get().line == 13)
        #expect(try constants.account(.dev).get().line == 7)
        #expect(constants.problems.isEmpty)
    }

    @Test func singleQuotesNumbersAnnotationsCRLFAndAByteOrderMarkAreRead() {
        let text = "\u{FEFF}PIPELINE_ACCOUNT='111111111111'\r\nDEV_ACCOUNT = 222_222_222_222 # unquoted\r\n"
            + "PREPROD_ACCOUNT: str = \"333333333333\"\r\nPROD_ACCOUNT\t=\t\"444444444444\"#c\r\nDEFAULT_DEPLOYMENT_REGION = 'us-gov-west-1'\r\n"
        let constants = SeedConstants.parse(text, path: "c.py")
        #expect(accounts(constants) == ["111111111111", "222222222222", "333333333333", "444444444444"])
        #expect((try? constants.region.get().text) == "us-gov-west-1")
        #expect(constants.problems.isEmpty, "\(constants.problems)")
    }

    @Test func theUnfilledSeedDefaultsAreEmptyNotAccounts() {
        let constants = SeedConstants.parse(Self.filledIn.replacingOccurrences(of: "\"222222222222\"", with: "\"\""), path: "c.py")
        #expect(constants.problems["DEV_ACCOUNT"]?.description == "c.py:7: DEV_ACCOUNT is empty (cdk-account-setup.sh has not filled it in)")
    }

    @Test(arguments: [
        ("DEV_ACCOUNT = os.environ[\"DEV\"]", "c.py:1: DEV_ACCOUNT is not a quoted string or a number"),
        ("DEV_ACCOUNT = f\"{X}\"", "c.py:1: DEV_ACCOUNT is not a quoted string or a number"),
        ("DEV_ACCOUNT = \"2222\" + \"22222222\"", "c.py:1: DEV_ACCOUNT is followed by more than a comment"),
        ("DEV_ACCOUNT = \"222222222222", "c.py:1: DEV_ACCOUNT has no closing quote on its line"),
        ("DEV_ACCOUNT = \"\"\"222222222222\"\"\"", "c.py:1: DEV_ACCOUNT is a triple-quoted string"),
        ("DEV_ACCOUNT = \"22222\\n2222222\"", "c.py:1: DEV_ACCOUNT holds a backslash escape"),
        ("DEV_ACCOUNT = \"2222\u{07}22222222\"", "c.py:1: DEV_ACCOUNT holds control characters"),
        ("DEV_ACCOUNT = \"12345\"", "c.py:1: DEV_ACCOUNT \"12345\" is not a 12-digit AWS account id"),
        ("DEV_ACCOUNT = \"22222222222a\"", "c.py:1: DEV_ACCOUNT \"22222222222a\" is not a 12-digit AWS account id"),
        ("if x:\n    DEV_ACCOUNT = \"222222222222\"", "c.py:2: DEV_ACCOUNT is assigned inside a block"),
        ("DEV_ACCOUNT = \"222222222222\"\nDEV_ACCOUNT = \"555555555555\"", "c.py:2: DEV_ACCOUNT is assigned 2 times (lines 1, 2); keep one"),
        ("", "c.py: no DEV_ACCOUNT = \"…\" line (cdk-account-setup.sh writes one; newer seeds keep it in config/accounts.json)"),
    ])
    func aValueThatIsNotPlainIsAProblemAtItsLine(line: String, problem: String) {
        let constants = SeedConstants.parse(line + "\n", path: "c.py")
        let found = constants.problems["DEV_ACCOUNT"]?.description ?? "none"
        #expect(found.hasPrefix(problem), "\(found)")
        #expect(constants.values["DEV_ACCOUNT"] == nil)
    }

    @Test func otherPythonIsIgnoredAndComparisonsAreNotAssignments() {
        let text = "import os\nDEV_ACCOUNT == \"x\"\ndef f():\n    return 1\n" + Self.filledIn
        let constants = SeedConstants.parse(text, path: "c.py")
        #expect(constants.problems.isEmpty, "\(constants.problems)")
        #expect((try? constants.account(.dev).get().line) == 11)
    }

    @Test func aFileThatIsNotTextIsRefusedNamingTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("junk.py")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x01]).write(to: binary)
        let latin1 = directory.appendingPathComponent("latin1.py")
        try Data("DEV_ACCOUNT = \"caf\u{E9}\"".data(using: .isoLatin1)!).write(to: latin1)
        let cases: [(String, String)] = [
            (binary.path, "it is not a text file (a NUL byte at offset 5)"), (latin1.path, "it is not UTF-8 text"),
            (directory.path, "it is a directory, not the constants.py file"), (directory.appendingPathComponent("none.py").path, "no such file"),
        ]
        for (path, reason) in cases {
            let error = #expect(throws: SeedConstantsError.self) { try SeedConstants.read(path: path) }
            #expect(error?.reason == reason && error?.description.hasPrefix("cannot read \(path): ") == true, "\(String(describing: error))")
        }
    }
}
