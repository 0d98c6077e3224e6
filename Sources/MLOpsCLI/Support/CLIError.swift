/// A one-line error for problems the CLI itself finds (ArgumentParser prints it as `Error: …`).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
