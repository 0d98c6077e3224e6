import ArgumentParser

extension HelpTopic {
    /// `mlopsctl help ledger`; true to `LedgerLocation`, the ledger's lock and `LedgerCommand` (whose subcommands
    /// are listed from its configuration, so the list cannot fall behind).
    static var ledgerPage: String {
        let commands = MLOpsCommand.LedgerCommand.configuration.subcommands.map { command in
            "  mlopsctl ledger \(command._commandName)\n" + wrapped(command.configuration.abstract, indent: 6, width: 80)
        }
        return ledgerIntroduction + "\n" + commands.joined(separator: "\n") + "\n" + ledgerExamples
    }

    /// `text` in lines of at most `width` columns, each indented by `indent` spaces.
    static func wrapped(_ text: String, indent: Int, width: Int) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
    }

    private static let ledgerIntroduction = """
        TOPIC: the ledger

          mlopsctl keeps a local SQLite file, the ledger, that records every run (the
          command, who ran it, when, how it ended, its stack events) and every AWS
          resource it plans, creates, adopts or deletes. Each resource is written as
          planned before the AWS call and settled (present, failed, deleting, deleted,
          retained) after it; `mlopsctl ledger forget` hands one over (handedOver: no
          command touches it again). `mlopsctl refresh` compares the rows with what
          exists (--apply marks the gone ones deletedOutOfBand); `mlopsctl import`
          records a stack made by other means as adopted (teardown keeps it unless
          --include-adopted). teardown plans from the ledger alone, never from
          tags or names, so it deletes exactly what mlopsctl created; a run killed or
          interrupted is resumed by running the same command again. The ledger holds no
          secrets. Keep it: without it mlopsctl cannot tell what it owns.

        WHERE IT LIVES (the first that is set):
          1. --ledger PATH
          2. $MLOPSCTL_LEDGER
          3. $XDG_STATE_HOME/mlopsctl/ledger.sqlite (an absolute XDG_STATE_HOME only)
          4. ~/.local/state/mlopsctl/ledger.sqlite
          A folder mlopsctl creates for it is 0700; the file is 0600. Point
          MLOPSCTL_LEDGER elsewhere for an emulator, so its runs stay out of your
          real ledger.

        THE LOCK:
          One run that changes AWS (bootstrap, publish-catalog, launch-project,
          promote, teardown) holds the ledger lock at a time. Another waits up to
          --lock-timeout seconds (default 30), then exits 3 naming the holder: who,
          pid, command and since when. A holder on this host whose process is gone is
          taken over at once and its run marked interrupted. A lock left by a run
          that died on another host is cleared with `mlopsctl ledger unlock`.
          Reading commands (ledger list/show/export, status) never take the lock.

        COMMANDS:
        """

    private static let ledgerExamples = """

        EXAMPLES:
          What mlopsctl created in prod that is still there:
            mlopsctl ledger list --stage prod --status present
          One run in detail (run ids are in `mlopsctl ledger export`):
            mlopsctl ledger show 42
          Use another ledger for one command:
            mlopsctl ledger list --ledger ~/backup/ledger.sqlite

        SEE ALSO: mlopsctl ledger <command> --help, mlopsctl teardown --help
        """
}
