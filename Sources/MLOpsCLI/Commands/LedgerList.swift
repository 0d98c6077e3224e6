import ArgumentParser
import AWSConfig
import Ledger
import Topology

extension MLOpsCommand.LedgerCommand {
    /// Lists tracked resources, optionally narrowed.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the AWS resources the ledger tracks.",
            discussion: """
                Every filter narrows the list; without any, all resources are shown, deleted ones included. \
                --output json prints an array of objects with stage, account, region, kind, id (the AWS physical id), \
                status, ownership, stack, project and the ledger's own row id (ledgerRow). \
                Exit status: 0 on success, 64 on a bad option value, 1 when the ledger cannot be read.

                Examples:
                  The stacks mlopsctl created in dev:
                    mlopsctl ledger list --stage dev --kind stack
                  Project demo's resources, as JSON:
                    mlopsctl ledger list --project demo --output json
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(help: ArgumentHelp("Only this stage: governance, dev, preprod or prod.", valueName: "stage"))
        var stage: String?

        @Option(help: ArgumentHelp("Only this kind (e.g. stack, bucket, kmsKey).", valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("Only this status: planned, present, failed, deleting, deleted, retained, handedOver or deletedOutOfBand.", valueName: "status"))
        var status: String?

        @Option(help: ArgumentHelp("Only this project.", valueName: "project"))
        var project: String?

        func run() async throws {
            let filter = ResourceFilter(
                stage: try LedgerUsageError.parse(stage, option: "--stage", as: Stage.self)?.rawValue,
                kind: try LedgerUsageError.parse(kind, option: "--kind", as: ResourceKind.self),
                status: try LedgerUsageError.parse(status, option: "--status", as: ResourceStatus.self),
                project: project)
            let ledger = try ledgerOptions.openForReading(environment: .current)
            let resources = try await ledger.resources(filter: filter)
            try global.contract("ledger list").result(
                resources.map(ResourceRow.init), text: resources.isEmpty ? "no resources match" : ResourceRow.table(resources))
        }
    }
}
