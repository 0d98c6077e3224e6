import AWSServices
import AWSWire
import Deployer
import Foundation

/// Buckets: existence, versioning, the public-access block, default encryption, and the bucket policy.
extension LiveResourceReader {
    func bucket(_ expected: ExpectedResource) async throws -> DriftVerdict {
        let name = expected.physicalId
        let status = try await ReadDenied.guarding("s3:ListBucket") { try await session.s3.headBucket(name) }
        switch status {
        case .notFound:
            return .gone("bucket deleted", repairs: [.createBucket(name: name)] + settingsRepairs(expected))
        case .forbidden:
            // Also what a bucket of the same name in another account answers: it is not ours to read.
            return .unreadable("s3:ListBucket", "HeadBucket was refused (or the name now belongs to another account)")
        case .exists:
            break
        }
        var differences: [DriftDifference] = []
        var repairs: [DriftRepair] = []
        if let wanted = wantedVersioning(expected) {
            let live = try await ReadDenied.guarding("s3:GetBucketVersioning") { try await session.s3.getBucketVersioning(name) }
            if live != wanted {
                differences.append(DriftDifference(field: "versioning", expected: wanted.rawValue, live: live?.rawValue ?? "never enabled"))
                repairs.append(.putBucketVersioning(bucket: name, status: wanted))
            }
        }
        if let wanted = wantedPublicAccessBlock(expected) {
            let live = try await ReadDenied.guarding("s3:GetBucketPublicAccessBlock") { try await session.s3.getPublicAccessBlock(name) }
            if live != wanted {
                differences.append(DriftDifference(field: "public access block", expected: describe(wanted), live: live.map(describe) ?? "none"))
                repairs.append(.putPublicAccessBlock(bucket: name, wanted))
            }
        }
        if let wanted = wantedEncryption(expected) {
            let rules = try await ReadDenied.guarding("s3:GetEncryptionConfiguration") { try await session.s3.getBucketEncryption(name) }
            if !(rules.first.map { Self.sameEncryption(wanted, $0) } ?? false) {
                let live = rules.first.map { "\($0.algorithm)\($0.kmsMasterKeyId.map { " with \($0)" } ?? "")" } ?? "none"
                differences.append(DriftDifference(
                    field: "default encryption", expected: "\(wanted.algorithm)\(wanted.kmsMasterKeyId.map { " with \($0)" } ?? "")", live: live))
                repairs.append(.putBucketEncryption(bucket: name, wanted))
            }
        }
        return .compared(differences, repairs: repairs)
    }

    func bucketPolicy(_ expected: ExpectedResource) async throws -> DriftVerdict {
        guard expected.isComparable("Bucket"), expected.isComparable("PolicyDocument"), let bucket = expected.property("Bucket")?.stringValue,
            let wanted = expected.property("PolicyDocument"), let wantedDocument = PolicyDocument(wanted, partition: expected.partition),
            let wantedText = wanted.jsonText
        else { return .unchecked("its bucket or document cannot be worked out from the template") }
        let repair = DriftRepair.putBucketPolicy(bucket: bucket, document: wantedText)
        let live: String?
        do {
            live = try await ReadDenied.guarding("s3:GetBucketPolicy") { try await session.s3.getBucketPolicy(bucket) }
        } catch let error as AWSServiceError where error.code == "NoSuchBucket" {
            return .gone("its bucket \(bucket) was deleted", repairs: [repair])
        }
        guard let live, let liveDocument = PolicyDocument(json: live, partition: expected.partition) else {
            return .gone("bucket policy deleted", repairs: [repair])
        }
        let differences = PolicyDocument.differences(field: "bucket policy", expected: wantedDocument, live: liveDocument)
        return .compared(differences, repairs: differences.isEmpty ? [] : [repair])
    }

    /// What putting a deleted bucket back takes besides creating it: the settings its template gives it.
    private func settingsRepairs(_ expected: ExpectedResource) -> [DriftRepair] {
        let name = expected.physicalId
        var repairs: [DriftRepair] = []
        if let versioning = wantedVersioning(expected) { repairs.append(.putBucketVersioning(bucket: name, status: versioning)) }
        if let block = wantedPublicAccessBlock(expected) { repairs.append(.putPublicAccessBlock(bucket: name, block)) }
        if let rule = wantedEncryption(expected) { repairs.append(.putBucketEncryption(bucket: name, rule)) }
        return repairs
    }

    private func wantedVersioning(_ expected: ExpectedResource) -> S3VersioningStatus? {
        guard expected.isComparable("VersioningConfiguration") else { return nil }
        return expected.property("VersioningConfiguration")?["Status"]?.stringValue.flatMap(S3VersioningStatus.init(rawValue:))
    }

    private func wantedPublicAccessBlock(_ expected: ExpectedResource) -> S3PublicAccessBlock? {
        guard expected.isComparable("PublicAccessBlockConfiguration"), let block = expected.property("PublicAccessBlockConfiguration") else {
            return nil
        }
        func flag(_ name: String) -> Bool { block[name]?.boolValue ?? false }
        return S3PublicAccessBlock(
            blockPublicAcls: flag("BlockPublicAcls"), ignorePublicAcls: flag("IgnorePublicAcls"), blockPublicPolicy: flag("BlockPublicPolicy"),
            restrictPublicBuckets: flag("RestrictPublicBuckets"))
    }

    private func wantedEncryption(_ expected: ExpectedResource) -> S3EncryptionRule? {
        guard expected.isComparable("BucketEncryption"),
            let rule = expected.property("BucketEncryption")?["ServerSideEncryptionConfiguration"]?.items?.first,
            let defaults = rule["ServerSideEncryptionByDefault"], let algorithm = defaults["SSEAlgorithm"]?.stringValue
        else { return nil }
        return S3EncryptionRule(
            algorithm: algorithm, kmsMasterKeyId: defaults["KMSMasterKeyID"]?.stringValue, bucketKeyEnabled: rule["BucketKeyEnabled"]?.boolValue)
    }

    /// The same algorithm and key: S3 may report a key by ARN where the template gave its id (or the reverse).
    static func sameEncryption(_ wanted: S3EncryptionRule, _ live: S3EncryptionRule) -> Bool {
        guard wanted.algorithm == live.algorithm else { return false }
        switch (wanted.kmsMasterKeyId, live.kmsMasterKeyId) {
        case (nil, _): return true
        case (let wanted?, let live?): return wanted == live || wanted.hasSuffix("/" + live) || live.hasSuffix("/" + wanted)
        case (_?, nil): return false
        }
    }

    private func describe(_ block: S3PublicAccessBlock) -> String {
        let flags = [
            ("BlockPublicAcls", block.blockPublicAcls), ("IgnorePublicAcls", block.ignorePublicAcls), ("BlockPublicPolicy", block.blockPublicPolicy),
            ("RestrictPublicBuckets", block.restrictPublicBuckets),
        ]
        let on = flags.filter(\.1).map(\.0)
        return on.count == 4 ? "all four settings on" : on.isEmpty ? "all off" : "only \(on.joined(separator: ", ")) on"
    }
}
