import GRDB

/// What a ledger row tracks. Stored as its raw value in a TEXT column with no CHECK, so a new case needs no migration;
/// anything without its own case is `other` (the logical id and stack then say what it is).
public enum ResourceKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case stack
    case bucket
    case objectPrefix
    case ssmParameter
    case kmsKey
    case kmsAlias
    case ecrRepository
    case iamRole
    case iamPolicy
    case provisionedProduct
    case portfolio
    case product
    case endpoint
    case endpointConfig
    case model
    case modelPackageGroup
    case other
}
