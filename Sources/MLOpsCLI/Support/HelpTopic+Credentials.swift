extension HelpTopic {
    /// `mlopsctl help credentials`; true to `SharedConfigFiles`, `StageSessions` (a stage's profile is passed as an
    /// explicit profile, its region as an explicit region), `ProfileChainResolver`, `EndpointResolver` and
    /// `RetrySettings`.
    static let credentialsPage = """
        TOPIC: credentials, profiles, regions and endpoints

          mlopsctl reads the same files and variables as the AWS CLI and SDKs, and
          needs neither installed. Each stage is reached with the profile the topology
          names for it, in the stage's region (see `mlopsctl help topology`).
          `mlopsctl doctor` shows, per stage, the profile, the account it reaches, the
          region and the endpoint.

        THE FILES:
          ~/.aws/config        [profile NAME] and [default] sections, [sso-session
                               NAME] and [services NAME]; or the file AWS_CONFIG_FILE
                               names
          ~/.aws/credentials   keys per profile ([NAME]); or the file
                               AWS_SHARED_CREDENTIALS_FILE names
          A missing file counts as empty; a file that cannot be read, or a line that
          does not parse, stops the run naming the file and line.

        WHICH PROFILE:
          A stage uses its topology profile, like `aws --profile NAME`: AWS_PROFILE
          and AWS_ACCESS_KEY_ID do not change it (a warning says AWS_PROFILE is
          ignored). Only a stage written without a profile (and no organization:
          section) takes AWS_PROFILE, else AWS_DEFAULT_PROFILE, with a note. To use keys
          from the environment, give the profile credential_source = Environment.
          An unknown profile is named with the closest existing names. In a topology
          with an organization: section, a stage written without a profile is reached
          by assuming the organization's accessRole (OrganizationAccountAccessRole by
          default) in the stage's account with the organization profile's credentials.

        WHICH REGION:
          The stage's region: key, else the topology's top-level region, else (with a
          note) AWS_REGION or AWS_DEFAULT_REGION. Where the topology sets a region, the
          variables and the profile's region do not move a stage (a warning says so).
          `mlopsctl init` offers AWS_REGION (else AWS_DEFAULT_REGION) as the default
          when it asks for the region.

        HOW A PROFILE GETS CREDENTIALS:
          aws_access_key_id + aws_secret_access_key (+ aws_session_token)
          role_arn with source_profile (a chain of roles) or credential_source =
              Environment; external_id, role_session_name, duration_seconds
              (900-43200) and mfa_serial (asks for the code on a terminal)
          role_arn with web_identity_token_file
          credential_process = COMMAND: runs COMMAND, reads its JSON answer; an
              answer whose Expiration has passed is refused
          sso_session (with its [sso-session NAME]) or the legacy sso_start_url:
              reads the token `aws sso login` caches in ~/.aws/sso/cache, and names
              the login to run when it is missing or expired
          credential_process, SSO and web identity get 60 seconds
          (--credential-timeout SECONDS or MLOPSCTL_CREDENTIAL_TIMEOUT). Temporary
          credentials are kept in memory only, never written. Not supported:
          credential_source = Ec2InstanceMetadata or EcsContainer, and console
          login_session profiles.

        ENDPOINTS (an emulator, VPC endpoints), per service, the first that is set:
          1. AWS_ENDPOINT_URL_<SERVICE>, e.g. AWS_ENDPOINT_URL_STS
          2. AWS_ENDPOINT_URL
          3. <service> endpoint_url in the [services NAME] section the profile's
             services = NAME points at
          4. the profile's endpoint_url
          AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile's
          ignore_configured_endpoint_urls) ignores them all.
          Retries: retry_mode or AWS_RETRY_MODE (standard by default, adaptive,
          legacy), max_attempts or AWS_MAX_ATTEMPTS.

        EXAMPLE (~/.aws/config: dev's profile assumes a role with SSO credentials):
          [profile acme-dev]
          role_arn = arn:aws:iam::222222222222:role/PlatformAdmin
          source_profile = acme-sso
          region = us-east-1

          [profile acme-sso]
          sso_session = acme
          sso_account_id = 111111111111
          sso_role_name = Admin

          [sso-session acme]
          sso_start_url = https://acme.awsapps.com/start
          sso_region = us-east-1

          Then: aws sso login --sso-session acme && mlopsctl doctor

        SEE ALSO: mlopsctl doctor --help, README.md ("AWS configuration")
        """
}
