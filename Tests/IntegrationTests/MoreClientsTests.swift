import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Testing
import TestSupport

/// The registry and teardown clients against moto: the SageMaker model registry, not-found answers of
/// SageMaker, KMS and ECR, and emptying a versioned bucket page by page.
@Suite struct MoreClientsTests {
    @Test func aModelVersionIsRegisteredListedAndApproved() async throws {
        try await withEmulator { emulator in
            let governance = try #require(emulator.account("governance"))
            let sageMaker = try AWSSession.make(profile: governance.profile, environment: emulator.awsEnvironment).sageMaker
            let group = "mlops-it-\(UUID().uuidString.prefix(8).lowercased())"

            let groupArn = try await sageMaker.createModelPackageGroup(name: group, description: "integration test")
            #expect(groupArn.hasSuffix(":model-package-group/\(group)"))
            #expect(try await sageMaker.describeModelPackageGroup(name: group)?.status == .completed)

            let specification = ModelPackageInferenceSpecification(
                containers: [.init(image: "\(governance.accountID).dkr.ecr.us-east-1.amazonaws.com/churn:1", modelDataUrl: "s3://mlops-it/model.tar.gz")],
                supportedContentTypes: ["text/csv"], supportedResponseMIMETypes: ["text/csv"])
            var arns: [String] = []
            for run in 1...2 {
                arns.append(
                    try await sageMaker.createModelPackage(
                        CreateModelPackageRequest(groupName: group, description: "run \(run)", inferenceSpecification: specification)))
            }
            #expect(arns.map { $0.components(separatedBy: "/").last } == ["1", "2"])

            let pending = try await sageMaker.listAllModelPackages(ModelPackageQuery(groupName: group, sortOrder: .ascending))
            #expect(pending.map(\.arn) == arns)
            #expect(pending.allSatisfy { $0.approvalStatus == .pendingManualApproval })
            #expect(try await sageMaker.listModelPackages(.latestApproved(in: group)).summaries.isEmpty)

            try await sageMaker.updateModelPackage(arn: arns[0], approvalStatus: .approved, approvalDescription: "AUC above threshold")

            let approved = try #require(try await sageMaker.describeModelPackage(name: arns[0]))
            #expect(approved.approvalStatus == .approved)
            #expect(approved.approvalDescription == "AUC above threshold")
            #expect(approved.status == .completed)
            #expect(approved.groupName == group)
            #expect(approved.inferenceSpecification?.containers == specification.containers)
            #expect(try await sageMaker.listModelPackages(.latestApproved(in: group)).summaries.map(\.arn) == [arns[0]])
        }
    }

    @Test func missingResourcesAreNilOrFalse() async throws {
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let session = try AWSSession.make(profile: dev.profile, environment: emulator.awsEnvironment)

            #expect(try await session.sageMaker.describeModelPackageGroup(name: "mlops-it-missing") == nil)
            #expect(try await session.sageMaker.describeModelPackage(name: "arn:aws:sagemaker:us-east-1:\(dev.accountID):model-package/mlops-it-missing/1") == nil)
            #expect(try await session.sageMaker.describeEndpoint(name: "mlops-it-missing") == nil)
            #expect(try await session.kms.describeKey("11111111-2222-3333-4444-555555555555") == nil)
            #expect(try await session.kms.describeKey("alias/mlops-it-missing") == nil)
            #expect(try await session.ecr.describeRepository(name: "mlops-it/missing") == nil)
            #expect(try await session.ecr.deleteRepository(name: "mlops-it/missing", force: true) == false)
        }
    }

    @Test func aVersionedBucketIsListedInPagesAndEmptied() async throws {
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let s3 = try AWSSession.make(profile: dev.profile, environment: emulator.awsEnvironment).s3
            let bucket = try await versionedBucket(s3, profile: dev.profile, emulator: emulator)

            var pages: [S3ObjectVersionPage] = []
            for try await page in s3.objectVersionPages(bucket: bucket, maxKeys: 2) { pages.append(page) }
            #expect(pages.count == 4)
            #expect(pages.dropLast().allSatisfy { $0.isTruncated && $0.identifiers.count == 2 })
            let versions = pages.flatMap(\.versions)
            let markers = pages.flatMap(\.deleteMarkers)
            #expect(versions.count == 6)
            #expect(markers.map(\.key) == ["models/b.txt"])
            #expect(Set(versions.map(\.key)) == ["models/a.txt", "models/b.txt", "dir one/a+b.txt"])
            #expect(Set(versions.map(\.versionId)).count == 6)
            #expect(versions.filter(\.isLatest).count == 2)

            let everything = pages.flatMap(\.identifiers)
            let result = try await s3.deleteObjects(bucket: bucket, objects: everything)
            try result.check(bucket: bucket)
            #expect(result.errors.isEmpty)

            let after = try await s3.listObjectVersions(bucket: bucket)
            #expect(after.versions.isEmpty && after.deleteMarkers.isEmpty && !after.isTruncated)
            #expect(try await s3.listMultipartUploads(bucket: bucket).uploads.isEmpty)
            try await s3.deleteBucket(bucket)
            #expect(try await s3.headBucket(bucket) == .notFound)
        }
    }

    @Test func aVersionedBucketIsEmptiedByDeletingTheFirstPageUntilNoneIsLeft() async throws {
        // The pattern that holds on moto too: moto loses its place when the version a marker names
        // has been deleted, so deleting while following markers would stop early there.
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let s3 = try AWSSession.make(profile: dev.profile, environment: emulator.awsEnvironment).s3
            let bucket = try await versionedBucket(s3, profile: dev.profile, emulator: emulator)

            var deleted = 0
            var rounds = 0
            while true {
                let page = try await s3.listObjectVersions(bucket: bucket, maxKeys: 2)
                if page.identifiers.isEmpty { break }
                try await s3.deleteObjects(bucket: bucket, objects: page.identifiers).check(bucket: bucket)
                deleted += page.identifiers.count
                rounds += 1
                #expect(rounds <= 4, "the bucket should be empty after 4 pages of 2")
                if rounds > 4 { break }
            }

            #expect(deleted == 7)
            try await s3.deleteBucket(bucket)
        }
    }

    @Test func aBucketPolicyIsPutReadAndDeleted() async throws {
        try await withEmulator { emulator in
            let dev = try #require(emulator.account("dev"))
            let s3 = try AWSSession.make(profile: dev.profile, environment: emulator.awsEnvironment).s3
            let bucket = "mlopsctl-it-\(UUID().uuidString.prefix(8).lowercased())"
            let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::\#(bucket)/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#
            try await s3.createBucket(bucket)

            #expect(try await s3.getBucketPolicy(bucket: bucket) == nil)
            try await s3.putBucketPolicy(bucket: bucket, policy: policy)
            #expect(try await s3.getBucketPolicy(bucket: bucket) == policy)
            try await s3.deleteBucketPolicy(bucket: bucket)
            #expect(try await s3.getBucketPolicy(bucket: bucket) == nil)
            try await s3.deleteBucket(bucket)
        }
    }
}

/// A new versioned bucket holding 3 + 1 + 2 versions of three keys and one delete marker.
private func versionedBucket(_ s3: S3Client, profile: String, emulator: Emulator) async throws -> String {
    let bucket = "mlopsctl-it-\(UUID().uuidString.prefix(8).lowercased())"
    try await s3.createBucket(bucket)
    try await enableVersioning(bucket: bucket, profile: profile, emulator: emulator)
    for (key, count) in [("models/a.txt", 3), ("models/b.txt", 1), ("dir one/a+b.txt", 2)] {
        for version in 1...count { _ = try await s3.putObject(bucket: bucket, key: key, body: Data("\(key) \(version)".utf8)) }
    }
    try await s3.deleteObject(bucket: bucket, key: "models/b.txt")
    return bucket
}

/// Turns on versioning with boto3: mlopsctl has no PutBucketVersioning call yet, and this is the only
/// thing these tests do outside our own clients.
private func enableVersioning(bucket: String, profile: String, emulator: Emulator) async throws {
    let script = """
        import sys, boto3
        s3 = boto3.Session(profile_name=sys.argv[1]).client("s3")
        s3.put_bucket_versioning(Bucket=sys.argv[2], VersioningConfiguration={"Status": "Enabled"})
        print(s3.get_bucket_versioning(Bucket=sys.argv[2]).get("Status"))
        """
    var environment = ProjectTools.environment().filter { !$0.key.hasPrefix("AWS_") }  // boto3 is in the project's venv
    environment.merge(emulator.environment) { $1 }
    let result = try await CapturedProcess.python(script, [profile, bucket], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Enabled")
}
