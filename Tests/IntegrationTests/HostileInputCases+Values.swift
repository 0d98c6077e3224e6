import Foundation
import TestSupport

/// Hostile values: account ids, regions, project names, credential_process output, endpoint URLs.
extension HostileInputCase {
    static let devAccount = "account: \"222222222222\""

    static let accountCases: [HostileInputCase] = {
        let c = HostileCategory.account
        return [
            HostileInputCase(category: c, name: "too short", edits: [(devAccount, "account: \"2222\"")], expected: ["stages.dev.account", "12-digit"]),
            HostileInputCase(category: c, name: "letters", edits: [(devAccount, "account: \"22222222222a\"")], expected: ["stages.dev.account", "12-digit"]),
            HostileInputCase(category: c, name: "13 digits", edits: [(devAccount, "account: \"2222222222222\"")], expected: ["stages.dev.account", "12-digit"]),
            HostileInputCase(category: c, name: "empty", edits: [(devAccount, "account: \"\"")], expected: ["stages.dev.account"]),
            HostileInputCase(
                category: c, name: "unquoted with a leading zero (YAML reads a number)", edits: [(devAccount, "account: 012222222222")],
                expected: ["stages.dev.account"]),
            HostileInputCase(
                category: c, name: "a shell command", edits: [(devAccount, "account: \"$(touch {DIR}/pwned)\"")], expected: ["stages.dev.account"]),
        ]
    }()

    static let regionCases: [HostileInputCase] = {
        let c = HostileCategory.region
        return [
            HostileInputCase(category: c, name: "unknown region", edits: [("region: us-east-1", "region: us-nowhere-1")], expected: ["gov", "us-nowhere-1"]),
            HostileInputCase(category: c, name: "with spaces", edits: [("region: us-east-1", "region: \"us east 1\"")], expected: ["region", "us east 1"]),
            HostileInputCase(
                category: c, name: "with shell metacharacters", edits: [("region: us-east-1", "region: \"us-east-1; touch {DIR}/pwned\"")],
                expected: ["region"]),
            HostileInputCase(
                category: c, name: "a stage region with a path separator",
                edits: [("profile: gov }\n  preprod", "profile: gov, region: \"../../etc\" }\n  preprod")], expected: ["stages.dev.region"]),
            HostileInputCase(category: c, name: "empty", edits: [("region: us-east-1", "region: \"\"")], expected: ["region"]),
            HostileInputCase(
                category: c, name: "a host name for a region", edits: [("region: us-east-1", "region: evil.example.com")],
                expected: ["region", "evil.example.com"]),
        ]
    }()

    static let projectCases: [HostileInputCase] = {
        let c = HostileCategory.project
        func launch(_ name: String) -> [String] { ["launch-project", "--name", name] }
        return [
            HostileInputCase(category: c, name: "33 characters", arguments: launch(String(repeating: "p", count: 33)), expected: ["--name", "32"]),
            HostileInputCase(category: c, name: "unicode letters", arguments: launch("prøjekt"), expected: ["--name", "prøjekt"]),
            HostileInputCase(category: c, name: "a slash", arguments: launch("team/project"), expected: ["--name", "team/project"]),
            HostileInputCase(category: c, name: "an underscore", arguments: launch("my_project"), expected: ["--name", "my_project"]),
            HostileInputCase(category: c, name: "a leading digit", arguments: launch("1project"), expected: ["--name", "1project"]),
            HostileInputCase(category: c, name: "empty", arguments: launch(""), expected: ["--name"]),
            HostileInputCase(category: c, name: "shell metacharacters", arguments: launch("p;rm -rf ~"), expected: ["--name"]),
            HostileInputCase(
                category: c, name: "an id with capitals", arguments: ["launch-project", "--name", "churn", "--id", "UPPER"], expected: ["--id", "UPPER"]),
            HostileInputCase(category: c, name: "promote of a project name with a space", arguments: ["promote", "--project", "a b", "--to", "dev"], expected: ["--project"]),
        ]
    }()

    /// Profile `gov` takes its credentials from a script in the case's folder.
    static func credentialProcess(_ name: String, script: String, expected: [String]) -> HostileInputCase {
        HostileInputCase(
            category: HostileCategory.credentialProcess, name: name,
            config: .text("[profile gov]\nregion = us-east-1\nendpoint_url = {ENDPOINT}\ncredential_process = {DIR}/helper\n"),
            credentials: .text(""), scripts: ["helper": "#!/bin/sh\n" + script + "\n"], expected: ["gov", "credential_process"] + expected)
    }

    static let credentialProcessCases: [HostileInputCase] = [
        credentialProcess("invalid JSON", script: "echo '{\"Version\": 1, \"AccessKeyId\": '", expected: ["JSON"]),
        credentialProcess("missing SecretAccessKey", script: "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDX\"}'", expected: ["SecretAccessKey"]),
        credentialProcess(
            "Version 2", script: "echo '{\"Version\": 2, \"AccessKeyId\": \"AKIDX\", \"SecretAccessKey\": \"CANARY-SECRET-v2\"}'", expected: ["Version"]),
        credentialProcess(
            "expired", script: "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDX\", \"SecretAccessKey\": \"CANARY-SECRET-old\", \"Expiration\": \"2001-01-01T00:00:00Z\"}'",
            expected: ["expired"]),
        credentialProcess("exit 1 with its stderr shown", script: "echo 'sso session expired: run aws sso login' >&2\nexit 1", expected: ["status 1", "run aws sso login"]),
        credentialProcess("a command that does not exist", script: "exec {DIR}/no-such-helper", expected: ["status 127"]),
        credentialProcess("no output", script: "exit 0", expected: ["JSON"]),
        credentialProcess(
            "an Expiration that is not a time",
            script: "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDX\", \"SecretAccessKey\": \"CANARY-SECRET-t\", \"Expiration\": \"tomorrow\"}'",
            expected: ["Expiration"]),
    ]

    static let endpointCases: [HostileInputCase] = {
        let c = HostileCategory.endpoint
        func endpoint(_ url: String) -> File { .text("[profile gov]\nregion = us-east-1\nendpoint_url = \(url)\n") }
        return [
            HostileInputCase(category: c, name: "not a URL", config: endpoint("not a url"), expected: ["endpoint_url", "not a url"]),
            HostileInputCase(category: c, name: "an ftp URL", config: endpoint("ftp://127.0.0.1:9"), expected: ["endpoint_url", "ftp://127.0.0.1:9"]),
            HostileInputCase(category: c, name: "an unclosed IPv6 host", config: endpoint("http://[::1"), expected: ["endpoint_url"]),
            HostileInputCase(category: c, name: "a port out of range", config: endpoint("http://127.0.0.1:99999"), expected: ["endpoint_url"]),
            HostileInputCase(category: c, name: "connection refused", expected: ["governance", "127.0.0.1:9"]),
            HostileInputCase(
                category: c, name: "AWS_ENDPOINT_URL malformed", config: .text("[profile gov]\nregion = us-east-1\n"),
                environment: ["AWS_ENDPOINT_URL": "::::"], expected: ["AWS_ENDPOINT_URL"]),
        ]
    }()
}
