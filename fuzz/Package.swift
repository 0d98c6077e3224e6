// swift-tools-version: 6.0
// libFuzzer targets for mlopsctl's parsers of untrusted text, kept out of the main package so that neither
// `swift build` nor `swift test` there builds or runs them. Each target compiles the product's own source files
// (symbolic links into ../Sources, so internal parsers are reachable) plus one `LLVMFuzzerTestOneInput`.
// Built and run by ../scripts/fuzz (`swift build -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library`).
import PackageDescription

let package = Package(
    name: "mlopsctl-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/jpsim/Yams", from: "6.2.2")],
    targets: [
        // The INI reader of ~/.aws/config and ~/.aws/credentials, then profile-chain resolution of every profile.
        .executableTarget(name: "FuzzConfig"),
        // The topology reader (YAML through Yams, then every rule of TopologyDocumentReader).
        .executableTarget(name: "FuzzTopology", dependencies: ["Yams"]),
        // The XML and JSON response decoders and the error parser (AWSWire's XML, Codecs, Errors, Time).
        .executableTarget(name: "FuzzWireDecoders"),
    ]
)
