import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Testing
import TestSupport

/// The Organizations and stack-set clients against moto: an organization of 23 member accounts in one OU (more than
/// one page of ListAccountsForParent), a service-managed stack set deployed to the OU and its instances deleted.
@Suite struct OrganizationClientsTests {
    @Test func anOrganizationIsReadAndAStackSetDeployedToAnOU() async throws {
        try await withEmulator { emulator in
            let governance = try #require(emulator.account("governance"))
            let session = try AWSSession.make(profile: governance.profile, environment: emulator.awsEnvironment)
            let organizations = session.organizations

            await #expect(throws: OrganizationNotInUseError.self) { try await organizations.describeOrganization() }
            let made = try await makeOrganization(accounts: 23, profile: governance.profile, emulator: emulator)

            let organization = try await organizations.describeOrganization()
            #expect(organization.masterAccountId == governance.accountID)
            #expect(organization.featureSet == .all)
            let roots = try await organizations.listRoots()
            #expect(roots.map(\.id) == [made.root])
            #expect(try await organizations.organizationalUnits(inParent: made.root).collect().map(\.id) == [made.ou])
            let members = try await organizations.accounts(inParent: made.ou).collect()
            #expect(Set(members.map(\.id)) == Set(made.accounts))
            #expect(members.count == made.accounts.count)
            #expect(members.allSatisfy { $0.status == .active })
            #expect(try await organizations.describeOrganizationalUnit(made.ou)?.name == "dev")
            #expect(try await organizations.describeOrganizationalUnit("ou-\(made.root.dropFirst(2))-00000000") == nil)
            #expect(try await organizations.describeAccount(made.accounts[0])?.id == made.accounts[0])
            #expect(try await organizations.describeAccount("999999999999") == nil)

            let cloudFormation = session.cloudFormation
            let name = "mlops-it-\(UUID().uuidString.prefix(8).lowercased())"
            #expect(try await cloudFormation.describeStackSet(name, callAs: .selfAccount) == nil)
            let id = try await cloudFormation.createStackSet(
                CreateStackSetRequest(
                    name: name, description: "integration test", templateBody: Self.template, parameters: ["Marker": "dev"],
                    tags: [StackTag(key: "mlops:stage", value: "dev")], autoDeployment: StackSetAutoDeployment(enabled: true, retainStacksOnAccountRemoval: false),
                    callAs: .selfAccount))
            #expect(id.hasPrefix("\(name):"))
            let described = try #require(try await cloudFormation.describeStackSet(name, callAs: .selfAccount))
            #expect(described.templateBody == Self.template)
            #expect(described.parameters == ["Marker": "dev"])
            #expect(described.permissionModel == .serviceManaged)

            let targets = StackInstancesRequest(
                stackSetName: name, deploymentTargets: StackSetDeploymentTargets(organizationalUnitIds: [made.ou]), regions: ["us-east-1"],
                operationPreferences: StackSetOperationPreferences(maxConcurrentPercentage: 100, concurrencyMode: .softFailureTolerance),
                callAs: .selfAccount)
            let created = try await cloudFormation.createStackInstances(targets)
            let operation = try await cloudFormation.describeStackSetOperation(stackSetName: name, operationId: created, callAs: .selfAccount)
            #expect(operation.action == .create)
            #expect(operation.status == .succeeded)
            let instances = try await cloudFormation.stackInstances(name, callAs: .selfAccount).collect()
            #expect(Set(instances.map(\.account)) == Set(made.accounts))
            #expect(instances.allSatisfy { $0.status == .current && $0.region == "us-east-1" && $0.stackId != nil })
            _ = try await cloudFormation.stackSetOperationResults(stackSetName: name, operationId: created, callAs: .selfAccount).collect()

            let notEmpty = await #expect(throws: AWSServiceError.self) { try await cloudFormation.deleteStackSet(name, callAs: .selfAccount) }
            #expect(notEmpty?.isStackSetNotEmpty == true)
            let deleted = try await cloudFormation.deleteStackInstances(targets, retainStacks: false)
            let deletion = try await cloudFormation.describeStackSetOperation(stackSetName: name, operationId: deleted, callAs: .selfAccount)
            #expect(deletion.action == .delete)
            #expect(deletion.status == .succeeded)
            // moto ignores DeploymentTargets in DeleteStackInstances (emulator notes §2), so the OU's instances stay and
            // the stack set cannot be emptied here (the unit tests cover the rest); deleting one that is not there succeeds.
            try await cloudFormation.deleteStackSet("\(name)-missing", callAs: .selfAccount)
        }
    }

    static let template = """
        {"Parameters": {"Marker": {"Type": "String"}},
         "Resources": {"MarkerParameter": {"Type": "AWS::SSM::Parameter",
           "Properties": {"Name": {"Fn::Sub": "/mlops-it/${AWS::AccountId}/marker"}, "Type": "String", "Value": {"Ref": "Marker"}}}}}
        """
}

/// An organization in the profile's account with one OU `dev` holding `accounts` new member accounts, made with
/// boto3: mlopsctl never creates organizations or accounts, and this is the only thing the test does outside our clients.
private func makeOrganization(accounts: Int, profile: String, emulator: Emulator) async throws -> (root: String, ou: String, accounts: [String]) {
    let script = """
        import json, sys, boto3
        org = boto3.Session(profile_name=sys.argv[1]).client("organizations", region_name="us-east-1")
        org.create_organization(FeatureSet="ALL")
        root = org.list_roots()["Roots"][0]["Id"]
        ou = org.create_organizational_unit(ParentId=root, Name="dev")["OrganizationalUnit"]["Id"]
        ids = []
        for i in range(int(sys.argv[2])):
            account = org.create_account(Email=f"member{i}@example.com", AccountName=f"member-{i}")["CreateAccountStatus"]["AccountId"]
            org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=ou)
            ids.append(account)
        print(json.dumps({"root": root, "ou": ou, "accounts": ids}))
        """
    var environment = ProjectTools.environment().filter { !$0.key.hasPrefix("AWS_") }  // boto3 is in the project's venv
    environment.merge(emulator.environment) { $1 }
    let run = try await CapturedProcess.python(script, [profile, String(accounts)], environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    let data = Data(run.stdout.utf8)
    struct Made: Decodable { var root: String; var ou: String; var accounts: [String] }
    let made = try JSONDecoder().decode(Made.self, from: data)
    return (made.root, made.ou, made.accounts)
}
