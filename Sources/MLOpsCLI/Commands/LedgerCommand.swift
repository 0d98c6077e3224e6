import ArgumentParser

extension MLOpsCommand {
    /// `mlopsctl ledger …`: look into (and, for a stale lock, repair) the local record of what mlopsctl created.
    /// Named `LedgerCommand` because `Ledger` is the module's name; the verb stays `ledger`.
    struct LedgerCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger",
            abstract: "Inspect the local ledger of everything mlopsctl created in AWS.",
            discussion: """
                The ledger records every run and every resource mlopsctl plans, creates, adopts or deletes, so that \
                teardown removes exactly what mlopsctl owns. It lives in $XDG_STATE_HOME/mlopsctl/ledger.sqlite \
                (or ~/.local/state/mlopsctl/ledger.sqlite) unless --ledger or $MLOPSCTL_LEDGER says otherwise.

                Examples:
                  The resources mlopsctl created in prod that are still there:
                    mlopsctl ledger list --stage prod --status present
                  Everything, as JSON, for a backup or a review:
                    mlopsctl ledger export > ledger.json
                """,
            subcommands: [List.self, Runs.self, Show.self, Export.self, Graph.self, Unlock.self, Forget.self])
    }
}
