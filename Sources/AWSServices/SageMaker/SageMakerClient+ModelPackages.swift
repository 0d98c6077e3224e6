import AWSWire
import Foundation

extension SageMakerClient {
    // MARK: - Groups

    /// CreateModelPackageGroup; returns the group's ARN. An existing name fails with `ValidationException`.
    public func createModelPackageGroup(name: String, description: String? = nil, tags: [SageMakerTag] = []) async throws -> String {
        let input = CreateModelPackageGroupInput(ModelPackageGroupName: name, ModelPackageGroupDescription: description, Tags: tags.nilIfEmpty)
        return try await client.jsonCall("CreateModelPackageGroup", input, as: CreateModelPackageGroupOutput.self).ModelPackageGroupArn
    }

    /// DescribeModelPackageGroup by name or ARN. Returns nil when the group does not exist.
    public func describeModelPackageGroup(name: String) async throws -> ModelPackageGroup? {
        try await nilWhenMissing {
            try await client.jsonCall("DescribeModelPackageGroup", ModelPackageGroupNameInput(ModelPackageGroupName: name), as: ModelPackageGroup.self)
        }
    }

    /// DeleteModelPackageGroup. Returns false when there was no such group. A group that still holds
    /// versions fails with `ConflictException`.
    @discardableResult
    public func deleteModelPackageGroup(name: String) async throws -> Bool {
        try await falseWhenMissing {
            try await client.json(operation: "DeleteModelPackageGroup", input: ModelPackageGroupNameInput(ModelPackageGroupName: name))
        }
    }

    // MARK: - Versions

    /// CreateModelPackage: registers a new version in `request.groupName`; returns its ARN
    /// (`…:model-package/<group>/<version>`). Its `ClientToken` is `request.clientToken`, else a fresh one: the same for
    /// every retry of this call, but registering the same model twice on purpose makes two versions.
    public func createModelPackage(_ request: CreateModelPackageRequest) async throws -> String {
        let input = CreateModelPackageInput(
            ModelPackageGroupName: request.groupName, ModelPackageDescription: request.description, ModelApprovalStatus: request.approvalStatus,
            InferenceSpecification: request.inferenceSpecification, CustomerMetadataProperties: request.customerMetadata.nilIfEmpty,
            Tags: request.tags.nilIfEmpty, ClientToken: request.clientToken ?? IdempotencyToken.unique())
        return try await client.jsonCall("CreateModelPackage", input, as: ModelPackageArnOutput.self).ModelPackageArn
    }

    /// DescribeModelPackage by ARN (or name, for unversioned packages). Returns nil when it does not exist.
    public func describeModelPackage(name: String) async throws -> ModelPackage? {
        try await nilWhenMissing {
            try await client.jsonCall("DescribeModelPackage", DescribeModelPackageInput(ModelPackageName: name), as: ModelPackage.self)
        }
    }

    /// UpdateModelPackage: sets the approval status (and why); returns the package ARN. The `ClientToken` is derived from
    /// the package, the status and the description, so retries and a re-run after a lost response are one call.
    @discardableResult
    public func updateModelPackage(arn: String, approvalStatus: ModelApprovalStatus, approvalDescription: String? = nil) async throws -> String {
        let token = IdempotencyToken.derived(from: ["UpdateModelPackage", arn, approvalStatus.rawValue, approvalDescription ?? ""])
        let input = UpdateModelPackageInput(
            ModelPackageArn: arn, ModelApprovalStatus: approvalStatus, ApprovalDescription: approvalDescription, ClientToken: token)
        return try await client.jsonCall("UpdateModelPackage", input, as: ModelPackageArnOutput.self).ModelPackageArn
    }

    /// One page of ListModelPackages. Pass the previous page's `nextToken` to continue.
    public func listModelPackages(_ query: ModelPackageQuery, nextToken: String? = nil) async throws -> ModelPackagePage {
        let output = try await client.jsonCall(
            "ListModelPackages", ListModelPackagesInput(query, nextToken: nextToken), as: ListModelPackagesOutput.self)
        return ModelPackagePage(summaries: output.ModelPackageSummaryList, nextToken: output.NextToken.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Every page of ListModelPackages, in the query's order. Stops with an error rather than looping
    /// if the service hands back the token it was given.
    public func listAllModelPackages(_ query: ModelPackageQuery) async throws -> [ModelPackageSummary] {
        var summaries: [ModelPackageSummary] = []
        var token: String?
        repeat {
            let page = try await listModelPackages(query, nextToken: token)
            summaries += page.summaries
            if let next = page.nextToken, next == token {
                throw AWSClientError(
                    serviceId: client.service.serviceId, operation: "ListModelPackages",
                    kind: .undecodableResponse(reason: "NextToken repeats the token of the request"))
            }
            token = page.nextToken
        } while token != nil
        return summaries
    }
}
