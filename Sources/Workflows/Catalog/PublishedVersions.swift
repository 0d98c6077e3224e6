import CFNTemplate
import Foundation

/// The product versions a deployed catalog stack already lists, read back from its template, so that
/// publishing a new version keeps every old one.
enum PublishedVersions {
    static func read(fromTemplateBody body: String) -> [ProductVersion] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let resources = root["Resources"] as? [String: Any]
        else { return [] }
        for case let resource as [String: Any] in resources.values where resource["Type"] as? String == "AWS::ServiceCatalog::CloudFormationProduct" {
            let properties = resource["Properties"] as? [String: Any] ?? [:]
            return (properties["ProvisioningArtifactParameters"] as? [[String: Any]] ?? []).compactMap { artifact in
                guard let name = artifact["Name"] as? String,
                    let url = (artifact["Info"] as? [String: Any])?["LoadTemplateFromURL"] as? String
                else { return nil }
                return ProductVersion(name: name, templateURL: url, description: artifact["Description"] as? String ?? "")
            }
        }
        return []
    }
}
