import Foundation
import Testing
@testable import Topology

/// An alias used as a mapping key is refused before Yams composes the file (Yams hashes keys expanded: a nested-alias
/// key took a minute, found by scripts/fuzz); aliases as values, in strings and comments, and `*` inside a plain
/// scalar are left to the loader.
@Suite struct AliasKeyScanTests {
    @Test(arguments: [
        ("a: &a [x]\n*a: 1\n", "*a", 2),
        ("a: &a [x]\nm: { *a, k: v }\n", "*a", 2),
        ("a: &a [x]\nm: {k: v, *a: 1}\n", "*a", 2),
        ("a: &a [x]\n? *a\n: 1\n", "*a", 2),
        ("a: &a [x]\nl:\n  - *a : 1\n", "*a", 3),
        ("a: &a [x]\nm: [ *a: 1 ]\n", "*a", 2),
        ("a: &a [x]\nm: [*a, *a  prod: *a\n", "*a", 2),  // found by scripts/fuzz: text after an alias joins it to a key
        // found by scripts/fuzz in CI: a `"` inside a plain scalar is text, so it must not hide the lines up to the next `"`
        ("a: &a [x]\nversion# \"x: 1\nm: { k *a, *a, c: \"1\" }\n", "*a", 3),
    ])
    func anAliasKeyIsFound(_ yaml: String, _ alias: String, _ line: Int) {
        let found = AliasKeyScan.firstAliasKey(in: yaml)
        #expect(found?.alias == alias && found?.line == line, "\(String(describing: found)) in \(yaml)")
    }

    @Test(arguments: [
        "base: &a { account: \"1\" }\nstages:\n  dev: *a\n  prod: *a\n",
        "tags: &t { team: ml }\nother: { <<: *t, x: 1 }\n",
        "list: [*a, *b]\n",
        "name: \"*a: not an alias\"\nother: '*b: nor this'\n",
        "# *a: a comment\nkey: a*b\nk2: x *y\n",
        "key: value # { *a, }\n",
        "key: it's \"quoted\" text\nother: *a\n",
    ])
    func valuesStringsAndCommentsAreNotKeys(_ yaml: String) {
        #expect(AliasKeyScan.firstAliasKey(in: yaml) == nil, "\(yaml)")
    }

    /// The input scripts/fuzz found: nested aliases, one of them a key in a flow mapping. Refused in well under a second.
    @Test func theFuzzersBillionLaughsKeyIsRefusedAtOnce() throws {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "version: 1\nstages:\n  governance: { ac *h, *h, count: \"111111111111\" }\n"
        let started = ContinuousClock.now
        let error = try #require(throws: TopologyError.self) { try TopologyLoader.parse(yaml: yaml) }
        #expect(ContinuousClock.now - started < .seconds(10), "the expanded keys took 59 s before the scan")
        #expect(error.description.contains("the alias *h is used as a mapping key"), "\(error)")
    }
}
