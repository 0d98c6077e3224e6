import Foundation

/// Runs a command on a real pseudo-terminal (python3's `pty`), typing `answers` one by one, each after a prompt
/// (output ending in `:` or `]:`). For the interactive paths of the binary, which check `isatty` on stdin.
public enum PseudoTerminal {
    /// The wrapper for `CommandRunner.run(_:through:)`: the command's arguments follow it. The child's output
    /// (stdout and stderr, as the terminal shows them) comes back on stdout; its exit status is the wrapper's.
    public static func wrapper(answers: [String], timeoutSeconds: Int = 60) -> [String] {
        let quoted = answers.map { "'" + $0.replacingOccurrences(of: "'", with: "") + "'" }.joined(separator: ", ")
        let script = """
            import os, pty, subprocess, sys, time, select
            master, slave = pty.openpty()
            child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, env=dict(os.environ), close_fds=True)
            os.close(slave)
            output = b""
            answers = [\(quoted)]
            deadline = time.time() + \(timeoutSeconds)
            while time.time() < deadline:
                ready, _, _ = select.select([master], [], [], 0.2)
                if ready:
                    try:
                        chunk = os.read(master, 4096)
                    except OSError:
                        break
                    if not chunk:
                        break
                    output += chunk
                    if chunk.rstrip().endswith((b":", b"]:")) and answers:
                        os.write(master, (answers.pop(0) + "\\n").encode())
                elif child.poll() is not None:
                    break
            child.wait(timeout=10)
            sys.stdout.write(output.decode(errors="replace"))
            sys.exit(child.returncode)
            """
        return ["python3", "-c", script]
    }
}
