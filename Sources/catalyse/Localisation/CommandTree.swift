import ArgumentParser
import CatalyseCore
import Foundation

/// The command line as a tree read from swift-argument-parser's own description of it
/// (`_dumpHelp()`, the JSON its manual and completion generators use): every command's name,
/// texts (in the language in effect when it is read), options and subcommands. Used for the
/// suggestions of `ParserErrors` and by `ManualPage`.
struct CommandTree {
    struct Argument {
        enum Kind: String { case option, flag, positional }
        var kind: Kind
        /// Every name with its dashes (`--output`, `-o`); empty for a positional argument.
        var names: [String]
        var preferred: String?
        var valueName: String?
        var abstract: String
        var discussion: String
        var isOptional: Bool
        var isRepeating: Bool
        var values: [String]
        var defaultValue: String?
        var shown: Bool
    }

    var name: String
    var abstract: String
    var discussion: String
    var arguments: [Argument]
    var subcommands: [CommandTree]
    var shown: Bool
    /// The names from the root (`["catalyse", "favourites", "add"]`).
    var path: [String]

    /// The tree of `command` and its subcommands.
    static func of(_ command: any ParsableCommand.Type, path: [String] = []) -> CommandTree? {
        guard let data = command._dumpHelp().data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let node = root["command"] as? [String: Any] else { return nil }
        return CommandTree(node, parent: path)
    }

    init?(_ node: [String: Any], parent: [String]) {
        guard let name = node["commandName"] as? String else { return nil }
        self.name = name
        abstract = node["abstract"] as? String ?? ""
        discussion = node["discussion"] as? String ?? ""
        shown = node["shouldDisplay"] as? Bool ?? true
        path = parent + [name]
        arguments = (node["arguments"] as? [[String: Any]] ?? []).compactMap { a in
            guard let kind = (a["kind"] as? String).flatMap(Argument.Kind.init(rawValue:)) else { return nil }
            func dashed(_ n: [String: Any]) -> String? {
                guard let text = n["name"] as? String else { return nil }
                return (n["kind"] as? String == "short" || n["kind"] as? String == "longWithSingleDash" ? "-" : "--") + text
            }
            let names = kind == .positional ? [] : (a["names"] as? [[String: Any]] ?? []).compactMap(dashed)
            return Argument(kind: kind, names: names, preferred: (a["preferredName"] as? [String: Any]).flatMap(dashed),
                            valueName: a["valueName"] as? String, abstract: a["abstract"] as? String ?? "",
                            discussion: a["discussion"] as? String ?? "", isOptional: a["isOptional"] as? Bool ?? false,
                            isRepeating: a["isRepeating"] as? Bool ?? false, values: a["allValues"] as? [String] ?? [],
                            defaultValue: a["defaultValue"] as? String, shown: a["shouldDisplay"] as? Bool ?? true)
        }
        let path = self.path
        subcommands = (node["subcommands"] as? [[String: Any]] ?? []).compactMap { CommandTree($0, parent: path) }
    }

    /// Every option name the command accepts (its own and the built-in `--help`, `-h`).
    var optionNames: [String] {
        arguments.filter { $0.kind != .positional }.flatMap(\.names) + ["--help", "-h"]
    }

    /// The names of the subcommands a user may type (the library's `help` left out).
    var subcommandNames: [String] { subcommands.filter(\.shown).map(\.name).filter { $0 != "help" } }

    /// The command at `path` below this one (names after this command's own).
    func find(_ names: [String]) -> CommandTree? {
        guard let first = names.first else { return self }
        return subcommands.first { $0.name == first }?.find(Array(names.dropFirst()))
    }
}

/// "Did you mean": the nearest words of a closed list (option names, subcommands, ids) to what a
/// user typed. Those it begins come first (`--terr` → `--territory`), then those within an edit
/// distance of a third of its length (at least 2), nearest first.
enum Nearest {
    static func words(_ typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let key = typed.lowercased()
        guard !key.isEmpty else { return [] }
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted && $0 != typed }
        let prefixed = unique.filter { $0.lowercased().hasPrefix(key) }.sorted { ($0.count, $0) < ($1.count, $1) }
        if !prefixed.isEmpty { return Array(prefixed.prefix(limit)) }
        let bound = max(2, key.count / 3)
        let scored = unique.map { ($0, Suggestions.distance(key, $0.lowercased())) }.filter { $0.1 <= bound }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// An option typed with dashes: the dashes do not count in the distance (`-terr`, `--terr`).
    static func options(_ typed: String, among names: [String]) -> [String] {
        let bare = String(typed.drop { $0 == "-" })
        let long = names.filter { $0.hasPrefix("--") }
        let found = words(bare, among: long.map { String($0.dropFirst(2)) }).map { "--" + $0 }
        return found.isEmpty && bare.count == 1 ? names.filter { $0 == "-" + bare } : found
    }

    /// Offer or firm ids: `Suggestions.nearest` (folded text, a prefix first).
    static func ids(_ typed: String, among ids: [String], limit: Int = 3) -> [String] {
        let key = TextFolding.fold(typed)
        let prefixed = ids.filter { !key.isEmpty && TextFolding.fold($0).hasPrefix(key) }.sorted { ($0.count, $0) < ($1.count, $1) }
        return prefixed.isEmpty ? Suggestions.nearest(typed, among: ids, limit: limit) : Array(prefixed.prefix(limit))
    }

    /// « catalyse : aucune offre n'a l'identifiant « x » ; vouliez-vous dire « y » ? », or
    /// where the ids are when none is near.
    static func unknownOffer(_ id: String, _ catalogue: Catalogue, _ language: Language) -> String {
        let all = (0..<catalogue.offers.count).map { catalogue.offers.id($0) }
        let near = ids(id.trimmingCharacters(in: .whitespaces), among: all)
        let shown = TextCleaning.forDisplay(id)
        let head = language == .fr ? "catalyse : aucune offre n'a l'identifiant « \(shown) »" : "catalyse: no offer has the id '\(shown)'"
        if near.isEmpty { return head + (language == .fr ? " ; `catalyse list` donne les identifiants." : "; `catalyse list` shows the ids.") }
        return head + didYouMean(near, language)
    }

    /// « ; vouliez-vous dire « a » ou « b » ? » / "; did you mean 'a' or 'b'?" — empty when none.
    static func didYouMean(_ words: [String], _ language: Language) -> String {
        guard !words.isEmpty else { return "" }
        let quoted = words.map { language == .fr ? "« \(TextCleaning.forDisplay($0)) »" : "'\(TextCleaning.forDisplay($0))'" }
        let list = quoted.count == 1 ? quoted[0]
            : quoted.dropLast().joined(separator: ", ") + (language == .fr ? " ou " : " or ") + quoted[quoted.count - 1]
        return language == .fr ? " ; vouliez-vous dire \(list) ?" : "; did you mean \(list)?"
    }
}
