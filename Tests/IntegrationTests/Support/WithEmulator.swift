import AWSConfig
import Foundation
import Testing
import TestSupport

/// Runs `body` against a private emulator and always stops it. Returns without running `body` (after a
/// notice) where moto is not installed on a developer machine; under CI=true that is a failure.
func withEmulator(auth: Bool = false, _ body: (Emulator) async throws -> Void) async throws {
    let emulator: Emulator
    do {
        emulator = try await Emulator.start(auth: auth)
    } catch EmulatorError.skip(let notice) {
        FileHandle.standardError.write(Data((notice + "\n").utf8))
        return
    }
    do {
        try await body(emulator)
    } catch {
        await emulator.stop()
        throw error
    }
    await emulator.stop()
}

extension Emulator {
    /// The environment a user of these profiles has: the two files and nothing from the test process's AWS_* settings.
    var awsEnvironment: EnvironmentVariables {
        EnvironmentVariables(environment.merging(["AWS_MAX_ATTEMPTS": "2"]) { $1 })
    }

    /// Every secret the emulator's credentials file holds, for canary checks.
    func secrets() throws -> [String] {
        try String(contentsOf: credentialsFile, encoding: .utf8).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 && parts[0] == "aws_secret_access_key" ? parts[1] : nil
        }
    }
}
