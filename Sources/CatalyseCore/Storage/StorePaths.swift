import Foundation

/// Where Catalyse keeps its files, after the XDG base directory rules: each root is the
/// variable when it holds an absolute path (a relative one is ignored, as the specification
/// says), else its default under the home folder, with `catalyse` appended. Every store asks
/// this type for its folder:
/// - `state` (`$XDG_STATE_HOME`, `~/.local/state`): favourites, preferences, history;
/// - `data` (`$XDG_DATA_HOME`, `~/.local/share`): the user's data (dossiers, an updated catalogue);
/// - `cache` (`$XDG_CACHE_HOME`, `~/.cache`): what can be rebuilt;
/// - `config` (`$XDG_CONFIG_HOME`, `~/.config`): settings.
public struct StorePaths: Sendable, Equatable {
    public let state: String
    public let data: String
    public let cache: String
    public let config: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func root(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value + "/catalyse" }
            return home + "/" + fallback + "/catalyse"
        }
        state = root("XDG_STATE_HOME", ".local/state")
        data = root("XDG_DATA_HOME", ".local/share")
        cache = root("XDG_CACHE_HOME", ".cache")
        config = root("XDG_CONFIG_HOME", ".config")
    }
}
