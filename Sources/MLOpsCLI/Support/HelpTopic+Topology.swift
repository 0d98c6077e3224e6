extension HelpTopic {
    /// `mlopsctl help topology`; true to `TopologyLocation`, `TopologyKeys` and the topology reader.
    static let topologyPage = """
        TOPIC: the topology file

          The topology file (YAML) names the four stages of the platform (governance,
          dev, preprod, prod) and, for each, the AWS account it lives in, the AWS
          profile that reaches that account and its region. The verbs that call AWS
          read it; `init` writes it. It holds no secrets: credentials stay in ~/.aws
          (see `mlopsctl help credentials`).

        WHERE MLOPSCTL LOOKS FOR IT (the first that is set):
          1. --topology PATH
          2. $MLOPSCTL_TOPOLOGY
          3. ./mlopsctl.yaml in the current folder
          `mlopsctl init` writes to the same place (or to --out PATH), so the next
          command finds the file without --topology.

        WHAT IT HOLDS:
          version: 1                  # the file format; a newer one is refused
          region: us-east-1           # default region of every stage
          qualifier: hnb659fds        # CDK bootstrap qualifier, [A-Za-z0-9_-]{1,10}
          stages:                     # exactly governance, dev, preprod and prod
            governance: { account: "111111111111", profile: acme-governance }
            dev:        { account: "222222222222", profile: acme-dev }
            preprod:    { account: "333333333333", profile: acme-preprod }
            prod:       { account: "444444444444", profile: acme-prod,
                          region: eu-west-1 }

          Account ids are quoted 12-digit strings; one account may serve several
          stages. A stage's own region beats the top-level one; each stage needs one.
          Optional sections (all have defaults):
            trust               which stages may publish and deploy into each stage
                                (default: dev trusts governance; preprod and prod
                                trust dev and governance)
            executionPolicies   what CloudFormation may do in a stage: policy ARNs or
                                one .json document (default: the least-privilege
                                policy built into mlopsctl)
            bootstrap           stackName, terminationProtection and tags of the CDK
                                bootstrap stack (default name CDKToolkit)
            catalog             portfolioName, portfolioOwner, productName,
                                productVersion of the Service Catalog product
            project             source (s3 or codecommit), via (sagemaker or
                                cloudformation): how launch-project works
            organization        a management profile and the OUs and accounts that
                                `bootstrap --org` fans each stage role out to
          Endpoints are not topology keys: set endpoint_url in the AWS profile or
          AWS_ENDPOINT_URL, so one file works against AWS and an emulator.

        CHECKS:
          Every problem in the file is reported at once, each with its key path and
          line; unknown keys and stage names get a did-you-mean. Nothing is sent to
          AWS before the file passes. `mlopsctl doctor` then checks that each stage's
          profile reaches the stage's account.

        EXAMPLES:
          Write a topology (asks for each stage on a terminal):
            mlopsctl init
          Check every stage of a topology that is not ./mlopsctl.yaml:
            mlopsctl doctor --topology accounts/acme.yaml
          Review the templates the topology gives, without calling AWS:
            mlopsctl synth --out build/templates

        SEE ALSO: mlopsctl init --help, mlopsctl doctor --help, README ("Topology file")
        """
}
