import AWSConfig
import Foundation

/// Asks the user for the current code of an MFA device (`mfa_serial`) before an AssumeRole call.
public protocol MFACodePrompt: Sendable {
    /// The code as typed; the caller validates it. Throws when no one can be asked.
    func code(forSerial serial: String, profile: String) async throws -> String
}

/// Reads the code from the controlling terminal (`/dev/tty`) so that piped stdout/stdin stay untouched.
/// When stdin is not a terminal (CI, pipes) it refuses instead of hanging on a read nobody will answer.
public struct TerminalMFACodePrompt: MFACodePrompt {
    /// Whether a human can answer; defaults to `isatty(STDIN_FILENO)`.
    public let isInteractive: @Sendable () -> Bool
    /// The terminal device to prompt on and read from; a parameter so tests can use a plain file.
    public let terminalPath: String

    public init(
        isInteractive: @escaping @Sendable () -> Bool = { isatty(STDIN_FILENO) != 0 },
        terminalPath: String = "/dev/tty"
    ) {
        self.isInteractive = isInteractive
        self.terminalPath = terminalPath
    }

    /// How long a person has to type the code; past it the run fails rather than waiting unseen (a prompt on a
    /// terminal nobody watches). Ctrl-C stops the wait at once.
    public static let answerLimit = Duration.seconds(300)

    public func code(forSerial serial: String, profile: String) async throws -> String {
        guard isInteractive(), let input = FileHandle(forReadingAtPath: terminalPath) else {
            throw CredentialError.mfaCodeRequired(profile: profile, serial: serial)
        }
        if let output = FileHandle(forWritingAtPath: terminalPath) {
            // Seeking fails harmlessly on a terminal; on a plain file it keeps the prompt from overwriting the input.
            _ = try? output.seekToEnd()
            try? output.write(contentsOf: Data("Enter MFA code for \(serial) (profile \(profile)): ".utf8))
            try? output.close()
        }
        // The blocking read runs on a thread of its own, which also closes the handle: a wait abandoned at the limit
        // or on Ctrl-C must not close a descriptor that thread still reads (its number could be reused meanwhile).
        let (answers, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
        Thread {
            // Nothing typed (end of input) yields "", which the caller rejects as not six digits.
            continuation.yield(Self.readLine(from: input) ?? "")
            continuation.finish()
            try? input.close()
        }.start()
        return try await withTimeLimit(Self.answerLimit, onTimeout: { CredentialError.mfaCodeNotEntered(profile: profile, serial: serial) }) {
            for await answer in answers { return answer }
            throw CancellationError()
        }
    }

    /// Bytes up to the first newline or end of file; nil when nothing at all could be read.
    static func readLine(from handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1), let byte = chunk.first {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
            if bytes.count > 64 { break }  // an MFA code is 6 digits; do not buffer a runaway stream
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

extension MFACodePrompt {
    /// Asks and checks the answer is six digits (surrounding whitespace ignored).
    func validatedCode(forSerial serial: String, profile: String) async throws -> String {
        let raw = try await code(forSerial: serial, profile: profile)
        let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CredentialError.invalidMFACode(profile: profile, serial: serial)
        }
        return code
    }
}
