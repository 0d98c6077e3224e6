/// A one-line error for problems the CLI itself finds (ArgumentParser prints it as `Error: …`).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The command ran and failed; its result (if any) is already printed. One line on stderr, exit 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The command cannot run as typed (a missing confirmation flag without a terminal, an option that does not apply):
/// one line naming the fix, exit 64 (usage), without ArgumentParser's usage block.
struct CLIUsageProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
