/// Small builders for IAM policy documents in templates, so statements read like the JSON they render to.
enum PolicyStatement {
    static let version = "2012-10-17"

    static func document(_ statements: [CFNValue]) -> CFNValue {
        ["Version": .string(version), "Statement": .array(statements)]
    }

    /// An identity-policy `Allow` statement.
    static func allow(_ sid: String, _ actions: [String], _ resources: [CFNValue], condition: CFNValue? = nil) -> CFNValue {
        var members: [String: CFNValue] = [
            "Sid": .string(sid), "Effect": "Allow", "Action": .array(actions.map(CFNValue.string)), "Resource": .array(resources),
        ]
        members["Condition"] = condition
        return .object(members)
    }

    /// A resource-policy `Allow` statement for AWS principals (role or account ARNs).
    static func grant(_ sid: String, to principals: [CFNValue], _ actions: [String], _ resources: [CFNValue],
                      condition: CFNValue? = nil) -> CFNValue {
        guard case .object(var members) = allow(sid, actions, resources, condition: condition) else { preconditionFailure() }
        members["Principal"] = ["AWS": .array(principals)]
        return .object(members)
    }

    /// Deny every S3 request over plain HTTP.
    static func denyInsecureTransport(bucket: String) -> CFNValue {
        [
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": [.getAtt(bucket, "Arn"), .sub("${\(bucket).Arn}/*")],
            "Condition": ["Bool": ["aws:SecureTransport": "false"]],
        ]
    }

    /// A trust policy for an AWS service. With `sameAccount`, only on behalf of this account's resources
    /// (the confused-deputy guard CodeBuild and CodePipeline document).
    static func serviceTrust(_ service: String, sameAccount: Bool) -> CFNValue {
        var statement: [String: CFNValue] = ["Effect": "Allow", "Principal": ["Service": .string(service)], "Action": "sts:AssumeRole"]
        if sameAccount {
            statement["Condition"] = ["StringEquals": ["aws:SourceAccount": .accountId]]
        }
        return document([.object(statement)])
    }
}
