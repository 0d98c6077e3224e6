import Foundation
import MLOpsCLI

// Everything mlopsctl writes (ledger, journal, synth output, exports, caches Foundation makes) is private to the user:
// umask 0077 before anything else, so even files made by libraries are 0600 and folders 0700. Where mlopsctl makes a
// file itself it also sets the mode explicitly (PrivateFiles, the ledger, the journal).
umask(0o077)

// The executable stays tiny: all behaviour lives in MLOpsCLI so tests can drive it in process.
await MLOpsCommand.entryPoint()
