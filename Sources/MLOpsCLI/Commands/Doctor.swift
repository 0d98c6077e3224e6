import ArgumentParser
import AWSConfig
import Foundation
import Topology
import Workflows

extension MLOpsCommand {
    /// Checks, for every stage at once, that its profile resolves and reaches the account the topology names.
    struct Doctor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that every stage's profile resolves and reaches the expected account.",
            discussion: """
                For each stage of the topology, concurrently: resolve the AWS profile, call STS GetCallerIdentity \
                through the profile's region and endpoint, and compare the account with the topology. Makes no change. \
                Exit status: 0 when every stage is healthy, 2 when any stage is not (its profile fails or reaches another account), 1 on bad input, 64 usage.

                Examples:
                  Check every stage of ./mlopsctl.yaml:
                    mlopsctl doctor
                  Check another topology, as JSON for a script:
                    mlopsctl doctor --topology accounts/acme.yaml --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let environment = EnvironmentVariables.current
            let output = global.contract("doctor")
            let topology = try CommandContext.loadTopology(global, environment: environment, output: output)
            let sessions = try global.stageSessions(for: Self.self, environment: environment)
            let rows = await DoctorWorkflow(topology: topology, sessions: sessions).run()
            let report = DoctorReport(rows: rows)
            try output.result(report, text: report.table)
            if rows.contains(where: { !$0.isHealthy }) { throw ExitCodes.unhealthy }
        }
    }
}

/// What `doctor` prints.
struct DoctorReport: Encodable {
    let healthy: Bool
    let stages: [StageHealth]

    init(rows: [StageHealth]) {
        healthy = rows.allSatisfy(\.isHealthy)
        stages = rows
    }

    var table: String {
        var table = TextTable(header: ["STAGE", "PROFILE", "EXPECTED", "ACTUAL", "REGION", "ENDPOINT", "VERDICT", "ARN / PROBLEM"])
        for row in stages {
            table.rows.append([
                row.stage, row.profile, row.expectedAccount, row.actualAccount ?? "-", row.region, row.endpoint, row.verdict.rawValue,
                row.problem ?? row.arn ?? "",
            ])
        }
        let summary = healthy ? "all \(stages.count) stages healthy" : "\(stages.filter { !$0.isHealthy }.count) of \(stages.count) stages unhealthy"
        return table.render() + "\n" + summary
    }
}
