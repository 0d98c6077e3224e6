import Foundation

/// A SageMaker project's name and id as the project template takes them (`SageMakerProjectName`,
/// `SageMakerProjectId`), checked before anything is launched.
public struct ProjectIdentity: Sendable, Equatable {
    public let name: String
    public let id: String
    /// Whether `id` was made up here (no `--id`): a launch may then take the id of the project the ledger already
    /// holds for this name instead (`resumed(from:)`).
    public let isGenerated: Bool

    /// SageMaker's project name rule: a letter, then letters, digits and single hyphens, at most 32.
    static let namePattern = #"^[a-zA-Z](-?[a-zA-Z0-9])*$"#

    public init(name: String, id: String?, random: () -> UInt64 = { UInt64.random(in: .min ... .max) }) {
        self.name = name
        self.id = id ?? Self.generateId(random: random)
        self.isGenerated = id == nil
    }

    init(name: String, resumedId: String) {
        self.name = name
        self.id = resumedId
        self.isGenerated = false
    }

    /// `p-` and 12 lower-case letters or digits (16 characters at most, like SageMaker's own ids).
    static func generateId(random: () -> UInt64) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var value = random()
        var id = "p-"
        for _ in 0..<12 {
            id.append(alphabet[Int(value % UInt64(alphabet.count))])
            value /= UInt64(alphabet.count)
            if value == 0 { value = random() }
        }
        return id
    }

    /// Every rule the name and id break, each naming the flag to fix.
    public var problems: [String] {
        var problems: [String] = []
        if name.isEmpty || name.count > 32 || name.range(of: Self.namePattern, options: .regularExpression) == nil {
            problems.append(
                "--name '\(name)': a project name is 1 to 32 letters, digits and single hyphens, starting with a letter")
        }
        if id.isEmpty || id.count > 16 || id.range(of: #"^[a-z0-9](-?[a-z0-9])*$"#, options: .regularExpression) == nil {
            problems.append("--id '\(id)': a project id is 1 to 16 lower-case letters, digits and single hyphens")
        }
        return problems
    }
}
