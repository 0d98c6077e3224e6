import Testing
@testable import Deployer

/// List parameters compare by items, whatever rendering DescribeStacks used.
@Suite struct ListParameterValueTests {
    @Test(arguments: [
        ("222222222222,111111111111", ["222222222222", "111111111111"]),
        ("['222222222222', '111111111111']", ["222222222222", "111111111111"]),
        ("[\"a\",\"b\"]", ["a", "b"]),
        ("", []), ("['']", []), ("[]", []),
    ])
    func items(value: String, expected: [String]) {
        #expect(ListParameterValue.items(value) == expected)
    }

    @Test func orderMatters() {
        #expect(ListParameterValue.items("a,b") != ListParameterValue.items("b,a"))
    }
}
