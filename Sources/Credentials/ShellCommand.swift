import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `/bin/sh -c <command>` with a deadline and collects stdout and stderr (up to a bound).
/// Used by `credential_process`; kept apart so the provider only deals with outcomes, not pipes.
///
/// The shell starts in a process group of its own (posix_spawn with POSIX_SPAWN_SETPGROUP) so that, on a deadline,
/// an oversized output or cancellation (Ctrl-C), the whole group is stopped: the helper and anything it started
/// (a grandchild holding the pipe open would otherwise keep the run waiting).
enum ShellCommand {
    struct Output: Sendable {
        var exitStatus: Int32
        /// True when the shell was killed by a signal (`exitStatus` is then the signal number).
        var killedBySignal: Bool
        var stdout: Data
        var stderr: Data
    }

    enum Failure: Error {
        case launchFailed(String)
        case timedOut
        /// stdout passed `outputLimit` bytes; the process group was stopped.
        case outputTooLarge(limit: Int)
    }

    /// How long a stopped group gets between SIGTERM and SIGKILL.
    static let terminationGrace = Duration.milliseconds(500)

    /// Runs `command`. The child inherits this process's environment and stdin (tools like aws-vault prompt on the
    /// terminal: while it runs, its group owns the terminal when this process did). Stdout beyond `outputLimit` bytes
    /// is an error; stderr beyond it is dropped (only its first line is ever shown).
    static func run(_ command: String, timeout: Duration, outputLimit: Int = 1 << 20) async throws -> Output {
        // On a terminal, helpers take turns: one group at a time can own it, and prompts must not interleave. The
        // limit counts from each helper's own start.
        guard TerminalHandover.wouldHandOver else { return try await runOwningNothing(command, timeout: timeout, outputLimit: outputLimit) }
        return try await TerminalTurns.shared.inTurn {
            try await runOwningNothing(command, timeout: timeout, outputLimit: outputLimit)
        }
    }

    private static func runOwningNothing(_ command: String, timeout: Duration, outputLimit: Int) async throws -> Output {
        let child = try SpawnedGroup.spawn(["/bin/sh", "-c", command])
        RunningHelpers.shared.add(child.pid)
        defer { RunningHelpers.shared.remove(child.pid) }
        let terminal = TerminalHandover.giveTo(child.pid)
        defer { terminal?.takeBack() }

        let stdoutData = readInBackground(child.stdout, limit: outputLimit, overflowIsError: true)
        let stderrData = readInBackground(child.stderr, limit: outputLimit, overflowIsError: false)
        let exits = waitInBackground(child.pid)

        enum Outcome: Sendable { case finished(Output), overflow, timedOut, cancelled }
        let outcome: Outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                guard let stdout = await first(stdoutData) else { return .cancelled }
                guard let stdout else { return .overflow }
                guard let stderr = await first(stderrData), let status = await first(exits) else { return .cancelled }
                return .finished(Output(exitStatus: status.code, killedBySignal: status.signalled, stdout: stdout, stderr: stderr ?? Data()))
            }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return .cancelled }
                return .timedOut
            }
            let winner = await group.next() ?? .cancelled
            group.cancelAll()
            return winner
        }
        switch outcome {
        case .finished(let output):
            // Both pipes reached end of file: nothing of the group still writes to us. A daemon the helper started on
            // purpose (an agent holding a session) is left alone.
            if terminal != nil, output.killedBySignal, output.exitStatus == SIGINT {
                // Ctrl-C while the helper owned the terminal reached only its group: it was meant for the whole run.
                terminal?.takeBack()
                HelperInterruption.record()
                kill(getpid(), SIGINT)
            }
            return output
        case .overflow:
            await stop(child.pid, exits: exits)
            throw Failure.outputTooLarge(limit: outputLimit)
        case .timedOut:
            await stop(child.pid, exits: exits)
            throw Failure.timedOut
        case .cancelled:
            await stop(child.pid, exits: exits)
            throw CancellationError()
        }
    }

    /// SIGTERM to the group, up to `terminationGrace` for the shell to exit, then SIGKILL to whatever is left.
    private static func stop(_ pgid: pid_t, exits: AsyncStream<ExitStatus>) async {
        kill(-pgid, SIGTERM)
        // A detached wait: the caller may be cancelled already, and the grace must still be given.
        let exited = Task.detached { () -> Bool in
            await withTaskGroup(of: Bool.self) { group in
                group.addTask { await first(exits) != nil }
                group.addTask { try? await Task.sleep(for: terminationGrace); return false }
                let result = await group.next() ?? false
                group.cancelAll()
                return result
            }
        }
        _ = await exited.value
        kill(-pgid, SIGKILL)
    }

    struct ExitStatus: Sendable {
        var code: Int32
        var signalled: Bool
    }

    /// Reaps `pid` on a dedicated thread (a blocking `waitpid` must stay off the Swift concurrency pool).
    private static func waitInBackground(_ pid: pid_t) -> AsyncStream<ExitStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: ExitStatus.self, bufferingPolicy: .bufferingNewest(1))
        let waiter = Thread {
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, 0) } while result == -1 && errno == EINTR
            // WIFSIGNALED / WEXITSTATUS, spelled out: the C macros are not imported.
            let signal = status & 0x7f
            let exit = result == pid
                ? (signal == 0 ? ExitStatus(code: (status >> 8) & 0xff, signalled: false) : ExitStatus(code: signal, signalled: true))
                : ExitStatus(code: -1, signalled: false)
            continuation.yield(exit)
            continuation.finish()
        }
        waiter.start()
        return stream
    }

    /// Reads `descriptor` to end of file on a dedicated thread, then closes it. Yields the bytes, or nil when more
    /// than `limit` arrived and `overflowIsError` (reading stops at once, so a runaway helper costs no memory).
    /// Blocking reads on a plain thread, rather than `readabilityHandler`, because on Linux the handler sometimes
    /// misses end of file when several processes are spawned at once.
    private static func readInBackground(_ descriptor: Int32, limit: Int, overflowIsError: Bool) -> AsyncStream<Data?> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data?.self, bufferingPolicy: .bufferingNewest(1))
        let reader = Thread {
            defer { close(descriptor) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                if data.count + count > limit {
                    if overflowIsError {
                        continuation.yield(nil)
                        continuation.finish()
                        return
                    }
                    data.append(contentsOf: buffer[0..<max(0, limit - data.count)])
                } else {
                    data.append(contentsOf: buffer[0..<count])
                }
            }
            continuation.yield(data)
            continuation.finish()
        }
        reader.start()
        return stream
    }

    /// The first element, or nil when the stream ended without one or the waiting task was cancelled.
    private static func first<T: Sendable>(_ stream: AsyncStream<T>) async -> T? {
        for await value in stream { return value }
        return nil
    }
}

/// The process groups of the helpers running now, so that a process about to exit at once (a second Ctrl-C) can
/// take them along instead of leaving them orphaned.
public final class RunningHelpers: Sendable {
    public static let shared = RunningHelpers()
    private let groups = Mutex<Set<pid_t>>([])

    func add(_ pgid: pid_t) { groups.withLock { _ = $0.insert(pgid) } }
    func remove(_ pgid: pid_t) { groups.withLock { _ = $0.remove(pgid) } }

    /// SIGKILL to every running helper's group. Only async-signal-safe calls after the lock: fit for an exit path.
    public func killAll() {
        for pgid in groups.withLock({ $0 }) { kill(-pgid, SIGKILL) }
    }
}

/// A child started in a new process group (its pid is the group id), with pipes for stdout and stderr.
private struct SpawnedGroup {
    let pid: pid_t
    let stdout: Int32
    let stderr: Int32

    static func spawn(_ arguments: [String]) throws -> SpawnedGroup {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard makePipe(&outPipe) else { throw ShellCommand.Failure.launchFailed(String(cString: strerror(errno))) }
        guard makePipe(&errPipe) else {
            let message = String(cString: strerror(errno))
            outPipe.forEach { close($0) }
            throw ShellCommand.Failure.launchFailed(message)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies: the child keeps only these two ends (and stdin).
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // mlopsctl ignores SIGINT/SIGTERM while it stops at a safe point, and ignored signals are inherited across
        // exec: give the helper the default dispositions and an empty mask back.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var pid: pid_t = 0
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard result == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw ShellCommand.Failure.launchFailed(String(cString: strerror(result)))
        }
        return SpawnedGroup(pid: pid, stdout: outPipe[0], stderr: errPipe[0])
    }
}

/// A pipe whose ends are closed on exec: only the dup2'd copies reach the helper (and no other child gets them).
private func makePipe(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return true
}

/// While the helper runs, its process group is the terminal's foreground group when this process's was, so a helper
/// that prompts (aws-vault, an MFA helper) can read the terminal instead of being stopped by SIGTTIN.
private struct TerminalHandover {
    let terminal: Int32
    let ownGroup: pid_t

    /// Whether stdin is a terminal whose foreground group is this process's.
    static var wouldHandOver: Bool { isatty(STDIN_FILENO) != 0 && tcgetpgrp(STDIN_FILENO) == getpgrp() }

    static func giveTo(_ pgid: pid_t) -> TerminalHandover? {
        let terminal = STDIN_FILENO
        guard wouldHandOver else { return nil }
        let handover = TerminalHandover(terminal: terminal, ownGroup: getpgrp())
        guard handover.setForeground(pgid) else { return nil }
        // It may have read the terminal before it owned it, and been stopped for that.
        kill(-pgid, SIGCONT)
        return handover
    }

    func takeBack() { _ = setForeground(ownGroup) }

    /// `tcsetpgrp` from a background group raises SIGTTOU unless the calling thread blocks it.
    private func setForeground(_ pgid: pid_t) -> Bool {
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGTTOU)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return tcsetpgrp(terminal, pgid) == 0
    }
}

/// One helper at a time on the terminal, first come first served.
private actor TerminalTurns {
    static let shared = TerminalTurns()

    private var busy = false
    private var queue: [CheckedContinuation<Void, Never>] = []

    func inTurn<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { queue.append($0) }
        } else {
            busy = true
        }
        defer { handOn() }
        // Cancelled while waiting (Ctrl-C): give the turn on without starting the helper.
        try Task.checkCancellation()
        return try await body()
    }

    private func handOn() {
        if queue.isEmpty {
            busy = false
        } else {
            queue.removeFirst().resume()
        }
    }
}
