import Foundation
import Ledger
import Testing
import TestSupport
@testable import Workflows

/// A bucket a stack keeps (Retain, like the CDK staging bucket) was emptied before the stack went: after the stack is
/// gone it is deleted with one DeleteBucket, not looked at and emptied a second time; it is emptied again only when
/// S3 says it is not empty. A bucket the stack deleted costs one answered NoSuchBucket.
@Suite struct TeardownRetainedBucketTests {
    typealias Plan = TeardownPlanTests
    static let stack = FakeProjectAccount.stackName

    /// A project stack (launched directly, not through SageMaker) holding the fake account's bucket.
    static let rows: [Plan.Seed] = [
        Plan.row("dev", .stack, stack, stack: stack, project: "demo"),
        Plan.row("dev", .bucket, FakeProjectAccount.bucket, stack: stack, project: "demo"),
    ]

    static func s3Log(_ account: FakeProjectAccount) -> [String] {
        account.log.filter { ["PutBucketPolicy", "ListMultipartUploads", "ListObjectVersions", "DeleteObjects", "HeadBucket", "DeleteBucket"].contains($0) }
    }

    static func account(retained: Bool, writtenDuringDeletion: [(key: String, version: String)] = []) -> FakeProjectAccount {
        var state = FakeProjectAccount.State()
        state.repositoryExists = false
        state.keyState = nil
        state.bucketRetained = retained
        state.versionsWrittenDuringDeletion = writtenDuringDeletion
        return FakeProjectAccount(state)
    }

    @Test func aRetainedBucketEmptiedBeforeItsStackWentIsDeletedAtOnce() async throws {
        let account = Self.account(retained: true)
        let (report, ledger) = try await TeardownSageMakerProjectTests.run(account, seeds: Self.rows)

        #expect(Self.s3Log(account) == [
            "PutBucketPolicy", "ListMultipartUploads", "ListObjectVersions", "DeleteObjects", "ListObjectVersions",  // before the stack
            "DeleteBucket",  // after it: no HeadBucket, no second emptying
        ])
        #expect(try #require(account.log.firstIndex(of: "DeleteStack")) < (account.log.firstIndex(of: "DeleteBucket") ?? -1))
        #expect(!account.state.value.bucketExists)
        #expect(report.isComplete, "\(report.left)")
        #expect(try await TeardownSageMakerProjectTests.statuses(ledger).values.allSatisfy { $0 == .deleted })
    }

    @Test func aRetainedBucketRefilledDuringTheDeletionIsEmptiedAgainThenDeleted() async throws {
        let account = Self.account(retained: true, writtenDuringDeletion: [("late/model.tar.gz", "v9")])
        let (report, _) = try await TeardownSageMakerProjectTests.run(account, seeds: Self.rows)

        #expect(Array(Self.s3Log(account).suffix(7)) == [
            "DeleteBucket", "PutBucketPolicy", "ListMultipartUploads", "ListObjectVersions", "DeleteObjects", "ListObjectVersions", "DeleteBucket",
        ], "\(Self.s3Log(account))")
        #expect(!account.state.value.bucketExists && account.state.value.versions.isEmpty)
        #expect(report.isComplete, "\(report.left)")
    }

    @Test func aBucketTheStackDeletedCostsOneAnsweredDeleteBucket() async throws {
        let account = Self.account(retained: false)
        let (report, _) = try await TeardownSageMakerProjectTests.run(account, seeds: Self.rows)

        #expect(Array(Self.s3Log(account).suffix(1)) == ["DeleteBucket"], "\(Self.s3Log(account))")
        #expect(Self.s3Log(account).filter { $0 == "DeleteBucket" || $0 == "HeadBucket" }.count == 1)
        #expect(report.isComplete, "\(report.left)")
    }
}
