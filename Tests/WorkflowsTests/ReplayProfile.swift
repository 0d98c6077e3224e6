import AWSConfig
import Topology

/// The one profile `p` (static keys, us-east-1) that replay tests sign with, and a topology whose four stages all use
/// it; the scripted transport answers for every account.
enum ReplayProfile {
    static func config() throws -> SharedConfig {
        try SharedConfig.parse(
            configFile: "[profile p]\nregion = us-east-1\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = s\n", credentialsFile: "",
            configPath: "config", credentialsPath: "credentials")
    }

    /// Accounts 111…, 222…, 333…, 444… for governance, dev, preprod, prod; `extra` is appended YAML.
    static func topology(extra: String = "") throws -> Topology {
        try TopologyLoader.parse(yaml: """
            version: 1
            region: us-east-1
            stages:
              governance: { account: "111111111111", profile: p }
              dev:        { account: "222222222222", profile: p }
              preprod:    { account: "333333333333", profile: p }
              prod:       { account: "444444444444", profile: p }

            """ + extra)
    }
}
