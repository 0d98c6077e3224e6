import CFNTemplate
import Foundation
import Testing
import TestSupport
@testable import Workflows

/// `config/<stage>.json` as promote reads it: the seed's own files, data capture, and every problem named by key
/// (unknown keys are errors, as in the deploy app's `stage_config.py` and `config/schema.json`).
@Suite struct EndpointStageConfigTests {
    static func load(_ json: String) throws -> EndpointStageConfig {
        let seed = FileManager.default.temporaryDirectory.appendingPathComponent("seed-code-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: seed.appendingPathComponent("deploy_app/config"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: seed) }
        try json.write(to: seed.appendingPathComponent("deploy_app/config/prod.json"), atomically: true, encoding: .utf8)
        return try EndpointStageConfig.load(deployApp: .deploy(in: .directory(seed)), stage: "prod")
    }

    static func problems(_ json: String) -> [String] {
        do {
            _ = try load(json)
            return []
        } catch let error as PromoteError {
            return error.problems
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test(arguments: ["dev", "preprod", "prod"])
    func theSeedsConfigsLoad(stage: String) throws {
        let onDisk = SeedCodeLocation.directory(ConformanceData.packageRoot.appendingPathComponent("seed_code"))
        let config = try EndpointStageConfig.load(deployApp: .deploy(in: onDisk), stage: stage)
        #expect(config.instanceType.hasPrefix("ml.") && config.initialInstanceCount >= 1)
        // The copy built into the executable is the same file.
        #expect(try EndpointStageConfig.load(deployApp: .deploy(in: .embedded), stage: stage) == config)
    }

    @Test func aMissingConfigNamesTheFileWhereverItComesFrom() {
        let seed = FileManager.default.temporaryDirectory.appendingPathComponent("no-seed-\(UUID().uuidString)")
        #expect(throws: PromoteError.self) { try EndpointStageConfig.load(deployApp: .deploy(in: .directory(seed)), stage: "qa") }
        do {
            _ = try EndpointStageConfig.load(deployApp: .deploy(in: .embedded), stage: "qa")
            Issue.record("an unknown stage's config loaded")
        } catch let error as PromoteError {
            #expect(error.problems == ["deploy_app/config/qa.json (built into mlopsctl) is missing; "
                + "it sets the qa endpoint's instanceType, initialInstanceCount and variantName"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func dataCaptureIsReadWithItsDefaultSampling() throws {
        let config = try Self.load("""
            {"instanceType": "ml.m5.large", "initialInstanceCount": 2, "variantName": "AllTraffic",
             "dataCapture": {"enabled": true, "destinationS3Uri": "s3://capture-bucket/prod"}}
            """)
        #expect(config.dataCapture == EndpointDataCapture(samplingPercentage: 100, destinationS3Uri: "s3://capture-bucket/prod"))
        let off = try Self.load("""
            {"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "AllTraffic", "dataCapture": {"enabled": false}}
            """)
        #expect(off.dataCapture == nil)
    }

    @Test func everyProblemIsNamedByItsKey() {
        let problems = Self.problems("""
            {"instanceType": "m5.large", "initialInstanceCount": true, "variantName": "All Traffic", "instanceCount": 2,
             "dataCapture": {"enabled": true, "samplingPercentage": 0, "bucket": "x"}}
            """)
        let expected = [
            "instanceCount: unknown key", "initialInstanceCount: must be an integer", "instanceType 'm5.large'", "variantName 'All Traffic'",
            "dataCapture.bucket: unknown key", "dataCapture.samplingPercentage", "dataCapture.destinationS3Uri: required",
        ]
        for fragment in expected {
            #expect(problems.contains { $0.contains(fragment) }, "missing \(fragment) in \(problems)")
        }
        #expect(problems.count == expected.count, "\(problems)")
        #expect(problems.allSatisfy { $0.contains("config/prod.json: ") })
    }

    @Test(arguments: [
        ("[1, 2]", "not a JSON object"),
        (#"{"instanceType": "ml.m5.large", "variantName": "A"}"#, "initialInstanceCount: missing"),
        (#"{"instanceType": "ml.m5.large", "initialInstanceCount": 1.5, "variantName": "A"}"#, "initialInstanceCount: must be an integer"),
        (#"{"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A", "dataCapture": {"enabled": "yes"}}"#, "dataCapture.enabled"),
        (#"{"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A", "dataCapture": {"enabled": true, "destinationS3Uri": "capture"}}"#,
         "is not s3://bucket"),
    ])
    func malformedFilesAreRefused(json: String, fragment: String) {
        let problems = Self.problems(json)
        #expect(problems.contains { $0.contains(fragment) }, "\(problems)")
    }
}
