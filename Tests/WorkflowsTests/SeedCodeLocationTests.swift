import Assets
import Foundation
import SeedCode
import Testing
import TestSupport
@testable import Workflows

/// The seed code comes from --seed-code, else $MLOPSCTL_SEED_CODE, else the copy built into the executable, which
/// zips to the same bytes (so the same content-addressed asset keys) as the checkout's seed_code/ on disk.
@Suite struct SeedCodeLocationTests {
    static let checkout = ConformanceData.packageRoot.appendingPathComponent("seed_code")

    @Test func theBuiltInCopyIsTheDefaultAndAFolderOverridesIt() {
        #expect(SeedCodeLocation(explicit: nil, environment: [:], currentDirectory: "/w") == .embedded)
        #expect(SeedCodeLocation(explicit: nil, environment: ["MLOPSCTL_SEED_CODE": ""], currentDirectory: "/w") == .embedded)
        #expect(SeedCodeLocation(explicit: nil, environment: ["MLOPSCTL_SEED_CODE": "team"], currentDirectory: "/w")
            == .directory(URL(fileURLWithPath: "/w/team")))
        #expect(SeedCodeLocation(explicit: "/x/seed", environment: ["MLOPSCTL_SEED_CODE": "team"], currentDirectory: "/w")
            == .directory(URL(fileURLWithPath: "/x/seed")))
    }

    @Test(arguments: SeedCodeLocation.apps)
    func theBuiltInAppZipsToTheKeyOfTheSameFilesOnDisk(app: String) throws {
        let embedded = try #require(try SeedCodeLocation.embedded.appTrees()[app])
        let fromEmbedded = try Asset.zipping(embedded, name: app)
        let fromDisk = try Asset.zipping(directory: Self.checkout.appendingPathComponent(app))
        #expect(fromEmbedded.key == fromDisk.key)
        #expect(fromEmbedded.data == fromDisk.data)
        #expect(try SeedCodeLocation.directory(Self.checkout).appTrees()[app] == embedded)
    }

    @Test func theBuiltInCopyLeavesOutWhatZipsLeaveOut() {
        // The plugin collects files with its own copy of the list; the two must agree or the keys would differ.
        #expect(EmbeddedSeedCode.exclusions == DeterministicZip.defaultExclusions)
        #expect(!EmbeddedSeedCode.tree.entries.contains { $0.path.contains("__pycache__") || $0.path.hasSuffix(".pyc") })
        #expect(EmbeddedSeedCode.tree.contents(of: "deploy_app/config/prod.json") != nil)
    }

    @Test func aMissingFolderIsNamedWithTheFix() {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        do {
            _ = try SeedCodeLocation.directory(missing).appTrees()
            Issue.record("a missing folder was accepted")
        } catch let error as CatalogInputError {
            #expect(error.problems.count == 2)
            #expect(error.problems.first?.hasPrefix("seed code folder \(missing.path)/build_app not found; pass --seed-code DIR") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
