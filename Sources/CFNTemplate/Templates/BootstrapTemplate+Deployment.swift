// The deploy role (what deployers assume), the CloudFormation execution role (what CloudFormation acts as)
// and the optional example permissions boundary.
extension BootstrapTemplate {
    static var deploymentResources: [String: Resource] {
        [
            "DeploymentActionRole": deploymentActionRole,
            "CloudFormationExecutionRole": cloudFormationExecutionRole,
            "CdkBoostrapPermissionsBoundaryPolicy": permissionsBoundaryPolicy,  // sic: the upstream logical id
        ]
    }

    /// Holds no resource permissions itself: CloudFormation reads (managed policy), change sets and stacks,
    /// and `iam:PassRole` on the execution role only.
    private static var deploymentActionRole: Resource {
        let statements: [CFNValue] = [
            [
                "Sid": "DeployPermissions",
                "Effect": "Allow",
                "Action": [
                    "cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet", "cloudformation:ExecuteChangeSet",
                    "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:RollbackStack",
                    "cloudformation:ContinueUpdateRollback",
                ],
                "Resource": "*",
            ],
            // Pipelines read and write artifact buckets in *other* accounts; same-account buckets grant access themselves.
            [
                "Sid": "PipelineCrossAccountArtifactsBucket",
                "Effect": "Allow",
                "Action": ["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:Abort*", "s3:DeleteObject*", "s3:PutObject*"],
                "Resource": "*",
                "Condition": ["StringNotEquals": ["s3:ResourceAccount": .accountId]],
            ],
            [
                "Sid": "PipelineCrossAccountArtifactsKey",
                "Effect": "Allow",
                "Action": keyUseActions,
                "Resource": "*",
                "Condition": ["StringEquals": ["kms:ViaService": .sub("s3.${AWS::Region}.amazonaws.com")]],
            ],
            ["Action": "iam:PassRole", "Resource": .getAtt("CloudFormationExecutionRole", "Arn"), "Effect": "Allow"],
            [
                "Sid": "CliPermissions",
                "Action": ["cloudformation:DeleteStack", "cloudformation:UpdateTerminationProtection", "sts:GetCallerIdentity"],
                "Resource": "*",
                "Effect": "Allow",
            ],
            [
                "Sid": "CliStagingBucket",
                "Effect": "Allow",
                "Action": ["s3:GetObject*", "s3:GetBucket*", "s3:List*"],
                "Resource": [.getAtt("StagingBucket", "Arn"), .sub("${StagingBucket.Arn}/*")],
            ],
            // CreateChangeSet resolves SSM-typed parameters (the apps' BootstrapVersion) with the caller's rights.
            [
                "Sid": "ReadVersion",
                "Effect": "Allow",
                "Action": ["ssm:GetParameter", "ssm:GetParameters"],
                "Resource": [.sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${CdkBootstrapVersion}")],
            ],
            [
                "Sid": "Refactor",
                "Effect": "Allow",
                "Action": ["cloudformation:CreateStackRefactor", "cloudformation:ExecuteStackRefactor"],
                "Resource": "*",
            ],
        ]
        return Resource(type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": trustPolicy([.ownAccount, trustedAccounts]),
            // Since version 32: all CloudFormation reads (events, templates, hooks, validation) via the managed policy.
            "ManagedPolicyArns": [.sub("arn:${AWS::Partition}:iam::aws:policy/AWSCloudFormationReadOnlyAccess")],
            "Policies": [["PolicyName": "default", "PolicyDocument": ["Version": "2012-10-17", "Statement": .array(statements)]]],
            "RoleName": .sub("cdk-${Qualifier}-deploy-role-${AWS::AccountId}-${AWS::Region}"),
            "Tags": roleTag("deploy"),
        ])
    }

    /// The customer managed policy `CloudFormationExecutionPolicyName` names, in the stack's own account: built here
    /// so that one template and one parameter set serve every account of a stack set.
    private static let ownExecutionPolicyArn: CFNValue = .sub(
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/${\(ParameterName.cloudFormationExecutionPolicyName.rawValue)}")

    /// Trusted only by CloudFormation. Its policies: the given execution policies and the named policy of this account;
    /// none when accounts are trusted without policies (the CDK CLI refuses that case); else AdministratorAccess.
    private static var cloudFormationExecutionRole: Resource {
        Resource(type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Action": "sts:AssumeRole", "Effect": "Allow", "Principal": ["Service": "cloudformation.amazonaws.com"]]],
            ],
            "ManagedPolicyArns": .if(
                "HasCloudFormationExecutionPolicyName",
                .if(
                    "HasCloudFormationExecutionPolicies",
                    .split(",", .join(",", [.join(",", .ref(ParameterName.cloudFormationExecutionPolicies.rawValue)), ownExecutionPolicyArn])),
                    [ownExecutionPolicyArn]),
                .if(
                    "HasCloudFormationExecutionPolicies", .ref(ParameterName.cloudFormationExecutionPolicies.rawValue),
                    .if("HasTrustedAccounts", .noValue, [.sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")]))),
            "RoleName": .sub("cdk-${Qualifier}-cfn-exec-role-${AWS::AccountId}-${AWS::Region}"),
            "PermissionsBoundary": .if(
                "PermissionsBoundarySet", .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/${InputPermissionsBoundary}"), .noValue),
        ])
    }

    /// An example boundary: allow everything except creating principals without it and loosening it.
    private static var permissionsBoundaryPolicy: Resource {
        let boundaryArn: CFNValue = .sub(
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/cdk-${Qualifier}-permissions-boundary-${AWS::AccountId}-${AWS::Region}")
        return Resource(
            type: "AWS::IAM::ManagedPolicy",
            properties: [
                "PolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": [
                        // A boundary without an explicit Allow denies everything.
                        ["Sid": "ExplicitAllowAll", "Action": ["*"], "Effect": "Allow", "Resource": "*"],
                        [
                            "Sid": "DenyAccessIfRequiredPermBoundaryIsNotBeingApplied",
                            "Action": ["iam:CreateUser", "iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary"],
                            "Condition": ["StringNotEquals": ["iam:PermissionsBoundary": boundaryArn]],
                            "Effect": "Deny",
                            "Resource": "*",
                        ],
                        [
                            "Sid": "DenyPermBoundaryIAMPolicyAlteration",
                            "Action": ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"],
                            "Effect": "Deny",
                            "Resource": boundaryArn,
                        ],
                        [
                            "Sid": "DenyRemovalOfPermBoundaryFromAnyUserOrRole",
                            "Action": ["iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary"],
                            "Effect": "Deny",
                            "Resource": "*",
                        ],
                    ],
                ],
                "Description": "Bootstrap Permission Boundary",
                "ManagedPolicyName": .sub("cdk-${Qualifier}-permissions-boundary-${AWS::AccountId}-${AWS::Region}"),
                "Path": "/",
            ],
            condition: "ShouldCreatePermissionsBoundary")
    }
}
