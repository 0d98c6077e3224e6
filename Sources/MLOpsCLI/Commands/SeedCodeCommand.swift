import ArgumentParser

extension MLOpsCommand {
    /// `mlopsctl seed-code …`: the SageMaker project seed code built into mlopsctl.
    struct SeedCodeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed-code",
            abstract: "The SageMaker project seed code built into mlopsctl (build_app, deploy_app).",
            discussion: """
                publish-catalog, synth and promote use the seed code built into mlopsctl unless --seed-code DIR or \
                $MLOPSCTL_SEED_CODE names a folder holding build_app/ and deploy_app/. Export the built-in copy to start your own.

                Examples:
                  Export the built-in seed code, change it, then publish your copy:
                    mlopsctl seed-code export my-seed
                    mlopsctl publish-catalog --seed-code my-seed
                """,
            subcommands: [Export.self])
    }
}
