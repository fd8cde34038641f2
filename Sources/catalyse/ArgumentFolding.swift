import CatalyseCore

/// The command line made short before the argument parser reads it. swift-argument-parser's
/// time grows with the square of the number of words (it removes each word it has used from an
/// array): 1,000 repetitions of `--kind x` took 2.8 s, 4,000 took minutes. So, before it runs:
/// - the repeated filter options of `list` and `export` (`--kind a --kind b …`) are folded into
///   their first occurrence, the values joined by NUL (a character no argument can hold), and
///   `FilterOptions` splits them again: any number of repetitions costs one option;
/// - of an option that takes one value (`--query`, `--lang`, `--catalogue`, `--as`, `-o`,
///   `--separator`), only the last occurrence is kept, as the parser would keep it; a flag
///   repeated (`--json --json`) is kept once;
/// - what is left may hold at most `limit` words (1,000): above, the command is refused with a
///   clear message and status 64 (positional arguments, such as ids, are not folded).
/// Folding touches only `--name value` and `--name=value` words before a `--`; a value that
/// starts with `-` is left to the parser (which refuses it as it always did).
enum ArgumentFolding {
    static let limit = 1000
    /// The separator of folded values.
    static let separator: Character = "\u{0}"

    /// Filter options that may be repeated (OR), in `list` and `export`.
    static let repeatable: Set<String> = ["--purpose", "--format", "--kind", "--theme", "--territory", "--stage",
                                          "--budget", "--mode", "--employer", "--audience"]
    /// Options of every command that take one value (the last one given counts).
    static let globalSingle: Set<String> = ["--lang", "--catalogue"]
    /// Options of `list`, `export` and `compile` that take one value, and their flags.
    static let commandSingle: [String: Set<String>] = [
        "list": ["--query"], "export": ["--query", "--as", "-o", "--output", "--separator"], "compile": ["-o", "--output"],
    ]
    static let commandFlags: [String: Set<String>] = [
        "list": ["--counts", "--json", "--favourites"], "export": ["--favourites", "--force"],
    ]

    enum Outcome: Equatable {
        case folded([String])
        /// More than `limit` words remain: how many.
        case tooLong(Int)
    }

    /// The subcommand named on the line: the first word that is neither an option nor the value
    /// of `--lang` or `--catalogue`.
    static func subcommand(_ arguments: [String]) -> String? {
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { return nil }
            if globalSingle.contains(word) { i += 2; continue }
            if word.hasPrefix("-") { i += 1; continue }
            return word
        }
        return nil
    }

    /// The language asked for with `--lang` (the last one), before the parser has run.
    static func language(_ arguments: [String], environment: [String: String]) -> Language {
        var chosen: Language? = nil
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { break }
            if word == "--lang", i + 1 < arguments.count { chosen = Language(argument: arguments[i + 1]) ?? chosen; i += 2; continue }
            if word.hasPrefix("--lang=") { chosen = Language(argument: String(word.dropFirst(7))) ?? chosen }
            i += 1
        }
        return chosen ?? Language.fromEnvironment(environment)
    }

    static func fold(_ arguments: [String]) -> Outcome {
        let command = subcommand(arguments) ?? ""
        let filters = command == "list" || command == "export" ? repeatable : []
        let single = globalSingle.union(commandSingle[command] ?? [])
        let flags = commandFlags[command] ?? []

        // One pass to read the options: (name, value) at their word index.
        struct Found { var index: Int; var width: Int; var name: String; var value: String? }
        var found: [Found] = []
        var i = 0
        var end = arguments.count
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { end = i; break }
            if let eq = word.firstIndex(of: "="), word.hasPrefix("--") {
                let name = String(word[..<eq]), value = String(word[word.index(after: eq)...])
                if (filters.contains(name) || single.contains(name)) && !value.hasPrefix("-") {
                    found.append(Found(index: i, width: 1, name: name, value: value))
                }
                i += 1
                continue
            }
            if filters.contains(word) || single.contains(word) {
                if i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") {
                    found.append(Found(index: i, width: 2, name: word, value: arguments[i + 1]))
                    i += 2
                    continue
                }
            } else if flags.contains(word) {
                found.append(Found(index: i, width: 1, name: word, value: nil))
            }
            i += 1
        }

        // Which words go, and what the first of each repeated filter option becomes.
        var drop = Set<Int>()
        var replacement: [Int: [String]] = [:]
        var firstOf: [String: Int] = [:]
        var values: [String: [String]] = [:]
        var lastOf: [String: Int] = [:]
        for (k, f) in found.enumerated() {
            let canonical = f.name == "-o" ? "--output" : f.name
            if filters.contains(f.name) {
                values[f.name, default: []].append(f.value ?? "")
                if firstOf[f.name] == nil { firstOf[f.name] = k } else { drop.insert(k) }
            } else if f.value != nil {
                if let previous = lastOf[canonical] { drop.insert(previous) }
                lastOf[canonical] = k
            } else {
                if firstOf[f.name] != nil { drop.insert(k) } else { firstOf[f.name] = k }
            }
        }
        for (name, k) in firstOf where filters.contains(name) && values[name]!.count > 1 {
            replacement[found[k].index] = [name, values[name]!.joined(separator: String(separator))]
        }
        var skip = Set<Int>()
        for k in drop { for w in 0..<found[k].width { skip.insert(found[k].index + w) } }

        var result: [String] = []
        result.reserveCapacity(arguments.count - skip.count)
        var w = 0
        while w < arguments.count {
            if w < end, let words = replacement[w] {
                result += words
                w += found.first { $0.index == w }!.width
                continue
            }
            if !skip.contains(w) { result.append(arguments[w]) }
            w += 1
        }
        return result.count > limit ? .tooLong(result.count) : .folded(result)
    }

    /// The values of a folded filter option, one per repetition.
    static func unfold(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
    }
}
