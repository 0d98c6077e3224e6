import Testing
@testable import Topology

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("", "abc", 3), ("abc", "abc", 0), ("acount", "account", 1), ("regoin", "region", 1), ("kitten", "sitting", 3),
        ("prdo", "prod", 1), ("ab", "ba", 1), ("abc", "ca", 3),
    ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(EditDistance.between(a, b) == expected)
        #expect(EditDistance.between(b, a) == expected)
    }

    @Test func suggestsOnlyPlausibleTypos() {
        let keys = ["version", "region", "qualifier", "stages"]
        #expect(EditDistance.suggestion(for: "regoin", among: keys) == "region")
        #expect(EditDistance.suggestion(for: "Stages", among: keys) == "stages")
        #expect(EditDistance.suggestion(for: "stage", among: keys) == "stages")
        #expect(EditDistance.suggestion(for: "owner", among: keys) == nil)
        #expect(EditDistance.suggestion(for: "x", among: keys) == nil)
        // A swap of two neighbouring letters is one edit, so a 4-letter stage name still gets its hint.
        #expect(EditDistance.suggestion(for: "prdo", among: ["dev", "preprod", "prod"]) == "prod")
        #expect(EditDistance.suggestion(for: "dve", among: ["dev", "preprod", "prod"]) == "dev")
    }
}
