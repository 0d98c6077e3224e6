import MLOpsCLI

// The executable stays tiny: all behaviour lives in MLOpsCLI so tests can drive it in process.
// The typed reference picks ArgumentParser's async entry point over the synchronous one.
let run: () async -> Void = MLOpsCommand.main
await run()
