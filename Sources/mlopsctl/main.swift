import MLOpsCLI

// The executable stays tiny: all behaviour lives in MLOpsCLI so tests can drive it in process.
await MLOpsCommand.entryPoint()
