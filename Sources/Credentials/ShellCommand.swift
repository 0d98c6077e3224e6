import Foundation

/// Runs `/bin/sh -c <command>` with a deadline and collects stdout and stderr in full (up to a bound).
/// Used by `credential_process`; kept apart so the provider only deals with outcomes, not pipes.
enum ShellCommand {
    struct Output: Sendable {
        var exitStatus: Int32
        /// True when the shell was killed by a signal (`exitStatus` is then the signal number).
        var killedBySignal: Bool
        var stdout: Data
        var stderr: Data
    }

    enum Failure: Error {
        case launchFailed(any Error)
        case timedOut
    }

    /// Runs `command`. The child inherits this process's environment and stdin (tools like aws-vault prompt on
    /// the terminal). Output beyond `outputLimit` bytes per stream is drained and dropped.
    static func run(_ command: String, timeout: Duration, outputLimit: Int = 1 << 20) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let (exits, exitContinuation) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { finished in
            exitContinuation.yield(finished.terminationStatus)
            exitContinuation.finish()
        }
        do {
            try process.run()
        } catch {
            throw Failure.launchFailed(error)
        }
        let stdoutData = readInBackground(stdoutPipe.fileHandleForReading, limit: outputLimit)
        let stderrData = readInBackground(stderrPipe.fileHandleForReading, limit: outputLimit)

        // Race "finished and both pipes at EOF" against the deadline. Cancelling the loser is safe: every wait
        // below is an AsyncStream, which returns at once when its task is cancelled. (A reader thread whose pipe a
        // surviving grandchild still holds open stays blocked until that grandchild exits; it owns nothing else.)
        let result: Output?
        do {
            result = try await withThrowingTaskGroup(of: Output?.self) { group in
                group.addTask {
                    async let out = collect(stdoutData)
                    async let err = collect(stderrData)
                    var status: Int32 = -1
                    for await value in exits { status = value }
                    let (stdout, stderr) = await (out, err)
                    if Task.isCancelled { return nil }
                    return Output(
                        exitStatus: status, killedBySignal: process.terminationReason == .uncaughtSignal, stdout: stdout,
                        stderr: stderr)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch {
            stop(process)
            throw error
        }
        guard let result else {
            stop(process)
            throw Failure.timedOut
        }
        return result
    }

    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        // SIGTERM may be ignored and the deadline is a promise to the user: no grace period, SIGKILL if still alive.
        let pid = process.processIdentifier
        if pid > 0, process.isRunning { kill(pid, SIGKILL) }
    }

    /// Reads `handle` to end of file on a dedicated thread. Blocking reads on a plain thread, rather than
    /// `readabilityHandler`, because on Linux the handler sometimes misses end of file when several processes are
    /// spawned at once, and blocking reads must stay off the Swift concurrency pool.
    private static func readInBackground(_ handle: FileHandle, limit: Int) -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        let reader = Thread {
            var data = Data()
            while let chunk = try? handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
            }
            continuation.yield(data)
            continuation.finish()
        }
        reader.start()
        return stream
    }

    /// The data read, or empty when the waiting task was cancelled first.
    private static func collect(_ stream: AsyncStream<Data>) async -> Data {
        for await data in stream { return data }
        return Data()
    }
}
