/// The seed's `config/constants.py` at the reference commit after `cdk-account-setup.sh` filled it in (its sed writes
/// double quotes): accounts 111…, 222…, 333…, 444…, region eu-west-1 on line 13, DEV_ACCOUNT on line 7.
public enum SeedConstantsFixture {
    public static let filledIn = """
        # Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
        CODE_COMMIT_REPO_NAME = "mlops-sm-project-template-rt"
        PIPELINE_BRANCH = "main"

        PIPELINE_ACCOUNT = "111111111111"     # account to host the pipeline handling updates of this repository

        DEV_ACCOUNT = "222222222222"          # account to host the service catalog template and then build sagemaker project

        PREPROD_ACCOUNT = "333333333333"      # account to deploy the sagemaker endpoint

        PROD_ACCOUNT = "444444444444"         # account to deploy the sagemaker endpoint

        DEFAULT_DEPLOYMENT_REGION = "eu-west-1"
        APP_PREFIX = "mlops-cdk"

        """
}
