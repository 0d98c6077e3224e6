import ArgumentParser
import Credentials
import Foundation

/// Runs a parsed command so that Ctrl-C (SIGINT) or SIGTERM stops it at the next safe point instead of killing it
/// mid-write: the command's task is cancelled, in-flight AWS calls finish or are abandoned, waits and credential
/// helpers stop, the ledger ends the run as `interrupted` and releases its lock, and the process exits 130
/// (SIGINT) or 143 (SIGTERM) with a last line saying how to resume.
enum InterruptibleRun {
    /// The verbs that change AWS and record it in the ledger; a re-run resumes what they left.
    static let mutatingVerbs: Set<String> = ["bootstrap", "publish-catalog", "launch-project", "promote", "teardown"]

    static func run(_ command: any AsyncParsableCommand, arguments: [String]) async throws {
        let box = UncheckedCommand(command: command)
        let task = Task {
            var command = box.command
            try await command.run()
        }
        let verb = type(of: command)._commandName
        let watch = SignalWatch { signalNumber in
            FileHandle.standardError.write(
                Data("\nmlopsctl: \(SignalWatch.name(signalNumber)) received, stopping at the next safe point (again to stop at once)\n".utf8))
            task.cancel()
        }
        let result = await task.result
        watch.cancel()
        // A Ctrl-C at a credential helper's prompt is raised again for this process, but may arrive after the helper's
        // failure ended the command: it is an interruption all the same.
        if let signalNumber = watch.received ?? (HelperInterruption.happened ? SIGINT : nil) {
            Console.printError(message(verb: verb, arguments: arguments))
            throw ExitCodes.interrupted(by: signalNumber)
        }
        try result.get()
    }

    /// The last line of an interrupted run.
    static func message(verb: String, arguments: [String]) -> String {
        guard mutatingVerbs.contains(verb) else { return "interrupted; nothing was changed by this command" }
        let commandLine = (["mlopsctl"] + arguments).map(shellQuoted).joined(separator: " ")
        return "interrupted; the ledger records what was done; run `\(commandLine)` again to resume"
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,@+%".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A parsed command handed to the task that runs it; only that task touches it.
private struct UncheckedCommand: @unchecked Sendable {
    let command: any AsyncParsableCommand
}
