import Foundation

/// Organizations response bodies as moto 5.2.1 sends them (captured from `moto_server`: `"NextToken": null`,
/// both `Status` and `State`, epoch-second timestamps) and as the AWS API reference documents them.
enum OrganizationsResponses {
    static let organizationId = "o-d7viz99x9o"
    static let management = "123456789012"
    static let rootId = "r-rck3"
    static let ouId = "ou-rck3-ktln93n2"

    static let describeOrganization = """
        {"Organization": {"Id": "o-d7viz99x9o", "Arn": "arn:aws:organizations::123456789012:organization/o-d7viz99x9o", "FeatureSet": "ALL", \
        "MasterAccountArn": "arn:aws:organizations::123456789012:account/o-d7viz99x9o/123456789012", "MasterAccountId": "123456789012", \
        "MasterAccountEmail": "master@example.com", "AvailablePolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}}
        """

    static let notInUse = #"{"__type": "AWSOrganizationsNotInUseException", "Message": "Your account is not a member of an organization."}"#

    static let listRoots = """
        {"Roots": [{"Id": "r-rck3", "Arn": "arn:aws:organizations::123456789012:root/o-d7viz99x9o/r-rck3", "Name": "Root", "PolicyTypes": []}]}
        """

    /// moto's first page of two accounts (its tokens are base64 JSON).
    static let accountsPage1 = """
        {"Accounts": [{"Id": "940144603568", "Arn": "arn:aws:organizations::123456789012:account/o-d7viz99x9o/940144603568", \
        "Email": "a0@example.com", "Name": "team-0", "Status": "ACTIVE", "State": "ACTIVE", "JoinedMethod": "CREATED", \
        "JoinedTimestamp": 1796476049.616119}, {"Id": "271110431973", "Arn": "arn:aws:organizations::123456789012:account/o-d7viz99x9o/271110431973", \
        "Email": "a1@example.com", "Name": "team-1", "Status": "ACTIVE", "State": "ACTIVE", "JoinedMethod": "CREATED", \
        "JoinedTimestamp": 1796476049.900765}], \
        "NextToken": "eyJwYXJhbWV0ZXJDaGVja3N1bSI6IC00MTYxMjIxNjQ1MjAzMDM4MzQ0LCAidW5pcXVlQXR0cmlidXRlcyI6ICI0ODEyMDkyOTE3NjMifQ=="}
        """
    static let accountsPage1Token = "eyJwYXJhbWV0ZXJDaGVja3N1bSI6IC00MTYxMjIxNjQ1MjAzMDM4MzQ0LCAidW5pcXVlQXR0cmlidXRlcyI6ICI0ODEyMDkyOTE3NjMifQ=="

    /// The last page, shaped as AWS sends it after `Status` was deprecated: only `State`, and no NextToken.
    static let accountsPage2 = """
        {"Accounts": [{"Id": "481209291763", "Arn": "arn:aws:organizations::123456789012:account/o-d7viz99x9o/481209291763", \
        "Email": "a2@example.com", "Name": "team-2", "State": "SUSPENDED", "JoinedMethod": "INVITED", "JoinedTimestamp": 1796476050.084308}]}
        """

    static let organizationalUnits = """
        {"OrganizationalUnits": [{"Id": "ou-rck3-ktln93n2", "Arn": "arn:aws:organizations::123456789012:ou/o-d7viz99x9o/ou-rck3-ktln93n2", \
        "Name": "dev"}], "NextToken": null}
        """

    static let describeOrganizationalUnit = """
        {"OrganizationalUnit": {"Id": "ou-rck3-ktln93n2", "Arn": "arn:aws:organizations::123456789012:ou/o-d7viz99x9o/ou-rck3-ktln93n2", "Name": "dev"}}
        """

    static let ouNotFound = """
        {"__type": "OrganizationalUnitNotFoundException", "Message": "You specified an organizational unit that doesn't exist."}
        """

    static let describeAccount = """
        {"Account": {"Id": "940144603568", "Arn": "arn:aws:organizations::123456789012:account/o-d7viz99x9o/940144603568", \
        "Email": "a0@example.com", "Name": "team-0", "Status": "ACTIVE", "State": "ACTIVE", "JoinedMethod": "CREATED", \
        "JoinedTimestamp": 1796476049.616119}}
        """

    static let accountNotFound = #"{"__type": "AccountNotFoundException", "Message": "You specified an account that doesn't exist."}"#

    /// As the API reference documents it (moto does not know the StackSets service principal).
    static func delegatedAdministrators(_ ids: [String], nextToken: String?) -> String {
        let members = ids.map { id in
            """
            {"Id": "\(id)", "Arn": "arn:aws:organizations::123456789012:account/o-d7viz99x9o/\(id)", "Email": "admin@example.com", \
            "Name": "platform", "Status": "ACTIVE", "State": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": 1796476049.6, \
            "DelegationEnabledDate": 1796476100.0}
            """
        }.joined(separator: ", ")
        let token = nextToken.map { #", "NextToken": "\#($0)""# } ?? ""
        return #"{"DelegatedAdministrators": [\#(members)]\#(token)}"#
    }
}
