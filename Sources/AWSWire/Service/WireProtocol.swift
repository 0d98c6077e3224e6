import Foundation

/// How a service encodes requests and responses. A closed set, switched on only where bodies are
/// built; errors are parsed by looking at the body itself (emulators mislabel content types).
public enum WireProtocol: Sendable, Equatable {
    /// Form-encoded `Action`/`Version` POST, XML response (STS, IAM, CloudFormation).
    case query(xmlNamespace: String)
    /// POST of a JSON document with `X-Amz-Target: <targetPrefix>.<Operation>` (SSM, KMS, …).
    case json(version: String, targetPrefix: String)
    /// REST with XML bodies (S3).
    case restXML
    /// REST with JSON bodies (SageMaker Runtime).
    case restJSON

    /// `application/x-amz-json-1.1` and friends.
    public var jsonContentType: String? {
        if case .json(let version, _) = self { return "application/x-amz-json-\(version)" }
        return nil
    }
}
