import ArgumentParser
import CatalyseCore

/// swift-argument-parser's errors worded by the program, in the user's language. The library
/// throws them as an internal `CommandError { commandStack, parserError: ParserError }`; its own
/// messages are English. Its case names and payloads are read by reflection (`Mirror`), which
/// depends on the library's internals: the version is pinned exactly in Package.swift (1.8.2)
/// and `ParserErrorTests` runs every kind below, so an update that changes them fails there
/// first. A kind this does not know is worded generically, never in English inside French.
enum ParserErrors {
    /// What the parser stopped on.
    struct Problem {
        /// The `ParserError` case (`unknownOption`, `noValue`…).
        var kind: String
        var payload: Any?
        /// The commands read so far, the root first.
        var stack: [any ParsableCommand.Type]
    }

    static func problem(_ error: any Error) -> Problem? {
        // An unsupported shell for --generate-completion-script comes as a bare ParserError.
        if String(describing: type(of: error)) == "ParserError" {
            guard let first = Mirror(reflecting: error).children.first, let label = first.label else { return nil }
            return Problem(kind: label, payload: first.value, stack: [Catalyse.self])
        }
        guard String(describing: type(of: error)) == "CommandError" else { return nil }
        var stack: [any ParsableCommand.Type] = []
        var parserError: Any? = nil
        for child in Mirror(reflecting: error).children {
            if child.label == "commandStack" { stack = child.value as? [any ParsableCommand.Type] ?? [] }
            if child.label == "parserError" { parserError = child.value }
        }
        guard let parserError else { return nil }
        if let first = Mirror(reflecting: parserError).children.first, let label = first.label {
            return Problem(kind: label, payload: first.value, stack: stack)
        }
        return Problem(kind: String(describing: parserError), payload: nil, stack: stack)
    }

    /// The kinds that are answers, not errors (help, version, completion scripts).
    static let answers: Set<String> = ["helpRequested", "versionRequested", "dumpHelpRequested",
                                       "completionScriptRequested", "completionScriptCustomResponse"]

    // MARK: Reading the payload

    /// The option names in a payload (`Name.long("terr")` → `--terr`), in order.
    static func names(_ value: Any, depth: Int = 0) -> [String] {
        guard depth < 8 else { return [] }
        let m = Mirror(reflecting: value)
        if String(describing: m.subjectType) == "Name", let case_ = m.children.first {
            let inner = Mirror(reflecting: case_.value).children.first?.value ?? case_.value
            switch case_.label {
            case "long": return ["--\(inner)"]
            case "short", "longWithSingleDash": return ["-\(inner)"]
            default: return []
            }
        }
        return m.children.flatMap { names($0.value, depth: depth + 1) }
    }

    /// The texts in a payload (values typed), names and keys left out.
    static func strings(_ value: Any, depth: Int = 0) -> [String] {
        guard depth < 8 else { return [] }
        if let s = value as? String { return [s] }
        let m = Mirror(reflecting: value)
        let type = String(describing: m.subjectType)
        if type == "Name" || type == "InputKey" || type.hasPrefix("Optional<Name") { return [] }
        return m.children.flatMap { strings($0.value, depth: depth + 1) }
    }

    /// The property a missing value belongs to (`InputKey.name`, `offerID`).
    static func key(_ value: Any, depth: Int = 0) -> String? {
        guard depth < 8 else { return nil }
        let m = Mirror(reflecting: value)
        if String(describing: m.subjectType) == "InputKey" {
            return m.children.first { $0.label == "name" }?.value as? String
        }
        for child in m.children { if let k = key(child.value, depth: depth + 1) { return k } }
        return nil
    }

    /// The names of a command's `@Argument` properties, in declaration order.
    static func positionalKeys(_ type: any ParsableCommand.Type) -> [String] {
        Mirror(reflecting: type.init()).children.compactMap { child in
            guard let label = child.label, String(describing: Swift.type(of: child.value)).hasPrefix("Argument<") else { return nil }
            return label.hasPrefix("_") ? String(label.dropFirst()) : label
        }
    }

    /// `offerID` → `offer-id`, as the library names options and arguments.
    static func kebab(_ name: String) -> String {
        var out = ""
        var previousLower = false
        for c in name {
            if c.isUppercase, let last = out.last, last != "-", previousLower { out += "-" }
            previousLower = c.isLowercase || c.isNumber
            out += c.lowercased()
        }
        return out
    }

    // MARK: Wording

    /// « commande inconnue « lsit » ; vouliez-vous dire « list » ? » (no `catalyse :` yet).
    static func unknownSubcommand(_ word: String, of tree: CommandTree, _ language: Language) -> String {
        let fr = language == .fr
        let shown = fr ? "« \(TextCleaning.forDisplay(word)) »" : "'\(TextCleaning.forDisplay(word))'"
        let near = Nearest.words(word, among: tree.subcommandNames)
        let list = tree.subcommandNames.joined(separator: ", ")
        return (fr ? "commande inconnue \(shown)" : "unknown command \(shown)")
            + (near.isEmpty ? (fr ? " ; les commandes sont : \(list)." : "; the commands are: \(list).") : Nearest.didYouMean(near, language))
    }

    /// For `catalyse help WORD…`: the error when a word names no subcommand (the library
    /// would show the root's help instead), else nil. Options are left to the parser.
    static func unknownHelpTopic(_ arguments: [String], _ language: Language) -> String? {
        // The tree is built only for a line that holds `help` (building it costs every run).
        guard arguments.contains("help"), let root = CommandTree.of(Catalyse.self) else { return nil }
        // The words that are not options nor an option's value (`--lang en`, `--catalogue F`).
        func takesValue(_ option: String, _ tree: CommandTree) -> Bool {
            !option.contains("=") && (tree.arguments + root.arguments).contains { $0.kind == .option && $0.names.contains(option) }
        }
        var words: [String] = [], skipNext = false
        var tree = root
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument.hasPrefix("-") { skipNext = takesValue(argument, tree); continue }
            words.append(argument)
        }
        guard words.first == "help" else { return nil }
        for word in words.dropFirst() {
            guard let next = tree.subcommands.first(where: { $0.name == word && $0.shown }) else {
                let path = tree.path.isEmpty ? "catalyse" : tree.path.joined(separator: " ")
                let fr = language == .fr
                return unknownSubcommand(word, of: tree, language) + "\n" + (fr ? "Voir « \(path) --help »." : "See '\(path) --help'.")
            }
            tree = next
        }
        return nil
    }

    /// The message for a parser error (one or two lines, no `catalyse :` yet), or nil for an
    /// answer (help, version…) or an error already written (`ExitCode` from a `validate`).
    /// `completionScriptRequested` is asked for only when it failed (an unknown shell).
    static func message(_ problem: Problem, _ language: Language) -> String? {
        let fr = language == .fr
        func q(_ s: String) -> String { fr ? "« \(TextCleaning.forDisplay(s)) »" : "'\(TextCleaning.forDisplay(s))'" }
        let stack = problem.stack
        let command = stack.last.flatMap { CommandTree.of($0) }
        let path = stack.map { $0._commandName }.joined(separator: " ")
        let payload = problem.payload ?? ()
        let optionName = names(payload).first ?? ""

        func argument(named option: String) -> CommandTree.Argument? {
            command?.arguments.first { $0.names.contains(option) }
        }
        func shownValue(_ a: CommandTree.Argument) -> String {
            a.kind == .positional ? "<\(a.valueName ?? "")>" + (a.isRepeating ? " …" : "") : (a.preferred ?? "") + (a.kind == .option ? " <\(a.valueName ?? "")>" : "")
        }
        func unknownSubcommand(_ word: String, of tree: CommandTree) -> String { ParserErrors.unknownSubcommand(word, of: tree, language) }

        var sentence: String
        switch problem.kind {
        case "completionScriptRequested":
            // Reached only when it failed (`Catalyse.report`): the library turns a shell it
            // cannot write for into its own English message.
            let shell = strings(payload).first
            sentence = (fr ? "interpréteur de commandes non pris en charge" : "unsupported shell") + (shell.map { " " + q($0) } ?? "")
                + (fr ? " ; --generate-completion-script prend bash, zsh ou fish." : "; --generate-completion-script takes bash, zsh or fish.")
        case let k where answers.contains(k):
            return nil
        case "userValidationError":
            if payload is ExitCode { return nil }
            // A `validate` that threw the library's ValidationError: its text is the program's.
            // Every command of catalyse throws `Output.usage(fr:en:)` instead; this is a safety net.
            sentence = "\(payload)"
        case "unknownOption", "invalidOption", "nonAlphanumericShortOption":
            let typed = optionName.isEmpty ? (strings(payload).first ?? "") : optionName
            let near = Nearest.options(typed, among: command?.optionNames ?? [])
            sentence = (fr ? "option inconnue \(q(typed))" : "unknown option \(q(typed))") + Nearest.didYouMean(near, language)
        case "missingValueForOption", "missingValueOrUnknownCompositeOption":
            let shown = argument(named: optionName).map(shownValue) ?? optionName
            sentence = fr ? "l'option \(q(optionName)) attend une valeur : \(q(shown))." : "the option \(q(optionName)) needs a value: \(q(shown))."
        case "unexpectedValueForOption":
            let value = strings(payload).last ?? ""
            sentence = fr ? "l'option \(q(optionName)) ne prend pas de valeur (\(q(value)) donné)."
                          : "the option \(q(optionName)) takes no value ('\(TextCleaning.forDisplay(value))' given)."
        case "unexpectedExtraValues":
            let words = strings(payload)
            let first = words.first ?? ""
            if let command, !command.subcommandNames.isEmpty {
                sentence = unknownSubcommand(first, of: command)
            } else if stack.count >= 2, let parent = CommandTree.of(stack[stack.count - 2]),
                      stack[stack.count - 2].configuration.defaultSubcommand == stack[stack.count - 1],
                      command?.arguments.contains(where: { $0.kind == .positional }) == false {
                sentence = unknownSubcommand(first, of: parent)
            } else {
                let list = words.map(q).joined(separator: ", ")
                sentence = fr ? (words.count > 1 ? "arguments en trop : \(list)." : "argument en trop : \(list).")
                              : (words.count > 1 ? "unexpected arguments: \(list)." : "unexpected argument: \(list).")
            }
        case "duplicateExclusiveValues":
            sentence = fr ? "deux options qui s'excluent ont été données ; n'en gardez qu'une." : "two options that exclude each other were given; keep only one."
        case "noValue":
            let name = kebab(key(payload) ?? "")
            if let a = command?.arguments.first(where: { $0.kind != .positional && $0.preferred == "--" + name }) {
                sentence = fr ? "l'option \(q(shownValue(a))) est obligatoire." : "the option \(q(shownValue(a))) is required."
            } else {
                // The positional arguments in the tree are in declaration order, as the
                // command's `@Argument` properties are: the missing key's rank gives it (its
                // value name may be French).
                let positionals = command?.arguments.filter { $0.kind == .positional } ?? []
                let rank = stack.last.map(positionalKeys)?.firstIndex(of: key(payload) ?? "")
                let a = rank.flatMap { $0 < positionals.count ? positionals[$0] : nil }
                    ?? positionals.first { $0.valueName == name }
                let shown = a.map(shownValue) ?? "<\(name)>"
                let what = a.map { $0.abstract.isEmpty ? "" : (fr ? " : " : ": ") + $0.abstract.prefix(1).lowercased() + $0.abstract.dropFirst().dropLast($0.abstract.hasSuffix(".") ? 1 : 0) } ?? ""
                sentence = fr ? "il manque l'argument \(q(shown))\(what)." : "missing argument \(q(shown))\(what)."
            }
        case "unableToParseValue":
            let value = strings(payload).first ?? ""
            let a = argument(named: optionName)
                ?? command?.arguments.first { $0.kind == .positional && ($0.valueName == kebab(key(payload) ?? "")) }
            let target = optionName.isEmpty ? a.map(shownValue) ?? "" : optionName
            sentence = fr ? "valeur \(q(value)) impossible pour \(q(target))" : "the value \(q(value)) is not valid for \(q(target))"
            if let values = a?.values, !values.isEmpty {
                let near = Nearest.words(value, among: values)
                sentence += near.isEmpty ? (fr ? " ; valeurs possibles : \(values.joined(separator: ", "))." : "; accepted values: \(values.joined(separator: ", ")).")
                                         : Nearest.didYouMean(near, language)
            } else {
                sentence += "."
            }
        case "missingSubcommand":
            let list = command?.subcommandNames.filter { $0 != "help" }.joined(separator: ", ") ?? ""
            sentence = fr ? "il manque la commande ; les commandes sont : \(list)." : "missing command; the commands are: \(list)."
        case "notParentCommand":
            let word = strings(payload).first ?? ""
            sentence = command.map { unknownSubcommand(word, of: $0) } ?? (fr ? "commande inconnue \(q(word))." : "unknown command \(q(word)).")
        case "unsupportedShell":
            let shell = strings(payload).first
            sentence = (fr ? "interpréteur de commandes non pris en charge" : "unsupported shell") + (shell.map { " " + q($0) } ?? "")
                + (fr ? " ; --generate-completion-script prend bash, zsh ou fish." : "; --generate-completion-script takes bash, zsh or fish.")
        default:
            sentence = fr ? "la ligne de commande n'a pas pu être lue (\(problem.kind))." : "the command line could not be read (\(problem.kind))."
        }
        let help = fr ? "Voir « \(path) --help »." : "See '\(path) --help'."
        return sentence + "\n" + help
    }
}
