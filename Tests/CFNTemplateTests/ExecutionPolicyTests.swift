import Foundation
import Testing
@testable import CFNTemplate

@Suite struct ExecutionPolicyTests {
    static let stages = ["dev", "governance", "preprod", "prod"]

    /// `policies/*.json` on disk, by name without `.json`.
    static func policyFiles() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.policies.path).filter { $0.hasSuffix(".json") }
        var files: [String: String] = [:]
        for name in names {
            files[String(name.dropLast(".json".count))] = try String(contentsOf: TestPaths.policies.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    // MARK: - The bundled documents

    @Test func theBuiltInDocumentsAreExactlyThePolicyFiles() throws {
        let files = try Self.policyFiles()
        #expect(files.count == 4)
        // Built into the executable by the EmbedFiles plugin from policies/*.json at build time: no second copy to go stale.
        #expect(Set(ExecutionPolicyDocuments.all.keys) == Set(files.keys))
        for (name, text) in files {
            #expect(text.hasSuffix("}\n"))
            #expect(ExecutionPolicyDocuments.all[name] == String(text.dropLast()), "\(name) differs from policies/\(name).json")
        }
    }

    @Test(arguments: stages)
    func bundledDocumentIsLeastPrivilege(stage: String) throws {
        let document = try #require(ExecutionPolicyDocuments.document(forStage: stage))
        #expect(PolicyDocumentLinter.problems(in: document, source: "execution-\(stage)").isEmpty)
        // The rules the linter enforces, checked again directly on the parsed document.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        #expect(parsed["Version"] as? String == "2012-10-17")
        let statements = try #require(parsed["Statement"] as? [[String: Any]])
        #expect(statements.count >= 5)
        for statement in statements {
            #expect(statement["Effect"] != nil && statement["Action"] != nil && statement["Resource"] != nil)
            let actions = (statement["Action"] as? [String]) ?? [statement["Action"] as? String].compactMap { $0 }
            #expect(!actions.contains("*") && !actions.contains("iam:*"))
            #expect(!actions.contains { $0.hasSuffix(":*") } || statement["Effect"] as? String == "Deny")
        }
        // PassRole only with a service condition.
        let passRole = statements.filter { ($0["Action"] as? String) == "iam:PassRole" }
        #expect(passRole.count == 1)
        #expect(passRole.allSatisfy { (($0["Condition"] as? [String: Any])?["StringEquals"] as? [String: Any])?["iam:PassedToService"] != nil })
        #expect(!document.contains("AdministratorAccess"))
        #expect(document.unicodeScalars.filter { !$0.properties.isWhitespace }.count <= 6_144)
    }

    @Test func roleCreationIsLimitedToTheProjectPrefix() throws {
        for stage in Self.stages {
            let document = try #require(ExecutionPolicyDocuments.document(forStage: stage))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
            let statements = try #require(parsed["Statement"] as? [[String: Any]])
            let creating = statements.filter { (($0["Action"] as? [String]) ?? []).contains("iam:CreateRole") }
            #expect(creating.count == 1)
            #expect(creating.first?["Resource"] as? String == "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/mlops-*")
        }
    }

    // MARK: - The linter

    static let badDocuments: [(name: String, json: String, location: String)] = [
        ("wrong version", #"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#, "Version"),
        ("no statements", #"{"Version":"2012-10-17","Statement":[]}"#, "Statement"),
        ("missing effect", #"{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Resource":"*"}]}"#, "Statement[0].Effect"),
        ("missing action", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}"#, "Statement[0].Action"),
        ("missing resource", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#, "Statement[0].Resource"),
        ("wildcard action", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, "Statement[0].Action"),
        ("iam:*", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","iam:*"],"Resource":"*"}]}"#,
         "Statement[0].Action"),
        ("malformed action", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}"#,
         "Statement[0].Action"),
        ("NotAction", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Action":"s3:Get*","Resource":"*"}]}"#,
         "Statement[0].NotAction"),
        ("duplicate Sid", #"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:Get*","Resource":"*"},"#
            + #"{"Sid":"A","Effect":"Allow","Action":"s3:List*","Resource":"*"}]}"#, "Statement[1].Sid"),
        ("admin attach", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"*","#
            + #""Condition":{"ArnLike":{"iam:PolicyARN":"arn:aws:iam::aws:policy/AdministratorAccess"}}}]}"#, "document"),
        ("not JSON", #"{"Version":"2012-10-17","#, "document"),
        ("too large", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":""#
            + String(repeating: "x", count: 6_200) + #""}]}"#, "document"),
    ]

    @Test(arguments: badDocuments.indices)
    func linterReportsTheProblem(index: Int) {
        let bad = Self.badDocuments[index]
        let problems = PolicyDocumentLinter.problems(in: bad.json, source: "bad.json")
        #expect(problems.map(\.location) == [bad.location], "\(bad.name): \(problems)")
        #expect(problems.allSatisfy { $0.description.hasPrefix("bad.json: \(bad.location): ") })
    }

    @Test func denyStatementsMayUseServiceWildcards() {
        let json = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"},"#
            + #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        #expect(PolicyDocumentLinter.problems(in: json, source: "t").isEmpty)
    }

    // MARK: - The template

    @Test(arguments: stages)
    func templateHoldsOneManagedPolicyAndOutputsItsArn(stage: String) throws {
        let template = try ExecutionPolicyTemplate.make(stage: stage)
        #expect(template.resources.count == 1)
        let policy = try #require(template.resources["ExecutionPolicy"])
        #expect(policy.type == "AWS::IAM::ManagedPolicy")
        #expect(policy.properties["ManagedPolicyName"] == .sub("mlopsctl-${Qualifier}-cfn-exec-\(stage)"))
        #expect(substitute(policy.properties["ManagedPolicyName"]?.subText ?? "", ["Qualifier": "q1"])
            == ExecutionPolicyTemplate.policyName(qualifier: "q1", stage: stage))
        #expect(template.outputs["PolicyArn"]?.value == .ref("ExecutionPolicy"))
        #expect(template.parameters["Qualifier"]?.allowedPattern == BootstrapTemplate.qualifierPattern)
        // The document is an object; strings with ${…} are Fn::Sub so CloudFormation resolves them.
        let statements = try #require(policy.properties["PolicyDocument"]?["Statement"]?.items)
        #expect(statements.first?["Resource"] == .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/mlops-*"))
        #expect(statements.first?["Effect"] == "Allow")
    }

    @Test func unknownStageNamesTheBundledOnes() {
        #expect(throws: ExecutionPolicyError.unknownStage("staging", known: Self.stages)) {
            try ExecutionPolicyTemplate.make(stage: "staging")
        }
        #expect(String(describing: ExecutionPolicyError.unknownStage("staging", known: Self.stages))
            == "no execution policy for stage staging; the bundled ones are dev, governance, preprod, prod (policies/execution-<stage>.json)")
    }

    @Test(arguments: ["", "Dev", "1dev", "dev_1", String(repeating: "a", count: 21)])
    func rejectsMalformedStageNames(stage: String) {
        #expect(throws: ExecutionPolicyError.invalidStageName(stage)) {
            try ExecutionPolicyTemplate.make(stage: stage, document: ExecutionPolicyDocuments.document(forStage: "dev")!)
        }
    }

    @Test func rejectsADocumentThatFailsTheLinter() {
        let admin = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        #expect {
            try ExecutionPolicyTemplate.make(stage: "sandbox", document: admin, source: "custom.json")
        } throws: { error in
            guard case ExecutionPolicyError.invalidDocument(let problems) = error else { return false }
            return problems.map(\.location) == ["Statement[0].Action"] && !String(describing: error).contains("\n")
        }
    }
}
