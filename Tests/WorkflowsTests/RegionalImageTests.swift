import AWSServices
import Testing
import TestSupport
@testable import Workflows

/// Image URIs and SageMaker's per-region registries: which images are SageMaker's own (and where else they are
/// published), parsed from the SageMaker Python SDK's table; everything else is left alone.
@Suite struct RegionalImageTests {
    @Test func anECRImageURIIsReadAndWrittenBack() throws {
        let tagged = try #require(ECRImageURI("246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1"))
        #expect(tagged.account == "246618743249" && tagged.region == "us-west-2" && tagged.repository == "sagemaker-xgboost")
        #expect(tagged.reference == .tag("1.7-1") && tagged.description == "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1")
        let digest = "sha256:" + String(repeating: "0f", count: 32)
        let pinned = try #require(ECRImageURI("222222222222.dkr.ecr.cn-north-1.amazonaws.com.cn/team/scoring@\(digest)"))
        #expect(pinned.repository == "team/scoring" && pinned.reference == .digest(digest) && pinned.domain == "amazonaws.com.cn")
        #expect(ECRImageURI("222222222222.dkr.ecr.eu-west-1.amazonaws.com/scoring")?.reference == .tag("latest"))
        #expect(pinned.moved(account: "333333333333", region: "eu-west-1").description
            == "333333333333.dkr.ecr.eu-west-1.amazonaws.com/team/scoring@\(digest)")
    }

    @Test(arguments: ["docker.io/library/python:3.11", "registry.example.com:5000/team/model:1", "2222.dkr.ecr.us-east-1.amazonaws.com/x:1", ""])
    func otherRegistriesAreNoECRImage(uri: String) {
        #expect(ECRImageURI(uri) == nil)
    }

    @Test(arguments: [
        ("us-west-2", "246618743249"), ("eu-central-1", "492215442770"), ("ap-southeast-2", "783357654285"), ("us-east-1", "683313688378"),
        ("cn-north-1", "450853457545"),
    ])
    func xgboostIsPublishedByTheSeedsAccountInEachRegion(region: String, account: String) {
        // The same table the seed's build app keeps (seed_code/build_app/pipelines/abalone/images.py).
        #expect(SageMakerImageRegistries.account(publishing: "sagemaker-xgboost", in: region) == account)
    }

    @Test func aSageMakerImageMovesToTheTargetRegionsRegistry() throws {
        let image = try #require(ECRImageURI("246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1"))
        #expect(SageMakerImageRegistries.image(image, in: "eu-central-1")?.description == "492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.7-1")
        // Deep learning containers share one account in most regions, not in all.
        let pytorch = try #require(ECRImageURI("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3-cpu-py311"))
        #expect(SageMakerImageRegistries.image(pytorch, in: "eu-west-1")?.account == "763104351884")
        #expect(SageMakerImageRegistries.image(pytorch, in: "af-south-1")?.account == "626614931356")
        // Built-in algorithms.
        let linear = try #require(ECRImageURI("382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1"))
        #expect(SageMakerImageRegistries.image(linear, in: "eu-central-1")?.account == "664544806723")
    }

    @Test func aRepositoryOfTheSameNameInAnotherAccountIsNotSageMakers() throws {
        let mine = try #require(ECRImageURI("222222222222.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1"))
        #expect(!SageMakerImageRegistries.isSageMakerImage(mine))
        #expect(SageMakerImageRegistries.image(mine, in: "eu-central-1") == nil)
        // SageMaker's account of another region is not its account here either.
        let misplaced = try #require(ECRImageURI("492215442770.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1"))
        #expect(!SageMakerImageRegistries.isSageMakerImage(misplaced))
    }

    @Test func theTableHoldsEveryFamilyWithTwelveDigitAccounts() {
        #expect(SageMakerImageRegistries.accounts.count >= 90, "\(SageMakerImageRegistries.accounts.count) repositories")
        for (repository, regions) in SageMakerImageRegistries.accounts {
            #expect(regions.count >= 1, "\(repository)")
            for (region, account) in regions {
                #expect(region.contains("-") && account.count == 12 && account.allSatisfy(\.isNumber), "\(repository) \(region) \(account)")
            }
        }
    }
}

/// What mlopsctl and the seed code agree on: the key of a copy of model data (`seed_code/deploy_app/regional.py` makes
/// the same copies in the project's deploy pipeline), and SageMaker's XGBoost registries (both seed apps keep a table).
@Suite struct SeedCodeAgreementTests {
    @Test func theCopyKeyIsTheDeployAppsKey() throws {
        // The value seed_code/deploy_app/tests/test_regional.py expects for the same source object.
        let source = try #require(S3ObjectLocation(url: "s3://mlops-demo-artifacts/train/model.tar.gz"))
        #expect(RegionalModel.destinationKey(project: "demo", source: source, eTag: "\"9b2cf535f27731c974343645a3985328\"", size: 6_291_456)
            == "mlopsctl/model-data/demo/6cfc2974edd37f47abc050bafaee4c25/model.tar.gz")
    }

    @Test(arguments: ["seed_code/build_app/pipelines/abalone/images.py", "seed_code/deploy_app/registries.py"])
    func theSeedsXGBoostRegistriesMatchTheSDKs(path: String) throws {
        let text = try String(contentsOf: ConformanceData.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let pairs = text.matches(of: try Regex(#""([a-z]{2}(?:-[a-z]+)+-\d)": "(\d{12})""#)).map {
            (String($0.output[1].substring!), String($0.output[2].substring!))
        }
        #expect(pairs.count >= 30, "\(path): \(pairs.count) regions")
        for (region, account) in pairs {
            #expect(SageMakerImageRegistries.account(publishing: "sagemaker-xgboost", in: region) == account, "\(path): \(region)")
            #expect(SageMakerImageRegistries.account(publishing: "sagemaker-scikit-learn", in: region) == account, "\(path): \(region)")
        }
    }
}
