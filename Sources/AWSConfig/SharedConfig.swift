import Foundation

/// The merged contents of the shared config and credentials files.
public struct SharedConfig: Sendable, Equatable {
    /// Profiles by name (`[default]`, `[profile x]`, credentials-file `[x]`).
    public var profiles: [String: Profile]
    /// `[sso-session NAME]` sections (config file only).
    public var ssoSessions: [String: ConfigSection]
    /// `[services NAME]` sections (config file only), referenced by a profile's `services = NAME`.
    public var services: [String: ConfigSection]

    public init(
        profiles: [String: Profile] = [:], ssoSessions: [String: ConfigSection] = [:], services: [String: ConfigSection] = [:]
    ) {
        self.profiles = profiles
        self.ssoSessions = ssoSessions
        self.services = services
    }

    public func profile(named name: String) -> Profile? { profiles[name] }

    /// Parses both files and merges them as the SDKs do: the same profile in both files is merged key by
    /// key and the credentials file wins. `configPath`/`credentialsPath` only label errors.
    public static func parse(
        configFile: String, credentialsFile: String,
        configPath: String = "~/.aws/config", credentialsPath: String = "~/.aws/credentials"
    ) throws -> SharedConfig {
        let configSections = try ConfigFileParser.parse(configFile, path: configPath)
        let credentialSections = try ConfigFileParser.parse(credentialsFile, path: credentialsPath)
        var config = SharedConfig()
        config.merge(configSections, kind: .config)
        config.merge(credentialSections, kind: .credentials)
        return config
    }
}

/// Which file a text came from: the two files name their sections differently.
enum ConfigFileKind { case config, credentials }

/// Where a validated section goes.
private enum SectionTarget: Equatable {
    case profile(String), ssoSession(String), services(String)
}

extension SharedConfig {
    /// Applies the smithy-rs normalisation rules; sections and keys it rejects are ignored (the SDKs warn
    /// and carry on), never errors.
    mutating func merge(_ sections: [RawSection], kind: ConfigFileKind) {
        let targets = sections.map { Self.target(for: $0.header, kind: kind) }
        // `[profile default]` fully replaces `[default]` in the config file, whichever comes first.
        let hasPrefixedDefault = zip(sections, targets).contains { section, target in
            target == .profile("default") && Self.splitHeader(section.header).prefix != nil
        }
        for (section, target) in zip(sections, targets) {
            guard let target else { continue }
            if hasPrefixedDefault, target == .profile("default"), Self.splitHeader(section.header).prefix == nil { continue }
            switch target {
            case .profile(let name): Self.mergeProperties(section, into: &profiles, name: name)
            case .ssoSession(let name): Self.mergeProperties(section, into: &ssoSessions, name: name)
            case .services(let name): Self.mergeProperties(section, into: &services, name: name)
            }
        }
    }

    private static func mergeProperties(_ section: RawSection, into map: inout [String: ConfigSection], name: String) {
        var target = map[name] ?? ConfigSection(name: name)
        for key in section.keys where isValidIdentifier(key) {
            guard let raw = section.values[key] else { continue }
            target.properties[key] = profileValue(raw)
        }
        map[name] = target
    }

    /// A raw value that starts with a newline is a sub-property block (`key =` then indented lines).
    static func profileValue(_ raw: String) -> ProfileValue {
        guard raw.hasPrefix("\n") else { return .value(raw) }
        var values: [String: String] = [:]
        for line in Substring(raw).unicodeScalars.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = ConfigFileParser.trimSpaceAndTab(line[..<equals])
            let value = ConfigFileParser.trimSpaceAndTab(line[line.index(after: equals)...])
            values[String(Substring(key))] = String(Substring(value))
        }
        return .subProperties(values)
    }

    private static let spaceAndTab = CharacterSet(charactersIn: " \t")

    private static func target(for header: String, kind: ConfigFileKind) -> SectionTarget? {
        let (prefix, name) = splitHeader(header)
        switch (kind, prefix) {
        case (.config, nil): return name == "default" ? .profile("default") : nil
        case (.config, let prefix?):
            guard isValidIdentifier(name) else { return nil }
            switch prefix {
            case "profile": return .profile(name)
            case "sso-session": return .ssoSession(name)
            case "services": return .services(name)
            default: return nil  // unknown or misspelt section types are ignored
            }
        case (.credentials, nil): return isValidIdentifier(name) ? .profile(name) : nil
        case (.credentials, _?): return nil  // `[profile x]` and other prefixes are ignored in credentials
        }
    }

    /// `profile  foo` → ("profile", "foo"); `default` → (nil, "default"). Splits at the first space or tab.
    static func splitHeader(_ header: String) -> (prefix: String?, name: String) {
        let trimmed = header.trimmingCharacters(in: spaceAndTab)
        guard let split = trimmed.unicodeScalars.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return (nil, trimUnicodeWhitespace(trimmed))
        }
        let prefix = String(String.UnicodeScalarView(trimmed.unicodeScalars[..<split]))
        let name = String(String.UnicodeScalarView(trimmed.unicodeScalars[split...]))
        return (trimUnicodeWhitespace(prefix), trimUnicodeWhitespace(name))
    }

    private static func trimUnicodeWhitespace(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(Substring(scalars))
    }

    /// Section names and keys must match `[A-Za-z0-9_\-/.%@:+]+`.
    static func isValidIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-/.%@:+".unicodeScalars.contains(scalar))
        }
    }
}
