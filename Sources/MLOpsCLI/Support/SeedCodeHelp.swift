import ArgumentParser

/// The `--seed-code` help every command that reads the seed code shares.
enum SeedCodeHelp {
    static let option = ArgumentHelp(
        "Folder holding build_app/ and deploy_app/ (default: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).",
        discussion: "`mlopsctl seed-code export DIR` writes the built-in copy out as a starting point for your own.")
}
