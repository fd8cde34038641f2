/// The rules for single values of a catalogue document: texts (cleaned), codes, lists, numbers,
/// dates, ids, e-mail and web addresses, territories. Each reports its own error at the node.
extension CatalogueReader {
    /// The text of a scalar (cleaned, NFC), or an error. A multi-line text is laid out in
    /// paragraphs (`Paragraphs.normalise`): a single line break of the file is a space.
    mutating func text(_ node: DocumentNode, _ field: @autoclosure () -> String, singleLine: Bool, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let raw, _) = node.kind else {
            if case .invalid = node.kind { return nil }
            error(node, field(), "expected a text, found \(node.typeName)", fr: "un texte était attendu, et non \(node.typeNameFR)")
            return nil
        }
        if let loaded = TextCleaning.loaded(raw, singleLine: singleLine) {  // most texts: the same, by bytes
            if loaded.isEmpty && !allowEmpty {
                error(node, field(), "is empty", fr: "est vide")
                return nil
            }
            return loaded
        }
        let (cleaned, report) = TextCleaning.clean(raw, singleLine: singleLine)
        if !report.isEmpty { warning(node, field(), "text cleaned: \(report.describe())", fr: "texte nettoyé : \(report.describe(.fr))") }
        let trimmed = TextCleaning.trim(cleaned)
        if trimmed.isEmpty && !allowEmpty {
            error(node, field(), "is empty", fr: "est vide")
            return nil
        }
        return singleLine ? cleaned : Paragraphs.normalise(trimmed)
    }

    mutating func requiredText(_ f: Fields, _ key: String, singleLine: Bool = true) -> String? {
        guard let node = required(f, key) else { return nil }
        return text(node, f.path(key), singleLine: singleLine)
    }

    mutating func optionalText(_ f: Fields, _ key: String, singleLine: Bool = true) -> String? {
        guard let node = optional(f, key) else { return nil }
        return text(node, f.path(key), singleLine: singleLine)
    }

    /// The raw text of a scalar used as a code (never interpreted as a number).
    mutating func scalarText(_ node: DocumentNode, _ field: @autoclosure () -> String) -> String? {
        guard case .scalar(let raw, _) = node.kind else {
            if case .invalid = node.kind { return nil }
            error(node, field(), "expected a single value, found \(node.typeName)", fr: "une seule valeur était attendue, et non \(node.typeNameFR)")
            return nil
        }
        return TextCleaning.trim(raw)
    }

    mutating func code<T: CodedValue>(_ node: DocumentNode, _ field: @autoclosure () -> String, as _: T.Type) -> T? {
        guard let raw = scalarText(node, field()) else { return nil }
        guard let value = T(code: raw) else {
            error(node, field(), "unknown \(T.facet.label.en.lowercased()) '\(TextCleaning.forDisplay(raw))' (expected one of: \(T.codeList))",
                  fr: "valeur inconnue « \(TextCleaning.forDisplay(raw)) » pour \(Typography.inRunningText(T.facet.label.fr)) (valeurs possibles : \(T.codeList))")
            return nil
        }
        return value
    }

    /// A list of scalars (a single scalar is accepted as a one-element list).
    mutating func list(_ node: DocumentNode, _ field: @autoclosure () -> String) -> [(Int, DocumentNode)]? {
        switch node.kind {
        case .sequence(let items): return Array(items.enumerated())
        case .scalar: return [(0, node)]
        case .invalid: return nil
        case .mapping:
            error(node, field(), "expected a list, found a mapping", fr: "une liste était attendue, et non une table")
            return nil
        }
    }

    mutating func codeList<T: CodedValue>(_ node: DocumentNode, _ field: @autoclosure () -> String, as type: T.Type, allowEmpty: Bool) -> [T]? {
        guard let items = list(node, field()) else { return nil }
        var result: [T] = []
        var ok = true
        let indexed = items.count > 1 || node.isSequence
        for (i, item) in items {
            // The item's path, made only for a message.
            func itemField() -> String { indexed ? "\(field())[\(i)]" : field() }
            if item.isNull { error(item, itemField(), "is empty (null)", fr: "est vide (null)"); ok = false; continue }
            guard let value = code(item, itemField(), as: type) else { ok = false; continue }
            if result.contains(value) { error(item, itemField(), "'\(value.code)' is listed twice", fr: "« \(value.code) » figure deux fois") } else { result.append(value) }
        }
        if result.isEmpty && ok && !allowEmpty { error(node, field(), "needs at least one value", fr: "il faut au moins une valeur"); return nil }
        return ok ? result : nil
    }

    mutating func integer(_ node: DocumentNode, _ field: @autoclosure () -> String) -> Int? {
        guard let raw = scalarText(node, field()) else { return nil }
        guard !raw.isEmpty, raw.count <= 9, raw.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(raw) else {
            error(node, field(), "expected a whole number, found '\(TextCleaning.forDisplay(raw))'", fr: "un nombre entier était attendu, et non « \(TextCleaning.forDisplay(raw)) »")
            return nil
        }
        return value
    }

    mutating func day(_ node: DocumentNode, _ field: @autoclosure () -> String) -> Day? {
        guard let raw = scalarText(node, field()) else { return nil }
        guard let day = Day(iso: raw) else {
            error(node, field(), "expected a date written YYYY-MM-DD, found '\(TextCleaning.forDisplay(raw))'", fr: "une date écrite AAAA-MM-JJ était attendue, et non « \(TextCleaning.forDisplay(raw)) »")
            return nil
        }
        return day
    }

    mutating func bool(_ node: DocumentNode, _ field: @autoclosure () -> String) -> Bool? {
        guard let raw = scalarText(node, field()) else { return nil }
        switch raw.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, field(), "expected true or false, found '\(TextCleaning.forDisplay(raw))'", fr: "true ou false était attendu, et non « \(TextCleaning.forDisplay(raw)) »")
            return nil
        }
    }

    mutating func slug(_ node: DocumentNode, _ field: @autoclosure () -> String) -> String? {
        guard let raw = scalarText(node, field()) else { return nil }
        guard Slug.isValid(raw) else {
            error(node, field(), "'\(TextCleaning.forDisplay(raw))' is not a valid id (lower-case letters, digits and single hyphens, such as 'cabinet-exemple')",
                  fr: "« \(TextCleaning.forDisplay(raw)) » n'est pas un identifiant valable (minuscules, chiffres et tirets simples, comme « cabinet-exemple »)")
            return nil
        }
        return raw
    }

    mutating func email(_ node: DocumentNode, _ field: @autoclosure () -> String) -> String? {
        guard let raw = text(node, field(), singleLine: true) else { return nil }
        guard EmailAddress.isValid(raw) else {
            error(node, field(), "'\(TextCleaning.forDisplay(raw))' is not a valid e-mail address", fr: "« \(TextCleaning.forDisplay(raw)) » n'est pas une adresse électronique valable")
            return nil
        }
        return raw
    }

    mutating func url(_ node: DocumentNode, _ field: @autoclosure () -> String) -> String? {
        guard let raw = text(node, field(), singleLine: true) else { return nil }
        guard CatalogueReader.isWebAddress(raw) else {
            error(node, field(), "'\(TextCleaning.forDisplay(raw))' is not a web address (expected http:// or https://)", fr: "« \(TextCleaning.forDisplay(raw)) » n'est pas une adresse web (http:// ou https:// attendu)")
            return nil
        }
        return raw
    }

    mutating func department(_ node: DocumentNode, _ field: @autoclosure () -> String) -> String? {
        guard let raw = scalarText(node, field()) else { return nil }
        guard case .department(let code)? = Place(code: raw) else {
            error(node, field(), "unknown département code '\(TextCleaning.forDisplay(raw))' (INSEE code such as 59, 2A, 971)", fr: "code de département inconnu « \(TextCleaning.forDisplay(raw)) » (code INSEE comme 59, 2A, 971)")
            return nil
        }
        return code
    }

    mutating func places(_ node: DocumentNode, _ field: @autoclosure () -> String) -> [Place]? {
        guard let items = list(node, field()) else { return nil }
        var result: [Place] = []
        var ok = true
        let indexed = node.isSequence
        for (i, item) in items {
            func itemField() -> String { indexed ? "\(field())[\(i)]" : field() }
            guard let raw = scalarText(item, itemField()) else { ok = false; continue }
            guard let place = Place(code: raw) else {
                error(item, itemField(), "unknown territory '\(TextCleaning.forDisplay(raw))' (expected national, a région written R + INSEE code such as R32, or a département code such as 59, 2A, 971)",
                      fr: "territoire inconnu « \(TextCleaning.forDisplay(raw)) » (national, une région écrite R + code INSEE comme R32, ou un code de département comme 59, 2A, 971)")
                ok = false
                continue
            }
            if result.contains(place) { error(item, itemField(), "'\(place.code)' is listed twice", fr: "« \(place.code) » figure deux fois") } else { result.append(place) }
        }
        if result.isEmpty && ok { error(node, field(), "needs at least one territory", fr: "il faut au moins un territoire"); return nil }
        return ok ? result : nil
    }

    /// http:// or https:// (any case), no space, at least two parts between slashes.
    static func isWebAddress(_ raw: String) -> Bool {
        var copy = raw
        // An ASCII text, by bytes (each `Character` a byte, but CR LF, which holds no slash and
        // no space, and cannot stand in the first eight).
        if let ascii = copy.withUTF8({ bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lower(_ i: Int) -> UInt8 { bytes[i] >= 0x41 && bytes[i] <= 0x5A ? bytes[i] | 0x20 : bytes[i] }
            func prefix(_ p: StaticString) -> Bool {
                guard bytes.count >= p.utf8CodeUnitCount else { return false }
                for i in 0..<p.utf8CodeUnitCount where lower(i) != p.utf8Start[i] { return false }
                return true
            }
            guard prefix("https://") || prefix("http://"), !bytes.contains(0x20) else { return false }
            var parts = 0, inPart = false
            for b in bytes {
                if b == 0x2F { inPart = false } else if !inPart { inPart = true; parts += 1 }
            }
            return parts >= 2
        }) { return ascii }
        let lower = raw.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !raw.contains(" ")
            && raw.split(separator: "/", omittingEmptySubsequences: true).count >= 2
    }
}
