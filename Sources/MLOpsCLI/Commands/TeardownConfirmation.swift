/// The confirmations a teardown needs before it deletes anything: `yes` typed (or --yes), and each prod account id
/// typed (or --confirm-prod ID). Without a terminal nothing is asked: a missing flag is a usage error naming it.
struct TeardownConfirmation {
    let yes: Bool
    let confirmProd: [String]
    /// False when the plan deletes nothing (only retained rows to report).
    let needed: Bool
    var prompter = Prompter()

    /// The plan is what a confirmation is about: on stdout in `table`; otherwise on stderr before the result (narration
    /// that `--quiet` drops, unless a question about it follows).
    static func show(_ plan: String, output: CommandOutput, willAsk: Bool) {
        if output.format == .table {
            Console.print(plan)
        } else if willAsk {
            Console.printError(plan)
        } else {
            output.note(plan)
        }
    }

    /// - Returns: the prod accounts confirmed.
    func confirm(prodAccounts: [String]) throws -> Set<String> {
        if needed && !yes {
            guard prompter.isInteractive else { throw CLIUsageProblem("stdin is not a terminal: pass --yes to confirm the teardown") }
            guard prompter.ask("Type yes to delete the resources above") == "yes" else { throw CLIFailure("teardown cancelled; nothing was deleted") }
        }
        var confirmed = Set(confirmProd)
        for account in prodAccounts where !confirmed.contains(account) {
            guard prompter.isInteractive else {
                throw CLIUsageProblem("the plan deletes resources in prod account \(account): pass --confirm-prod \(account)")
            }
            guard prompter.ask("Type the prod account id (\(account)) to confirm") == account else {
                throw CLIFailure("prod account id not confirmed; nothing was deleted")
            }
            confirmed.insert(account)
        }
        return confirmed
    }

    /// `--org`: the organization's id confirms all the prod role's member accounts at once.
    func confirmOrganization(_ organization: String) throws {
        guard !confirmProd.contains(organization) else { return }
        guard prompter.isInteractive else {
            throw CLIUsageProblem("the plan deletes the bootstrap of the prod role's member accounts: pass --confirm-prod \(organization)")
        }
        guard prompter.ask("Type the organization id (\(organization)) to confirm the prod members") == organization else {
            throw CLIFailure("organization id not confirmed; nothing was deleted")
        }
    }
}
