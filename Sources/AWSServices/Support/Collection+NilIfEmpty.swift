import Foundation

extension Collection {
    /// nil for an empty collection, so optional list and map members are left out of a JSON body
    /// rather than sent as `[]` or `{}`.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
