import Foundation

/// KMS, ECR and Service Catalog response bodies in the shapes the API references document (with
/// mlopsctl's names), plus moto 5.2.1's captured forms where they differ.
enum RegistryResponses {
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let keyArn = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    /// DescribeKey of an enabled customer key (API reference example, with a full metadata set).
    static let describeKeyEnabled = """
        {"KeyMetadata":{"AWSAccountId":"111111111111","Arn":"\(keyArn)","CreationDate":1.499288695918E9,
          "CustomerMasterKeySpec":"SYMMETRIC_DEFAULT","Description":"mlops artifact encryption","Enabled":true,
          "EncryptionAlgorithms":["SYMMETRIC_DEFAULT"],"KeyId":"\(keyId)","KeyManager":"CUSTOMER","KeySpec":"SYMMETRIC_DEFAULT",
          "KeyState":"Enabled","KeyUsage":"ENCRYPT_DECRYPT","MultiRegion":false,"Origin":"AWS_KMS"}}
        """

    /// moto's DescribeKey of a key scheduled for deletion (`KeyUsage` and `MultiRegion` null, microsecond dates).
    static let describeKeyPendingDeletionMoto = """
        {"KeyMetadata": {"AWSAccountId": "123456789012", "Arn": "arn:aws:kms:eu-west-1:123456789012:key/22c38b02-a2ef-46c9-9952-767d32b912df", "CreationDate": 1795921011.019837, "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "KeySpec": "SYMMETRIC_DEFAULT", "Description": "", "Enabled": false, "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "KeyId": "22c38b02-a2ef-46c9-9952-767d32b912df", "KeyManager": "CUSTOMER", "KeyUsage": null, "KeyState": "PendingDeletion", "DeletionDate": 1796525811.064649, "MultiRegion": null, "Origin": "AWS_KMS", "SigningAlgorithms": []}}
        """

    static let scheduleKeyDeletion = #"{"DeletionDate":1796525811.0,"KeyId":"\#(keyArn)","KeyState":"PendingDeletion","PendingWindowInDays":7}"#

    // MARK: - ECR

    static let digestA = "sha256:764f63476bdff6d83a09ba2a818f0d35757063724a9ac3ba5019c56f74ebf42a"
    static let digestB = "sha256:a6a4ef0d7e8a0e0e8b9d1ce3e2e1e9e6f0c7b5a3d2f1e0c9b8a7d6e5f4c3b2a1"

    static func listImages(_ ids: [(digest: String?, tag: String?)], nextToken: String? = nil) -> String {
        let items = ids.map { id in
            var members: [String] = []
            if let digest = id.digest { members.append(#""imageDigest":"\#(digest)""#) }
            if let tag = id.tag { members.append(#""imageTag":"\#(tag)""#) }
            return "{" + members.joined(separator: ",") + "}"
        }
        let token = nextToken.map { #","nextToken":"\#($0)""# } ?? ""
        return #"{"imageIds":[\#(items.joined(separator: ","))]\#(token)}"#
    }

    /// BatchDeleteImage with one image deleted and one already gone (API reference shapes).
    static let batchDeleteImagePartial = """
        {"failures":[{"failureCode":"ImageNotFound","failureReason":"Requested image not found","imageId":{"imageTag":"v0"}},
          {"failureCode":"ImageReferencedByManifestList","failureReason":"Requested image is referenced by an image index","imageId":{"imageDigest":"\(digestB)"}}],
         "imageIds":[{"imageDigest":"\(digestA)","imageTag":"v1"}]}
        """

    static let repository = """
        {"createdAt":1795912568.0,"encryptionConfiguration":{"encryptionType":"AES256"},"imageScanningConfiguration":{"scanOnPush":true},
         "imageTagMutability":"IMMUTABLE","registryId":"111111111111","repositoryArn":"arn:aws:ecr:eu-west-1:111111111111:repository/mlops/churn",
         "repositoryName":"mlops/churn","repositoryUri":"111111111111.dkr.ecr.eu-west-1.amazonaws.com/mlops/churn"}
        """

    static let describeRepositories = #"{"repositories":[\#(repository)]}"#
    static let deleteRepository = #"{"repository":\#(repository)}"#

    static func ecrNotFound(_ name: String) -> String {
        #"{"__type":"RepositoryNotFoundException","message":"The repository with name '\#(name)' does not exist in the registry with id '111111111111'"}"#
    }

    // MARK: - Service Catalog

    static let productId = "prod-7bbq3ggcnvp2m"

    static let describeProductAsAdmin = """
        {"Budgets":[],"ProductViewDetail":{"CreatedTime":1795912568.0,"ProductARN":"arn:aws:catalog:eu-west-1:111111111111:product/\(productId)",
           "ProductViewSummary":{"Distributor":"","HasDefaultPath":false,"Id":"prodview-r3cr4p3hxqh6e","Name":"mlops-model-build-deploy",
             "Owner":"platform-team","ProductId":"\(productId)","ShortDescription":"Model build and deploy","SupportDescription":"",
             "SupportEmail":"","SupportUrl":"","Type":"CLOUD_FORMATION_TEMPLATE"},"Status":"AVAILABLE"},
         "ProvisioningArtifactSummaries":[
           {"CreatedTime":1795912568.0,"Description":"first release","Id":"pa-2yb7uyqrhtb5s","Name":"v1",
            "ProvisioningArtifactMetadata":{"ProvisioningArtifactType":"CLOUD_FORMATION_TEMPLATE"}},
           {"CreatedTime":1795999999.5,"Description":"bucket policy fix","Id":"pa-6eomkjbvh5jcu","Name":"v2"}],
         "TagOptions":[],"Tags":[{"Key":"mlops:stage","Value":"governance"}]}
        """

    static let listProvisioningArtifacts = """
        {"ProvisioningArtifactDetails":[
          {"Active":false,"CreatedTime":1795912568.0,"Description":"first release","Guidance":"DEPRECATED","Id":"pa-2yb7uyqrhtb5s","Name":"v1","Type":"CLOUD_FORMATION_TEMPLATE"},
          {"Active":true,"CreatedTime":1795999999.5,"Description":"bucket policy fix","Guidance":"DEFAULT","Id":"pa-6eomkjbvh5jcu","Name":"v2","Type":"CLOUD_FORMATION_TEMPLATE"}]}
        """

    static func serviceCatalogNotFound() -> String {
        #"{"__type":"ResourceNotFoundException","Message":"Product prod-missing not found."}"#
    }
}
