import Foundation
import Testing
@testable import CFNTemplate

/// The project template's permissions: cross-account grants in the key, bucket and model package group policies,
/// bootstrap roles referenced but never modified, least privilege everywhere, and the emulator's constraints.
@Suite struct ProjectPolicyTests {
    typealias Source = ProjectTemplateOptions.Source
    static let options = ProjectFixtures.options(.s3)
    static let roots = ["arn:aws:iam::333333333333:root", "arn:aws:iam::444444444444:root"]
    static var deploymentRoles: [String] {
        ProjectTemplateOptions.Stage.allCases.flatMap {
            [options.bootstrapNames($0).deployRoleARN, options.bootstrapNames($0).cloudFormationExecutionRoleARN]
        }
    }

    static func statement(_ sid: String, in document: CFNValue) throws -> CFNValue {
        try #require(document.statements.first { $0["Sid"] == .string(sid) }, "no statement \(sid)")
    }

    @Test func keyPoliciesGrantTheTargetAccountsAndDeploymentRoles() throws {
        let template = try ProjectFixtures.template(.s3)
        let artifact = try template.keyPolicy("ArtifactKey")
        let decrypt = try Self.statement("TargetAccountsDecryptModelsViaS3", in: artifact)
        #expect(decrypt.awsPrincipals == Self.roots)
        #expect(decrypt.actions == ["kms:Decrypt"])
        #expect(decrypt["Condition"] == ["StringEquals": ["kms:ViaService": "s3.eu-west-1.amazonaws.com"]])
        let pipeline = try template.keyPolicy("PipelineKey")
        let read = try Self.statement("DeploymentRolesReadPipelineArtifacts", in: pipeline)
        #expect(read.awsPrincipals == Self.deploymentRoles)
        #expect(read.awsPrincipals.contains("arn:aws:iam::333333333333:role/cdk-hnb659fds-deploy-role-333333333333-eu-west-1"))
        #expect(read.awsPrincipals.contains("arn:aws:iam::444444444444:role/cdk-hnb659fds-cfn-exec-role-444444444444-eu-west-1"))
        for policy in [artifact, pipeline] {
            // The account keeps control through IAM; no one else administers the key.
            let admin = try Self.statement("AccountAdministersKey", in: policy)
            #expect(admin.awsPrincipals == ["arn:aws:iam::222222222222:root"])
            #expect(policy.statements.allSatisfy { $0["Principal"]?["AWS"] != "*" && $0["Principal"] != "*" })
        }
    }

    @Test func bucketPoliciesGrantReadAcrossAccountsAndDenyPlainHTTP() throws {
        let template = try ProjectFixtures.template(.s3)
        let artifact = try #require(template.resources["ArtifactBucketPolicy"]?.properties["PolicyDocument"])
        let models = try Self.statement("TargetAccountsReadModels", in: artifact)
        #expect(models.awsPrincipals == Self.roots)
        #expect(models.actions.allSatisfy { $0.hasPrefix("s3:Get") || $0 == "s3:ListBucket" })
        let pipeline = try #require(template.resources["PipelineBucketPolicy"]?.properties["PolicyDocument"])
        #expect(try Self.statement("DeploymentRolesReadPipelineArtifacts", in: pipeline).awsPrincipals == Self.deploymentRoles)
        for (id, _) in template.resources(ofType: "AWS::S3::BucketPolicy") {
            let document = try #require(template.resources[id]?.properties["PolicyDocument"])
            let deny = try Self.statement("DenyInsecureTransport", in: document)
            #expect(deny["Effect"] == "Deny" && deny["Condition"] == ["Bool": ["aws:SecureTransport": "false"]], "\(id)")
        }
        #expect(template.resources(ofType: "AWS::S3::BucketPolicy").count == 3)
        for (id, bucket) in template.resources(ofType: "AWS::S3::Bucket") {
            #expect(bucket.deletionPolicy == .delete && bucket.updateReplacePolicy == .delete, "\(id): teardown empties and deletes")
            let sse = bucket.properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?.items?.first?["ServerSideEncryptionByDefault"]
            #expect(sse?["SSEAlgorithm"] == "aws:kms" && sse?["KMSMasterKeyID"]?.caseName == "getAtt", "\(id)")
        }
        let artifactKey = template.resources["ArtifactBucket"]?.properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?
            .items?.first?["ServerSideEncryptionByDefault"]?["KMSMasterKeyID"]
        #expect(artifactKey == .getAtt("ArtifactKey", "Arn"))
    }

    @Test func modelPackageGroupLetsTargetAccountsCreateModels() throws {
        let template = try ProjectFixtures.template(.s3)
        let policy = try #require(template.resources["ModelPackageGroup"]?.properties["ModelPackageGroupPolicy"])
        let packages = try Self.statement("TargetAccountsUsePackages", in: policy)
        #expect(packages.awsPrincipals == Self.roots)
        #expect(Set(packages.actions) == ["sagemaker:CreateModel", "sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"])
        #expect(packages["Resource"]?.items?.first?.subText?.hasSuffix(":model-package/${SageMakerProjectName}-${SageMakerProjectId}/*") == true)
        #expect(try Self.statement("TargetAccountsDescribeGroup", in: policy).awsPrincipals == Self.roots)
        #expect(!policy.statements.flatMap(\.actions).contains("sagemaker:UpdateModelPackage"), "approval stays in dev")
    }

    /// KMS rejects a policy naming one principal twice: stages sharing an account appear once.
    @Test func sharedAccountsAppearOnce() throws {
        var options = Self.options
        options.prod = options.preprod
        let template = try ProjectTemplate.make(options)
        #expect(try Self.statement("TargetAccountsDecryptModelsViaS3", in: template.keyPolicy("ArtifactKey")).awsPrincipals
                    == ["arn:aws:iam::333333333333:root"])
        #expect(try Self.statement("DeploymentRolesReadPipelineArtifacts", in: template.keyPolicy("PipelineKey")).awsPrincipals.count == 4)
        let assume = try Self.statement("AssumeDeployRoles", in: #require(
            template.resources["DeployPipelineRole"]?.properties["Policies"]?.items?.first?["PolicyDocument"]))
        #expect(assume["Resource"]?.items?.count == 2)
    }

    /// The seed attached an inline policy to the dev CDK deploy role; here bootstrap roles are only named.
    @Test(arguments: Source.allCases)
    func bootstrapRolesAreNeverModified(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        let policyTypes: Set<String> = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy"]
        #expect(template.resources.values.allSatisfy { !policyTypes.contains($0.type) })
        for (id, role) in template.resources(ofType: "AWS::IAM::Role") {
            let name = try #require(role.properties["RoleName"]?.subText)
            #expect(name.hasPrefix("mlops-${SageMakerProjectId}-") && role.properties["Path"] == "/", "\(id): \(name)")
        }
        // Where a bootstrap role may be named: principals, the deploy actions, and the pipeline role's AssumeRole.
        let allowed: Set<String> = ["PipelineKey", "PipelineBucketPolicy", "DeployPipeline", "DeployPipelineRole"]
        for (id, resource) in template.resources {
            let strings = resource.allProperties.allStrings
            if strings.contains(where: { $0.contains(":role/cdk-") }) {
                #expect(allowed.contains(id), "\(id) names a CDK bootstrap role")
            }
        }
        let document = try #require(template.resources["DeployPipelineRole"]?.properties["Policies"]?.items?.first?["PolicyDocument"])
        let assume = try Self.statement("AssumeDeployRoles", in: document)
        #expect(assume.actions == ["sts:AssumeRole"])
        #expect(assume["Resource"]?.items?.compactMap(\.text) == ProjectTemplateOptions.Stage.allCases.map { Self.options.bootstrapNames($0).deployRoleARN })
    }

    /// No `*` or `service:*` action is allowed anywhere; `Resource: "*"` only where the action has no resource-level
    /// permissions (identity policies) or means "this key" (key policies); every PassRole names its service.
    @Test(arguments: Source.allCases)
    func everyPolicyIsLeastPrivilege(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        let documents = try template.policyDocuments()
        #expect(documents.count == (source == .s3 ? 7 + 3 + 2 + 1 : 7 + 2 + 2 + 1))
        let unscopable: Set<String> = ["ecr:GetAuthorizationToken", "cloudwatch:PutMetricData"]
        for (location, document, isResourcePolicy) in documents {
            #expect(document["Version"] == "2012-10-17", "\(location)")
            let sids = document.statements.compactMap { $0["Sid"]?.text }
            #expect(sids.count == document.statements.count && Set(sids).count == sids.count, "\(location): one unique Sid per statement")
            #expect(sids.allSatisfy { TemplateValidator.isValidLogicalID($0) }, "\(location): Sids are alphanumeric")
            for statement in document.statements {
                let sid = statement["Sid"]?.text ?? "?"
                let place = "\(location) \(sid)"
                #expect(!statement.actions.isEmpty, "\(place)")
                if statement["Effect"] == "Deny" {
                    #expect(sid == "DenyInsecureTransport", "\(place)")
                    continue
                }
                for action in statement.actions {
                    #expect(action != "*" && !action.hasSuffix(":*"), "\(place): \(action)")
                }
                #expect(statement["Principal"] != "*" && statement["Principal"]?["AWS"] != "*", "\(place)")
                #expect(isResourcePolicy == (statement["Principal"] != nil), "\(place)")
                let resources = statement["Resource"]?.items ?? [statement["Resource"]].compactMap { $0 }
                if !isResourcePolicy, resources.contains("*") {
                    #expect(statement.actions.allSatisfy(unscopable.contains), "\(place): scope \(statement.actions)")
                }
                if statement.actions.contains("cloudwatch:PutMetricData") { #expect(statement["Condition"] != nil, "\(place)") }
                if statement.actions.contains("iam:PassRole") {
                    #expect(statement["Condition"]?["StringEquals"]?["iam:PassedToService"] == "sagemaker.amazonaws.com", "\(place)")
                }
                if location.hasPrefix("ArtifactKey") || location.hasPrefix("PipelineKey") {
                    #expect(resources == ["*"], "\(place): a key policy's resource is the key itself")
                }
            }
        }
    }

    /// What the dev execution policy (policies/execution-dev.json) lets CloudFormation create.
    @Test func namesFollowTheDevExecutionPolicy() throws {
        let names = ProjectNames.template
        let policy = try #require(ExecutionPolicyDocuments.document(forStage: "dev"))
        for prefix in ["role/mlops-*", "alias/mlops-*", "s3:::mlops-*", "s3:::pipeline-*", "parameter/mlops/*"] {
            #expect(policy.contains(prefix), "execution-dev.json no longer allows \(prefix)")
        }
        let roles = [names.sageMakerExecutionRole, names.buildCodeBuildRole, names.deployCodeBuildRole, names.scanCodeBuildRole,
                     names.buildPipelineRole, names.deployPipelineRole, names.eventsRole]
        #expect(roles.allSatisfy { $0.hasPrefix("mlops-") })
        #expect([names.artifactBucket, names.sourceBucket].allSatisfy { $0.hasPrefix("mlops-") } && names.pipelineBucket.hasPrefix("pipeline-"))
        #expect([names.artifactKeyAlias, names.pipelineKeyAlias].allSatisfy { $0.hasPrefix("alias/mlops-") })
        #expect(names.allNames.filter { $0.rule == .ssmParameter }.allSatisfy { $0.value.hasPrefix("/mlops/projects/") })
    }

    /// moto 5.2.1: KMS key policies as JSON strings, named SSM parameters, and no Ref/GetAtt (nor `${…}`) of a
    /// resource type it skips, since those resolve to nothing there.
    @Test(arguments: Source.allCases)
    func emulatorConstraintsHold(source: Source) throws {
        let template = try ProjectFixtures.template(source)
        let skipped: Set<String> = [
            "AWS::CodeBuild::Project", "AWS::CodePipeline::Pipeline", "AWS::CodeCommit::Repository", "AWS::SageMaker::ModelPackageGroup",
            "AWS::S3::BucketPolicy",
        ]
        let skippedIDs = Set(template.resources.filter { skipped.contains($0.value.type) }.keys)
        #expect(!skippedIDs.isEmpty)
        var references: [String] = []
        for resource in template.resources.values {
            resource.allProperties.walk { value in
                switch value {
                case .ref(let id), .getAtt(let id, _): references.append(id)
                case .sub(let text, _): references += ReferenceChecker.subVariables(in: text).map { String($0.split(separator: ".")[0]) }
                default: break
                }
            }
        }
        for output in template.outputs.values { output.value.walk { if case .ref(let id) = $0 { references.append(id) } } }
        #expect(skippedIDs.isDisjoint(with: references), "\(skippedIDs.intersection(references))")
        for (id, key) in template.resources(ofType: "AWS::KMS::Key") {
            #expect(key.properties["KeyPolicy"]?.subText != nil, "\(id)")
        }
        for (id, parameter) in template.resources(ofType: "AWS::SSM::Parameter") {
            #expect(parameter.properties["Name"] != nil, "\(id)")
        }
    }
}
