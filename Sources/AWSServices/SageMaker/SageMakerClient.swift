import AWSWire
import Foundation

/// Amazon SageMaker (JSON 1.1, `SageMaker` target, API 2017-07-24): projects, the model registry
/// (model package groups and versions) and endpoint status.
///
/// SageMaker reports most missing resources as `ValidationException` whose message says so
/// ("… does not exist", "Could not find endpoint …"), and a few as `ResourceNotFound`; the
/// `describe…` calls map both to nil (see `isNotFound`).
public struct SageMakerClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.sageMaker`.
    public init(client: AWSClient) {
        self.client = client
    }

    // MARK: - Projects

    /// CreateProject: provisions the project's Service Catalog product. The project starts in
    /// `Pending`/`CreateInProgress`; poll `describeProject` for the outcome.
    public func createProject(_ request: CreateSageMakerProjectRequest) async throws -> CreatedSageMakerProject {
        let input = CreateProjectInput(
            ProjectName: request.projectName, ProjectDescription: request.projectDescription,
            ServiceCatalogProvisioningDetails: request.provisioning, Tags: request.tags.nilIfEmpty)
        return try await client.jsonCall("CreateProject", input)
    }

    /// DescribeProject. Returns nil when no project has this name.
    public func describeProject(name: String) async throws -> SageMakerProject? {
        try await nilWhenMissing { try await client.jsonCall("DescribeProject", ProjectNameInput(ProjectName: name), as: SageMakerProject.self) }
    }

    /// DeleteProject (terminates the provisioned product). Returns false when there was no such project.
    @discardableResult
    public func deleteProject(name: String) async throws -> Bool {
        try await falseWhenMissing { try await client.json(operation: "DeleteProject", input: ProjectNameInput(ProjectName: name)) }
    }

    // MARK: - Endpoints

    /// DescribeEndpoint. Returns nil when no endpoint has this name.
    public func describeEndpoint(name: String) async throws -> SageMakerEndpoint? {
        try await nilWhenMissing {
            try await client.jsonCall("DescribeEndpoint", DescribeEndpointInput(EndpointName: name), as: SageMakerEndpoint.self)
        }
    }

    // MARK: - Not found

    /// Whether `error` says the named resource does not exist. SageMaker has no dedicated code for most
    /// resources, so a `ValidationException` is read by its message, the way the AWS CLI's users must.
    public static func isNotFound(_ error: AWSServiceError) -> Bool {
        if error.code == "ResourceNotFound" || error.code == "ResourceNotFoundException" { return true }
        guard error.code == "ValidationException", let message = error.message?.lowercased() else { return false }
        return message.contains("does not exist") || message.contains("not found") || message.contains("could not find")
    }

    func nilWhenMissing<T>(_ call: () async throws -> T) async throws -> T? {
        do {
            return try await call()
        } catch let error as AWSServiceError where Self.isNotFound(error) {
            return nil
        }
    }

    func falseWhenMissing(_ call: () async throws -> Void) async throws -> Bool {
        do {
            try await call()
            return true
        } catch let error as AWSServiceError where Self.isNotFound(error) {
            return false
        }
    }
}
