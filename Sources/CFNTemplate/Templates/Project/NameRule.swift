/// A service's rule for a resource name: length bounds and allowed characters.
public struct NameRule: Sendable, Hashable {
    /// What the rule is for, e.g. `S3 bucket names`.
    public var service: String
    public var minLength: Int
    public var maxLength: Int
    /// The allowed characters, as written in messages (e.g. `a-z 0-9 . -`).
    public var characters: String
    private var allowedScalars: Set<Unicode.Scalar>
    /// Whether the first and last characters must be letters or digits.
    private var alphanumericEnds: Bool
    /// Whether the first character must be a letter.
    private var letterFirst: Bool
    /// A required prefix (KMS aliases start with `alias/`).
    private var prefix: String

    init(service: String, minLength: Int, maxLength: Int, characters: String, extra: String,
         lowercaseOnly: Bool = false, alphanumericEnds: Bool = false, letterFirst: Bool = false, prefix: String = "") {
        self.service = service
        self.minLength = minLength
        self.maxLength = maxLength
        self.characters = characters
        var scalars = Set("abcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars)
        if !lowercaseOnly { scalars.formUnion("ABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars) }
        scalars.formUnion(extra.unicodeScalars)
        self.allowedScalars = scalars
        self.alphanumericEnds = alphanumericEnds
        self.letterFirst = letterFirst
        self.prefix = prefix
    }

    /// Why `name` breaks the rule, or nil when it follows it.
    public func problem(with name: String) -> String? {
        let length = name.unicodeScalars.count
        if length > maxLength { return "\(length) characters, over the \(maxLength) allowed for \(service)" }
        if length < minLength { return "\(length) characters, under the \(minLength) required for \(service)" }
        guard name.hasPrefix(prefix) else { return "\(service) must start with \(prefix)" }
        let body = name.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        if let bad = body.first(where: { !allowedScalars.contains($0) }) {
            return "character '\(bad)' is not allowed in \(service) (only \(characters))"
        }
        if alphanumericEnds, let first = body.first, let last = body.last,
           !(Self.isAlphanumeric(first) && Self.isAlphanumeric(last)) {
            return "\(service) must start and end with a letter or digit"
        }
        if letterFirst, let first = body.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
            return "\(service) must start with a letter"
        }
        return nil
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// 3–63 lower-case letters, digits, `.` and `-`.
    public static let s3Bucket = NameRule(service: "S3 bucket names", minLength: 3, maxLength: 63, characters: "a-z 0-9 . -",
                                          extra: ".-", lowercaseOnly: true, alphanumericEnds: true)
    /// 1–64 characters of `A-Z a-z 0-9 + = , . @ _ -`.
    public static let iamRole = NameRule(service: "IAM role names", minLength: 1, maxLength: 64, characters: "A-Z a-z 0-9 + = , . @ _ -",
                                         extra: "+=,.@_-")
    /// Models, endpoint configs, endpoints and model package groups: 1–63 letters, digits and hyphens.
    public static let sageMaker = NameRule(service: "SageMaker model, endpoint and package group names", minLength: 1, maxLength: 63,
                                           characters: "A-Z a-z 0-9 -", extra: "-", alphanumericEnds: true)
    public static let sageMakerPipeline = NameRule(service: "SageMaker pipeline names", minLength: 1, maxLength: 256,
                                                   characters: "A-Z a-z 0-9 -", extra: "-", alphanumericEnds: true)
    public static let codeBuildProject = NameRule(service: "CodeBuild project names", minLength: 2, maxLength: 255,
                                                  characters: "A-Z a-z 0-9 - _", extra: "-_")
    public static let codePipeline = NameRule(service: "CodePipeline names", minLength: 1, maxLength: 100,
                                              characters: "A-Z a-z 0-9 . @ - _", extra: ".@-_")
    public static let codeCommitRepository = NameRule(service: "CodeCommit repository names", minLength: 1, maxLength: 100,
                                                      characters: "A-Z a-z 0-9 . _ -", extra: "._-")
    public static let eventsRule = NameRule(service: "EventBridge rule names", minLength: 1, maxLength: 64,
                                            characters: "A-Z a-z 0-9 . - _", extra: ".-_")
    public static let kmsAlias = NameRule(service: "KMS alias names", minLength: 7, maxLength: 256, characters: "A-Z a-z 0-9 / _ -",
                                          extra: "/_-", prefix: "alias/")
    /// Parameter names count against 1011 characters (AWS limits the whole name, hierarchy included).
    public static let ssmParameter = NameRule(service: "SSM parameter names", minLength: 1, maxLength: 1011,
                                              characters: "A-Z a-z 0-9 _ . - /", extra: "_.-/")
    public static let stackName = NameRule(service: "CloudFormation stack names", minLength: 1, maxLength: 128,
                                           characters: "A-Z a-z 0-9 -", extra: "-", alphanumericEnds: true, letterFirst: true)
    /// `SageMakerProjectName`: 1–32 letters, digits and hyphens, starting with a letter.
    public static let projectName = NameRule(service: "SageMaker project names", minLength: 1, maxLength: 32,
                                             characters: "A-Z a-z 0-9 -", extra: "-", alphanumericEnds: true, letterFirst: true)
    /// `SageMakerProjectId`: 1–16 lower-case letters, digits and hyphens (it is part of S3 bucket names).
    public static let projectId = NameRule(service: "SageMaker project ids", minLength: 1, maxLength: 16,
                                           characters: "a-z 0-9 -", extra: "-", lowercaseOnly: true, alphanumericEnds: true)
}
