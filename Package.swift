// swift-tools-version: 6.0
// mlopsctl: one native binary that bootstraps and governs the AWS accounts of an MLOps platform.
// Dependencies point one way: CLI → Workflows → Deployer / Ledger / CFNTemplate / SeedCode → Assets → AWSServices
// → AWSWire and Credentials → AWSConfig / SigV4 (the signer also holds the CredentialProvider protocol the wire signs with).
// What the binary needs at run time is built into it by the EmbedFiles plugin (no resource bundle beside it):
// policies/*.json into CFNTemplate, seed_code/ into SeedCode, the git commit into BuildInfo.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
let embedFiles: [Target.PluginUsage] = [.plugin(name: "EmbedFiles")]

let package = Package(
    name: "mlopsctl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mlopsctl", targets: ["mlopsctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .executableTarget(name: "mlopsctl", dependencies: ["MLOpsCLI"], swiftSettings: strict),
        .target(
            name: "MLOpsCLI",
            dependencies: [
                "Workflows", "Topology", "Ledger", "Deployer", "CFNTemplate", "AWSServices", "AWSWire", "Credentials", "AWSConfig",
                "BuildInfo", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "Workflows",
            dependencies: [
                "Topology", "Deployer", "CFNTemplate", "Ledger", "Assets", "SeedCode", "AWSServices", "AWSWire", "Credentials", "AWSConfig",
            ],
            swiftSettings: strict),
        .target(
            name: "Deployer",
            dependencies: ["AWSServices", "AWSWire", "CFNTemplate", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        // `policies` and `seed_code` in these two are symbolic links to the package's folders: the EmbedFiles plugin builds
        // their files into the binary, and the links make SwiftPM plan again when a file is added or removed there.
        .target(name: "CFNTemplate", exclude: ["Policies/policies"], swiftSettings: strict, plugins: embedFiles),
        .target(name: "SeedCode", dependencies: ["Assets"], exclude: ["seed_code"], swiftSettings: strict, plugins: embedFiles),
        .target(name: "BuildInfo", swiftSettings: strict, plugins: embedFiles),
        // Build-time only: writes the sources the EmbedFiles plugin adds (no package dependency, so it builds first).
        .executableTarget(name: "EmbedGenerator", swiftSettings: strict),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedGenerator"]),
        .target(
            name: "Assets",
            dependencies: ["AWSServices", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "Ledger", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .target(name: "Topology", dependencies: ["Yams"], swiftSettings: strict),
        .target(
            name: "AWSServices",
            dependencies: [
                "AWSWire", "Credentials", "AWSConfig", "SigV4", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "AWSWire",
            dependencies: ["AWSConfig", "SigV4", "CCurl", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        // The few libcurl calls the HTTP transport makes; the system has libcurl.so.4 but no headers (see CCurl.h).
        .target(name: "CCurl"),  // opens libcurl.so.4 with dlopen on first use
        .target(
            name: "Credentials",
            dependencies: ["AWSConfig", "SigV4", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "AWSConfig", swiftSettings: strict),
        .target(name: "SigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(
            name: "TestSupport",
            dependencies: ["AWSWire", "AWSServices", "Credentials", "AWSConfig", "SigV4", "Yams"],
            swiftSettings: strict),

        .testTarget(name: "AWSConfigTests", dependencies: ["AWSConfig", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials", "AWSConfig", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "AWSWireTests",
            dependencies: ["AWSWire", "SigV4", "AWSConfig", "TestSupport", "Yams", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(
            name: "AWSServicesTests",
            dependencies: [
                "AWSServices", "AWSWire", "Credentials", "AWSConfig", "SigV4", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(name: "TopologyTests", dependencies: ["Topology", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "CFNTemplateTests", dependencies: ["CFNTemplate", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "AssetsTests",
            dependencies: [
                "Assets", "AWSServices", "AWSWire", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "DeployerTests", dependencies: ["Deployer", "CFNTemplate", "AWSServices", "AWSWire", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "WorkflowsTests",
            dependencies: [
                "Workflows", "Ledger", "Topology", "CFNTemplate", "Deployer", "Assets", "SeedCode", "AWSConfig", "AWSWire", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),
        .testTarget(name: "MLOpsCLITests", dependencies: ["MLOpsCLI", "Ledger", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Workflows", "Ledger", "Deployer", "CFNTemplate", "Assets", "Topology", "AWSServices", "AWSWire", "Credentials", "AWSConfig", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"], swiftSettings: strict),
    ]
)
