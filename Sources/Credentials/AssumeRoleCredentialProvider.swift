import AWSConfig
import Foundation
import SigV4

/// One `role_arn` link of a profile chain: takes the credentials of `source` and trades them for the role's
/// temporary credentials through STS AssumeRole. Wrap it in `CachedCredentialProvider`; this type fetches every time.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public let source: any CredentialProvider
    public let step: RoleAssumption
    public let roleAssumer: any RoleAssuming
    public let mfaPrompt: any MFACodePrompt
    public let now: @Sendable () -> Date

    public init(
        source: any CredentialProvider, step: RoleAssumption, roleAssumer: any RoleAssuming,
        mfaPrompt: any MFACodePrompt = TerminalMFACodePrompt(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.source = source
        self.step = step
        self.roleAssumer = roleAssumer
        self.mfaPrompt = mfaPrompt
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        // Source errors already name their own profile; pass them through unchanged.
        let sourceCredentials = try await source.credentials()
        var mfaCode: String?
        if let serial = step.mfaSerial {
            mfaCode = try await mfaPrompt.validatedCode(forSerial: serial, profile: step.profile)
        }
        let sessionName = RoleSessionName.make(configured: step.sessionName, now: now())
        do {
            return try await roleAssumer.assumeRole(step, sessionName: sessionName, mfaCode: mfaCode, using: sourceCredentials)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw CredentialError.roleAssumptionFailed(step, underlying: error)
        }
    }

    public var description: String {
        "AssumeRoleCredentialProvider(profile '\(step.profile)', role \(step.roleArn), source: \(source))"
    }
}
