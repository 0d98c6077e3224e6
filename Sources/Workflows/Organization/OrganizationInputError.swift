/// Bad input for the organization path, found before any mutating call; one problem per line.
public enum OrganizationInputError: Error, CustomStringConvertible, Sendable {
    case noOrganizationSection
    case problems([String])

    public var description: String {
        switch self {
        case .noOrganizationSection:
            return "--org needs an organization: section in the topology (the management profile and the OUs or accounts of each "
                + "stage role); see docs/scale.md"
        case .problems(let problems):
            return ProblemList.describe(problems) { "\($0) problems:" }
        }
    }
}
