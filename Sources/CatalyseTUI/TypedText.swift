import CatalyseCore

extension AppState {
    /// Characters that arrived together (`Event.text`): each is handled as its key would be,
    /// except that while the search prompt is open a run of them goes into the field at once
    /// and the search runs once for the run, not once per character (a 2,000-character paste
    /// on 20,000 offers took about 100 s one key at a time).
    mutating func typeText(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        var rest = Substring(text)
        while let first = rest.first {
            if case .search(var search)? = prompt, export == nil, !isTooSmall, status?.isError != true {
                // The characters the search prompt takes as text, up to the first it does not.
                let run = rest.prefix { ch in
                    ScreenKeys.global.action(for: .char(ch)) == nil && ScreenKeys.search.action(for: .char(ch)) == nil
                }
                if !run.isEmpty {
                    status = nil
                    if search.field.insert(String(run)) {
                        var f = filter
                        f.query = search.field.text
                        setFilter(f, resetSelection: true)
                    }
                    prompt = .search(search)
                    rest = rest.dropFirst(run.count)
                    continue
                }
            }
            effects += update(.key(.char(first)))
            rest = rest.dropFirst()
            if effects.contains(.quit) { break }
        }
        return effects
    }
}
