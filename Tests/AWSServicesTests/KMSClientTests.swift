import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct KMSClientTests {
    typealias R = RegistryResponses

    @Test func describeKeyDecodesTheMetadata() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeKeyEnabled)])

        let key = try #require(try await TestClients.kms(transport).describeKey("alias/mlops-artifacts"))

        #expect(key.keyId == R.keyId)
        #expect(key.arn == R.keyArn)
        #expect(key.state == .enabled)
        #expect(key.enabled == true)
        #expect(key.keyManager == "CUSTOMER")
        #expect(key.deletionDate == nil)
        #expect(key.creationDate == Date(timeIntervalSince1970: 1_499_288_695.918))
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://kms.eu-west-1.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "TrentService.DescribeKey")
        #expect(TestClients.credentialScope(request)?.service == "kms")
        #expect(TestClients.body(request) == #"{"KeyId":"alias/mlops-artifacts"}"#)
    }

    @Test func describeKeyReadsMotosPendingDeletionWithNullsAndAnHTMLContentType() async throws {
        // emulator-notes §7: moto labels KMS JSON `text/html`.
        let transport = ScriptedTransport([
            .status(200, body: R.describeKeyPendingDeletionMoto, headers: ["Content-Type": "text/html; charset=utf-8"])
        ])

        let key = try #require(try await TestClients.kms(transport).describeKey("22c38b02-a2ef-46c9-9952-767d32b912df"))

        #expect(key.state == .pendingDeletion)
        #expect(key.enabled == false)
        #expect(key.deletionDate == Date(timeIntervalSince1970: 1_796_525_811.064649))
        #expect(key.description == "")
    }

    @Test func aMissingKeyOrAliasIsNil() async throws {
        let transport = ScriptedTransport([
            .status(400, body: AWSResponses.jsonError("NotFoundException", message: "Key 'arn:aws:kms:eu-west-1:111111111111:key/nope' does not exist")),
            .status(400, body: AWSResponses.jsonError("NotFoundException", message: "Alias arn:aws:kms:eu-west-1:111111111111:alias/nope is not found.")),
        ])
        let kms = TestClients.kms(transport)

        #expect(try await kms.describeKey("nope") == nil)
        #expect(try await kms.describeKey("alias/nope") == nil)
    }

    @Test func otherDescribeKeyErrorsAreThrown() async throws {
        let transport = ScriptedTransport([.status(400, body: AWSResponses.jsonError("InvalidArnException", message: "Invalid arn"))])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await TestClients.kms(transport).describeKey("arn:bad") }

        #expect(error?.code == "InvalidArnException")
    }

    @Test func scheduleKeyDeletionDefaultsToTheSevenDayMinimum() async throws {
        let transport = ScriptedTransport([.status(200, body: R.scheduleKeyDeletion)])

        let deletion = try await TestClients.kms(transport).scheduleKeyDeletion(R.keyId)

        #expect(deletion == KMSKeyDeletion(keyId: R.keyArn, deletionDate: Date(timeIntervalSince1970: 1_796_525_811), state: .pendingDeletion, pendingWindowInDays: 7))
        #expect(transport.requests.first?.headers["X-Amz-Target"] == "TrentService.ScheduleKeyDeletion")
        #expect(TestClients.body(transport.requests.first) == #"{"KeyId":"\#(R.keyId)","PendingWindowInDays":7}"#)
    }

    @Test func scheduleKeyDeletionSendsALongerWindowAndReadsMotosShortAnswer() async throws {
        let transport = ScriptedTransport([.status(200, body: #"{"KeyId": "k", "DeletionDate": 1796525811.064649}"#)])

        let deletion = try await TestClients.kms(transport).scheduleKeyDeletion("k", pendingWindowInDays: 30)

        #expect(deletion.state == nil)
        #expect(deletion.deletionDate == Date(timeIntervalSince1970: 1_796_525_811.064649))
        #expect(TestClients.body(transport.requests.first) == #"{"KeyId":"k","PendingWindowInDays":30}"#)
    }

    @Test(arguments: [0, 6, 31, 365])
    func windowsOutsideSevenToThirtyDaysAreRefusedBeforeAnyRequest(_ days: Int) async throws {
        let transport = ScriptedTransport([])

        let error = await #expect(throws: KMSPendingWindowError.self) {
            _ = try await TestClients.kms(transport).scheduleKeyDeletion("1234abcd", pendingWindowInDays: days)
        }

        #expect(transport.requests.isEmpty)
        let text = String(describing: try #require(error))
        #expect(text.contains("1234abcd") && text.contains("\(days) days") && text.contains("7 to 30"))
        #expect(!text.contains("\n"))
    }

    @Test func aKeyAlreadyPendingDeletionIsThrown() async throws {
        let transport = ScriptedTransport([
            .status(400, body: AWSResponses.jsonError("KMSInvalidStateException", message: "\(R.keyArn) is pending deletion."))
        ])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await TestClients.kms(transport).scheduleKeyDeletion(R.keyId) }

        #expect(error?.code == "KMSInvalidStateException")
    }
}
