import ArgumentParser
import AWSConfig
import Foundation
import Ledger

extension MLOpsCommand.LedgerCommand {
    /// Draws what the ledger holds, as Graphviz DOT or Mermaid.
    struct Graph: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw what the ledger holds: accounts, their stacks and resources, and the trust between them.",
            discussion: """
                Writes a Graphviz DOT graph (default) or a Mermaid flowchart (--format mermaid) of the ledger: a box per \
                stage's account (stage, account id, the regions the ledger has rows in) holding the stacks mlopsctl \
                recorded there and the resources in each (roles as hexagons, anything not present marked with its \
                status); resources outside a stack hang off the account. Deleted rows are left out unless \
                --include-deleted. The dashed `trusts` edges are the accounts each bootstrap stack trusts, as bootstrap \
                recorded them in the ledger; for a ledger written before mlopsctl recorded them, the seed's default graph \
                (dev trusts governance; preprod and prod trust dev and governance) between the accounts whose CDK \
                bootstrap (deploy role or version parameter) the ledger holds. The output is sorted, so \
                the same ledger always gives the same text. Reads the ledger only (a missing file is an empty ledger). \
                Exit status: 0, 1 when the ledger or the --out file cannot be read or written.

                Examples:
                  The ledger as an SVG picture (Graphviz):
                    mlopsctl ledger graph --out ledger.dot
                    dot -Tsvg ledger.dot -o ledger.svg
                  As Mermaid, to paste into a Markdown page:
                    mlopsctl ledger graph --format mermaid
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case dot
            case mermaid
        }

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(help: ArgumentHelp("dot (Graphviz) or mermaid.", valueName: "format"))
        var format: Format = .dot

        @Option(
            help: ArgumentHelp("Write the graph to this file instead of stdout.", valueName: "file"),
            completion: .file(extensions: ["dot", "gv", "mmd"]))
        var out: String?

        @Flag(help: "Also draw resources the ledger marks deleted.")
        var includeDeleted = false

        func run() async throws {
            let ledger = try ledgerOptions.openForReading(environment: .current)
            let graph = ResourceGraph(resources: try await ledger.resources(), includeDeleted: includeDeleted)
            let text = format == .dot ? graph.dot : graph.mermaid
            guard let out else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CLIError("cannot write \(out): \(error.localizedDescription)")
            }
        }
    }
}
