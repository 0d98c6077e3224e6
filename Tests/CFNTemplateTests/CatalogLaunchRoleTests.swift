import Foundation
import Testing
@testable import CFNTemplate

/// The launch role is least privilege: no wildcard action, no AWS managed policy, names limited to the
/// platform's prefixes, PassRole only to the project services, and CodeBuild (which the seed forgot) present.
@Suite struct CatalogLaunchRoleTests {
    static let values = ["AWS::Partition": "aws", "AWS::Region": "eu-west-1", "AWS::AccountId": "222222222222"]
    let role: Resource

    init() throws {
        role = try #require(try CatalogTemplate.make(CatalogFixtures.options()).resources["LaunchRole"])
    }

    /// Each inline policy document, as CloudFormation would send it to IAM.
    func documents() throws -> [String: CFNValue] {
        var result: [String: CFNValue] = [:]
        for policy in try #require(role.properties["Policies"]?.items) {
            let name = try #require(policy["PolicyName"]?.text)
            result[name] = try #require(policy["PolicyDocument"]).resolvingSubs(Self.values)
        }
        return result
    }

    func statements() throws -> [CFNValue] {
        try documents().values.flatMap { try #require($0["Statement"]?.items) }
    }

    static func strings(_ value: CFNValue?) -> [String] {
        if let text = value?.text { return [text] }
        return value?.items?.compactMap(\.text) ?? []
    }

    @Test func isTrustedByServiceCatalogOnlyAndNamedForTheQualifier() throws {
        #expect(role.properties["RoleName"] == "mlops-hnb659fds-catalog-launch")
        #expect(role.properties["Path"] == "/")
        let trust = try #require(role.properties["AssumeRolePolicyDocument"]?["Statement"]?.items)
        #expect(trust.count == 1)
        #expect(trust[0]["Principal"] == ["Service": "servicecatalog.amazonaws.com"])
        #expect(trust[0]["Action"] == "sts:AssumeRole")
        var other = CatalogFixtures.options()
        other.qualifier = "team2"
        #expect(try CatalogTemplate.make(other).resources["LaunchRole"]?.properties["RoleName"] == "mlops-team2-catalog-launch")
    }

    @Test func attachesNoManagedPolicyAndNoFullAccess() throws {
        #expect(role.properties["ManagedPolicyArns"] == nil)
        #expect(role.properties["PermissionsBoundary"] == nil)
        let rendered = TemplateRenderer().render(try CatalogTemplate.make(CatalogFixtures.options()))
        #expect(!rendered.contains("FullAccess"))
        #expect(!rendered.contains("AdministratorAccess"))
        #expect(!rendered.contains("PowerUser"))
    }

    @Test func grantsNoWildcardAction() throws {
        let statements = try statements()
        #expect(statements.count >= 15)
        for statement in statements {
            #expect(statement["Effect"] == "Allow")
            #expect(statement["NotAction"] == nil && statement["NotResource"] == nil)
            for action in Self.strings(statement["Action"]) {
                #expect(action != "*" && !action.hasSuffix(":*"), "\(action)")
                #expect(action.split(separator: ":").count == 2, "\(action)")
            }
        }
    }

    @Test func eachDocumentPassesTheLinterAndTheRoleFitsIAMsInlineLimit() throws {
        var total = 0
        for (name, document) in try documents() {
            let json = CFNValue.jsonText(document)
            #expect(PolicyDocumentLinter.problems(in: json, source: name) == [], "\(name)")
            total += json.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        }
        // IAM: at most 10,240 characters of inline policy per role, whitespace not counted.
        #expect(total <= 10_240, "\(total)")
    }

    @Test func coversEveryServiceOfTheProjectTemplateIncludingCodeBuild() throws {
        let actions = Set(try statements().flatMap { Self.strings($0["Action"]) })
        for needed in [
            "cloudformation:CreateStack", "cloudformation:DeleteStack", "s3:CreateBucket", "s3:PutBucket*", "s3:Put*Configuration",
            "kms:CreateKey", "kms:PutKeyPolicy", "kms:CreateAlias", "kms:ScheduleKeyDeletion", "iam:CreateRole", "iam:PutRolePolicy",
            "iam:CreatePolicy", "iam:PassRole", "sagemaker:CreateModelPackageGroup", "sagemaker:PutModelPackageGroupPolicy",
            "codebuild:CreateProject", "codebuild:DeleteProject", "codepipeline:CreatePipeline", "codecommit:CreateRepository",
            "events:PutRule", "events:PutTargets", "ssm:PutParameter", "ssm:GetParameters", "s3:GetObject", "kms:Decrypt",
        ] {
            #expect(actions.contains(needed), "\(needed) missing")
        }
    }

    @Test func namedResourcesAreLimitedToThePlatformPrefixes() throws {
        for statement in try statements() {
            let actions = Self.strings(statement["Action"])
            let resources = Self.strings(statement["Resource"])
            if actions.contains(where: { $0.hasPrefix("iam:") }) {
                #expect(resources.allSatisfy {
                    $0.hasPrefix("arn:aws:iam::222222222222:role/mlops-") || $0.hasPrefix("arn:aws:iam::222222222222:role/service-role/mlops-")
                        || $0.hasPrefix("arn:aws:iam::222222222222:policy/mlops-")
                }, "\(resources)")
            }
            if actions.contains("s3:CreateBucket") {
                #expect(resources == ["arn:aws:s3:::mlops-*", "arn:aws:s3:::pipeline-*"])
            }
            if actions.contains("ssm:PutParameter") {
                #expect(resources == ["arn:aws:ssm:eu-west-1:222222222222:parameter/mlops/projects/*"])
            }
            if actions.contains("kms:CreateAlias") {
                #expect(resources.allSatisfy { $0.hasSuffix(":key/*") || $0.hasSuffix(":alias/mlops-*") })
            }
            // Only KMS key creation, alias listing, template validation and tagged SC templates are account-wide.
            if resources.contains("*") {
                #expect(Set(actions).isSubset(of: [
                    "kms:CreateKey", "kms:ListAliases", "cloudformation:GetTemplateSummary", "cloudformation:ValidateTemplate", "s3:GetObject",
                ]), "\(actions)")
                if actions == ["s3:GetObject"] {
                    #expect(statement["Condition"]?["StringEquals"]?["s3:ExistingObjectTag/servicecatalog:provisioning"] == "true")
                }
            }
        }
    }

    @Test func readsOnlyTheTwoSeedObjects() throws {
        let seed = try #require(try statements().first { $0["Sid"] == "ReadSeedCode" })
        #expect(Self.strings(seed["Resource"]) == [
            "arn:aws:s3:::\(CatalogFixtures.bucket)/\(CatalogFixtures.buildKey)", "arn:aws:s3:::\(CatalogFixtures.bucket)/\(CatalogFixtures.deployKey)",
        ])
        #expect(Self.strings(seed["Action"]) == ["s3:GetObject"])
    }

    @Test func passRoleGoesOnlyToTheProjectServices() throws {
        let passing = try statements().filter { Self.strings($0["Action"]).contains("iam:PassRole") }
        #expect(passing.count == 1)
        let services = Self.strings(passing.first?["Condition"]?["StringEquals"]?["iam:PassedToService"])
        #expect(Set(services) == ["sagemaker.amazonaws.com", "codebuild.amazonaws.com", "codepipeline.amazonaws.com", "events.amazonaws.com"])
        #expect(Self.strings(passing.first?["Action"]) == ["iam:PassRole"])
    }

    /// CloudFormation in dev runs with the dev execution policy: it must allow this stack's role, its
    /// parameters and passing the role to Service Catalog.
    @Test func theDevExecutionPolicyAllowsWhatTheStackCreates() throws {
        let document = try #require(ExecutionPolicyDocuments.document(forStage: "dev"))
        let policy = try CFNValue(json: document, source: "execution-dev", substitutingVariables: true).resolvingSubs(Self.values)
        let statements = try #require(policy["Statement"]?.items)
        func allows(_ action: String, _ resource: String, passedTo service: String? = nil) -> Bool {
            statements.contains { statement in
                let actions = Self.strings(statement["Action"])
                let resources = Self.strings(statement["Resource"])
                let services = Self.strings(statement["Condition"]?["StringEquals"]?["iam:PassedToService"])
                return actions.contains { wildcard($0, action) } && resources.contains { wildcard($0, resource) }
                    && (service == nil || services.contains(service!))
            }
        }
        let roleArn = "arn:aws:iam::222222222222:role/mlops-hnb659fds-catalog-launch"
        #expect(allows("iam:CreateRole", roleArn))
        #expect(allows("iam:PutRolePolicy", roleArn))
        #expect(allows("iam:DeleteRolePolicy", roleArn))
        #expect(allows("iam:PassRole", roleArn, passedTo: "servicecatalog.amazonaws.com"))
        let template = try CatalogTemplate.make(CatalogFixtures.options())
        for resource in template.resources.values where resource.type == "AWS::SSM::Parameter" {
            let name = try #require(resource.properties["Name"]?.text)
            #expect(allows("ssm:PutParameter", "arn:aws:ssm:eu-west-1:222222222222:parameter\(name)"), "\(name)")
        }
        for action in ["servicecatalog:CreatePortfolio", "servicecatalog:AssociatePrincipalWithPortfolio",
                       "servicecatalog:AssociateProductWithPortfolio", "servicecatalog:CreateProduct", "servicecatalog:CreateConstraint",
                       "servicecatalog:CreateProvisioningArtifact"] {
            #expect(allows(action, "*"), "\(action)")
        }
        // The product template is read from the bootstrap staging bucket.
        #expect(allows("s3:GetObject", "arn:aws:s3:::\(CatalogFixtures.bucket)/aaaa.json"))
        #expect(!allows("iam:CreateRole", "arn:aws:iam::222222222222:role/other"))
    }

    /// IAM-style matching: `*` any run of characters, `?` one.
    func wildcard(_ pattern: String, _ text: String) -> Bool {
        text.range(of: "^" + NSRegularExpression.escapedPattern(for: pattern)
            .replacingOccurrences(of: "\\*", with: ".*").replacingOccurrences(of: "\\?", with: ".") + "$", options: .regularExpression) != nil
    }
}
