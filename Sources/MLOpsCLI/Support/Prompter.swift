import Foundation

/// Asks questions on the terminal. Only used when stdin is a TTY; non-interactive runs take flags.
struct Prompter {
    var isInteractive: Bool = isatty(STDIN_FILENO) == 1

    /// Prints `question` (with the default in brackets) and returns the trimmed answer, or the default on an empty line.
    /// Returns nil at end of input.
    func ask(_ question: String, default value: String? = nil) -> String? {
        let suffix = value.map { " [\($0)]" } ?? ""
        FileHandle.standardError.write(Data("\(question)\(suffix): ".utf8))
        guard let line = readLine() else { return nil }
        let answer = line.trimmingCharacters(in: .whitespaces)
        return answer.isEmpty ? value : answer
    }

    /// Asks until `validate` returns nil (no problem) or input ends.
    func ask(_ question: String, default value: String? = nil, validate: (String) -> String?) -> String? {
        while let answer = ask(question, default: value) {
            guard let problem = validate(answer) else { return answer }
            FileHandle.standardError.write(Data("  \(problem)\n".utf8))
        }
        return nil
    }
}
