import Foundation

/// Format rules for the scalar values of a topology file. Each returns nil when the value is fine,
/// else the message to report (without the key path).
public enum TopologyFormats {
    /// 12 ASCII digits.
    public static func accountProblem(_ value: String) -> String? {
        value.count == 12 && value.allSatisfy(\.isASCIIDigit) ? nil : "\(quoted(value)) is not a 12-digit AWS account id"
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-5`: a 2-letter prefix, one or two
    /// lowercase words, and a number.
    public static func regionProblem(_ value: String) -> String? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let valid = (3...4).contains(parts.count)
            && parts.first!.count == 2 && parts.first!.allSatisfy(\.isLowercaseASCIILetter)
            && parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isLowercaseASCIILetter) }
            && (1...2).contains(parts.last!.count) && parts.last!.allSatisfy(\.isASCIIDigit)
        return valid ? nil : "\(quoted(value)) is not an AWS region (expected a name like us-east-1 or us-gov-west-1)"
    }

    /// The CDK bootstrap qualifier: 1 to 10 of `[A-Za-z0-9_-]`.
    public static func qualifierProblem(_ value: String) -> String? {
        let allowed = (1...10).contains(value.count)
            && value.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter || $0 == "_" || $0 == "-" }
        return allowed ? nil : "\(quoted(value)) is not a valid bootstrap qualifier (1 to 10 of A-Z a-z 0-9 _ -)"
    }

    /// Profile names end up inside `[profile NAME]` headers, so whitespace and brackets cannot work.
    public static func profileProblem(_ value: String) -> String? {
        if value.isEmpty { return "is empty; expected an AWS profile name" }
        if value.contains(where: { $0.isWhitespace || $0 == "[" || $0 == "]" || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return "\(quoted(value)) is not a usable profile name (no whitespace, brackets or control characters)"
        }
        if value.count > maxProfileNameLength {
            return "\(quoted(value)) is \(value.count) characters long; a profile name has at most \(maxProfileNameLength)"
        }
        return nil
    }

    /// An organizational unit id (`ou-ab12-cd34ef56`) or a root id (`r-ab12`), as the StackSets API accepts them.
    public static func organizationalUnitProblem(_ value: String) -> String? {
        let valid = value.range(of: #"^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$"#, options: .regularExpression) != nil
        return valid ? nil : "\(quoted(value)) is not an organizational unit id (ou-ab12-cd34ef56) or root id (r-ab12)"
    }

    /// An IAM role name: 1 to 64 of `A-Z a-z 0-9 _ + = , . @ -`.
    public static func roleNameProblem(_ value: String) -> String? {
        let valid = value.range(of: #"^[A-Za-z0-9_+=,.@-]{1,64}$"#, options: .regularExpression) != nil
        return valid ? nil : "\(quoted(value)) is not an IAM role name (1 to 64 of A-Z a-z 0-9 _ + = , . @ -)"
    }

    /// Longer names are surely a mistake (a pasted file or key); 128 is far above any profile name in use.
    public static let maxProfileNameLength = 128

    /// A value as shown in a message: quoted, and cut to 64 characters so a pasted megabyte stays one short line.
    public static func quoted(_ value: String) -> String {
        value.count > 64 ? "\"\(value.prefix(64))…\"" : "\"\(value)\""
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
    var isLowercaseASCIILetter: Bool { isASCII && isLowercase }
}
