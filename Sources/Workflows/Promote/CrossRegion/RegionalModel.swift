import AWSServices
import AWSWire
import Assets
import CFNTemplate
import Foundation

/// How a model package registered in one region is served by an endpoint in another. SageMaker builds a model from a
/// package only in the package's region, and pulls the image and the model data only from the endpoint's region
/// (CreateModel: "The model artifacts in an Amazon S3 bucket and the Docker image for inference container in Amazon
/// EC2 Container Registry must be in the same region as the model or endpoint you are creating"). So the model is built
/// from the package's containers instead, each with
/// - its model data copied into the target account's CDK staging bucket in the target region, under a key derived
///   from the source object's identity (same source, same key: a re-run copies nothing);
/// - SageMaker's own images rewritten to the target region's registry account; any other ECR image must already
///   exist in the target region (ECR has no copy API, and changing someone's registry replication is not ours to
///   do): missing, the promotion stops before any change, naming the fix.
struct RegionalModel: Sendable {
    /// One copy of model data; `alreadyPresent` when an earlier run made it.
    struct Copy: Sendable, Equatable {
        let source: S3ObjectLocation
        let size: Int
        let destination: S3ObjectLocation
        let alreadyPresent: Bool
    }

    let containers: [EndpointContainer]
    let copies: [Copy]
    /// What happened to each image, one line each (source → target and why).
    let images: [String]

    /// Everything the target stage needs, read only: the package's containers, each source object, each image in the
    /// target region, and whether each copy exists already.
    /// - Parameters:
    ///   - source: the target stage's credentials in the package's region: the copy reads the source with them, so
    ///     reading its metadata now proves (before any change) that the target account may read it.
    ///   - target: the target stage's own session in the target region (its account checked).
    ///   - stagingBucket: the target account's CDK staging bucket in the target region.
    ///   - registries: a session to read the ECR registry of an account in a region, nil when none may be used.
    static func plan(
        package: ModelPackage, project: String, source: AWSSession, target: AWSSession, targetAccount: String, stagingBucket: String,
        registries: (_ account: String, _ region: String) -> AWSSession?
    ) async throws -> RegionalModel {
        let containers = package.inferenceSpecification?.containers ?? []
        guard !containers.isEmpty else {
            throw PromoteError("model package \(package.arn) has no inference containers; SageMaker cannot serve it in \(target.region)")
        }
        var problems: [String] = []
        var regional: [EndpointContainer] = []
        var copies: [Copy] = []
        var images: [String] = []
        for container in containers {
            let image: String
            switch try await regionalImage(container, region: target.region, targetAccount: targetAccount, registries: registries) {
            case .success(let (uri, note)):
                image = uri
                images.append(note)
            case .failure(let problem):
                problems.append(problem.description)
                image = container.image
            }
            var dataUrl: String?
            if let url = container.modelDataUrl {
                do {
                    let copy = try await plannedCopy(url, project: project, source: source, target: target, bucket: stagingBucket)
                    copies.append(copy)
                    dataUrl = copy.destination.url
                } catch let problem as PromoteError {
                    problems += problem.problems
                }
            }
            regional.append(EndpointContainer(image: image, modelDataUrl: dataUrl, environment: container.environment ?? [:]))
        }
        guard problems.isEmpty else { throw PromoteError(problems) }
        return RegionalModel(containers: regional, copies: copies, images: images)
    }

    /// `mlopsctl/model-data/<project>/<32 hex of sha256(source, ETag, size)>/<file name>`.
    static func destinationKey(project: String, source: S3ObjectLocation, eTag: String, size: Int) -> String {
        let identity = Asset.hexDigest(Data("\(source.url)|\(eTag)|\(size)".utf8)).prefix(32)
        let file = source.key.split(separator: "/").last.map(String.init) ?? "model.tar.gz"
        return "mlopsctl/model-data/\(project)/\(identity)/\(file)"
    }

    private static func plannedCopy(_ url: String, project: String, source: AWSSession, target: AWSSession, bucket: String) async throws
        -> Copy
    {
        guard let location = S3ObjectLocation(url: url) else {
            throw PromoteError("model data \(url) is not an s3://bucket/key URL; SageMaker cannot load it in \(target.region)")
        }
        let head: S3ObjectMetadata?
        do {
            head = try await source.s3.headObject(bucket: location.bucket, key: location.key)
        } catch let error as AWSServiceError where error.statusCode == 403 {
            throw PromoteError(
                "model data \(url) is not readable with profile '\(source.profileName)' (\(error.code)): its bucket and key must let the "
                    + "\(target.region) stage's account read it (the project's artifact bucket and key policies grant preprod and prod)")
        }
        guard let head, let size = head.contentLength else {
            throw PromoteError("model data \(url) of the package does not exist; nothing can be copied to \(target.region)")
        }
        let destination = S3ObjectLocation(
            bucket: bucket, key: destinationKey(project: project, source: location, eTag: head.eTag ?? "", size: size))
        let present = try await target.s3.headObject(bucket: destination.bucket, key: destination.key)?.contentLength == size
        return Copy(source: location, size: size, destination: destination, alreadyPresent: present)
    }

    /// The image the target region pulls, with a note; or why there is none.
    private static func regionalImage(
        _ container: ModelPackageInferenceSpecification.Container, region: String, targetAccount: String,
        registries: (_ account: String, _ region: String) -> AWSSession?
    ) async throws -> Result<(String, String), PromoteError> {
        guard let uri = ECRImageURI(container.image) else {
            // Not ECR: a private registry SageMaker reaches through the endpoint's VPC, in no region.
            return .success((container.image, "\(container.image): not an ECR image, used as it is"))
        }
        if uri.region == region { return .success((container.image, "\(container.image): already in \(region)")) }
        if SageMakerImageRegistries.isSageMakerImage(uri) {
            guard let moved = SageMakerImageRegistries.image(uri, in: region) else {
                return .failure(PromoteError("image \(uri): SageMaker publishes no \(uri.repository) image in \(region); choose an image available there"))
            }
            return .success((moved.description, "\(uri) → \(moved) (SageMaker's registry in \(region))"))
        }
        let moved = uri.moved(account: uri.account, region: region)
        let fix = "replicate the repository to \(region) (ECR replication in account \(uri.account)) or push the image to \(moved), "
            + "let account \(targetAccount) pull it, then promote again"
        guard let registry = registries(uri.account, region) else {
            return .failure(PromoteError("image \(uri) is in \(uri.region), but SageMaker in \(region) pulls only from \(region): \(fix)"))
        }
        do {
            // The very image the package names: its digest (in the URI or the package), else the tag's digest at the source.
            var digest: String? = if case .digest(let digest) = uri.reference { digest } else { container.imageDigest }
            if digest == nil, case .tag(let tag) = uri.reference, let home = registries(uri.account, uri.region) {
                digest = try await home.ecr.describeImage(repositoryName: uri.repository, imageId: ECRImageIdentifier(tag: tag), registryId: uri.account)?
                    .digest
            }
            let imageId: ECRImageIdentifier = digest.map { ECRImageIdentifier(digest: $0) } ?? {
                if case .tag(let tag) = uri.reference { return ECRImageIdentifier(tag: tag) }
                return ECRImageIdentifier()
            }()
            guard let found = try await registry.ecr.describeImage(repositoryName: uri.repository, imageId: imageId, registryId: uri.account) else {
                let what = digest.map { "image \(uri.repository)@\($0) (\(uri))" } ?? "image \(moved)"
                return .failure(PromoteError("\(what) does not exist in \(region), where the \(region) endpoint must pull it: \(fix)"))
            }
            // Pinned to the digest, so the endpoint serves exactly the image checked here.
            let pinned = (digest ?? found.digest).map { moved.withDigest($0) } ?? moved
            return .success((pinned.description, "\(uri) → \(pinned) (present in \(region))"))
        } catch let error as AWSServiceError {
            return .failure(PromoteError("cannot check image \(moved) in \(region) (\(error.code)): \(fix)"))
        }
    }
}

extension ECRImageURI {
    func withDigest(_ digest: String) -> ECRImageURI {
        ECRImageURI(account: account, region: region, repository: repository, reference: .digest(digest))
    }
}
