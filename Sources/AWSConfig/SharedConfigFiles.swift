import Foundation

/// Where the shared config and credentials files live, and the only code in AWSConfig that reads files.
public enum SharedConfigFiles {
    /// How paths are joined: the conformance data covers both separators.
    public enum PathStyle: Sendable, Equatable {
        case posix, windows

        public static var current: PathStyle {
            #if os(Windows)
                return .windows
            #else
                return .posix
            #endif
        }

        var separator: String { self == .windows ? "\\" : "/" }
    }

    /// The two file paths, with `~` expanded, plus the home directory used to expand them.
    public struct Locations: Sendable, Equatable {
        public var configFile: String
        public var credentialsFile: String
        public var homeDirectory: String?

        public init(configFile: String, credentialsFile: String, homeDirectory: String? = nil) {
            self.configFile = configFile
            self.credentialsFile = credentialsFile
            self.homeDirectory = homeDirectory
        }
    }

    /// `HOME` first (on Windows too), then `USERPROFILE`, then `HOMEDRIVE` + `HOMEPATH`.
    public static func homeDirectory(environment: EnvironmentVariables) -> String? {
        if let home = environment["HOME"] { return home }
        if let profile = environment["USERPROFILE"] { return profile }
        if let drive = environment["HOMEDRIVE"], let path = environment["HOMEPATH"] { return drive + path }
        return nil
    }

    /// `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else `<home>/.aws/config` and `<home>/.aws/credentials`.
    /// `homeDirectory` overrides the environment's home (tests, or a fallback from the account database).
    public static func locations(
        environment: EnvironmentVariables, homeDirectory override: String? = nil, pathStyle: PathStyle = .current
    ) -> Locations {
        let home = override ?? homeDirectory(environment: environment)
        let sep = pathStyle.separator
        let defaultDirectory = (home ?? "~") + sep + ".aws" + sep
        let config = environment["AWS_CONFIG_FILE"] ?? defaultDirectory + "config"
        let credentials = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? defaultDirectory + "credentials"
        return Locations(
            configFile: expandTilde(config, home: home, pathStyle: pathStyle),
            credentialsFile: expandTilde(credentials, home: home, pathStyle: pathStyle),
            homeDirectory: home)
    }

    /// Reads and merges both files. A missing file counts as empty; a file that exists but cannot be read
    /// (permissions, a directory, not UTF-8) is a `ConfigFileAccessError`; bad syntax is a `ConfigParseError`.
    public static func load(environment: EnvironmentVariables, homeDirectory override: String? = nil) throws -> SharedConfig {
        // The account database is the last resort for a home directory when the environment has none.
        let home = override ?? homeDirectory(environment: environment) ?? FileManager.default.homeDirectoryForCurrentUser.path
        return try load(locations(environment: environment, homeDirectory: home))
    }

    public static func load(_ locations: Locations) throws -> SharedConfig {
        let configShown = displayPath(locations.configFile, home: locations.homeDirectory)
        let credentialsShown = displayPath(locations.credentialsFile, home: locations.homeDirectory)
        let config = try readIfPresent(locations.configFile, shownAs: configShown) ?? ""
        let credentials = try readIfPresent(locations.credentialsFile, shownAs: credentialsShown) ?? ""
        return try SharedConfig.parse(
            configFile: config, credentialsFile: credentials, configPath: configShown, credentialsPath: credentialsShown)
    }

    /// The file's text, or nil when it does not exist.
    static func readIfPresent(_ path: String, shownAs shown: String) throws -> String? {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            // Only "no such file" is a soft miss; anything else (EACCES on a parent…) must surface.
            if code == ENOENT || code == ENOTDIR { return nil }
            throw ConfigFileAccessError(path: shown, reason: String(cString: strerror(code)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ConfigFileAccessError(path: shown, reason: "it is a directory, not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ConfigFileAccessError(path: shown, reason: "permission denied")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigFileAccessError(path: shown, reason: "read failed (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileAccessError(path: shown, reason: "it is not UTF-8 text")
        }
        return text
    }

    /// `~`, `~/x` (and `~\x` on Windows) become paths below `home`; other paths are unchanged.
    static func expandTilde(_ path: String, home: String?, pathStyle: PathStyle) -> String {
        guard let home, path.hasPrefix("~") else { return path }
        if path == "~" { return home }
        let rest = path.dropFirst()
        if rest.hasPrefix("/") || (pathStyle == .windows && rest.hasPrefix("\\")) { return home + rest }
        return path  // `~user/…` is not expanded by the SDKs either
    }

    /// Errors show `~/.aws/config` rather than the full home path, as users write it.
    static func displayPath(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path.hasPrefix(home) else { return path }
        let rest = path.dropFirst(home.count)
        guard rest.hasPrefix("/") || rest.hasPrefix("\\") else { return path }
        return "~" + rest
    }
}
