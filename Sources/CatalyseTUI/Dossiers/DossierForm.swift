import CatalyseCore

/// The new-dossier form (`n` in the dossiers list): the name, then the profile. The territory
/// is typed as in the territory prompt (a code, R + a région code, a postal code or a name) and
/// its candidates follow the typing; stage, budget and staff are chosen with ← →; the needed
/// support kinds are ticked with Space. Only the name is required.
struct DossierForm: Sendable, Equatable {
    enum Field: Int, CaseIterable { case name, territory, stage, budget, employer, needs }

    enum Problem: Sendable, Equatable {
        case unknownTerritory(String)
        case store(DossierError)
    }

    var field: Field = .name
    var name = TextField()
    var territoryText = TextField()
    /// The place chosen (the highlighted candidate when the field was left).
    var territory: Place? = nil
    var candidates: [Place] = []
    var candidateSelection = 0
    var stage: Stage? = nil
    var budget: BudgetBand? = nil
    var employer: EmployerStatus? = nil
    var needs: Set<SupportKind> = []
    var needSelection = 0
    var pending = false
    var problem: Problem? = nil
    /// Offers to add to the dossier once created (a self-assessment's, a pathway's).
    var thenAdd: [String] = []

    /// Leaving the territory field: the highlighted candidate becomes the territory, written out.
    mutating func settleTerritory(_ language: Language) {
        guard candidates.indices.contains(candidateSelection) else { return }
        territory = candidates[candidateSelection]
        territoryText.set(territory!.displayName(language))
        candidates = []
    }

    /// The next value of an optional choice (nil, then every case, then nil again).
    static func cycle<T: CaseIterable & Equatable>(_ value: T?, forward: Bool) -> T? {
        let all: [T?] = [nil] + T.allCases.map { Optional($0) }
        let at = all.firstIndex { $0 == value } ?? 0
        return all[(at + (forward ? 1 : all.count - 1)) % all.count]
    }
}

extension AppState {
    mutating func handleFormKey(_ key: Key, _ form: DossierForm) -> [Effect] {
        var f = form
        defer { if case .create = dossiers.dialog { dossiers.dialog = .create(f) } }
        let action = ScreenKeys.dossierForm.action(for: key)
        func go(_ delta: Int) {
            if f.field == .territory { f.settleTerritory(language) }
            let next = max(0, min(DossierForm.Field.allCases.count - 1, f.field.rawValue + delta))
            f.field = DossierForm.Field(rawValue: next)!
        }
        switch action {
        case .cancel:
            dossiers.dialog = nil
            return []
        case .create:
            return submitForm(&f)
        case .nextField: go(1)
        case .previousField: go(-1)
        case .up, .down:
            let up = action == .up
            switch f.field {
            case .territory where !f.candidates.isEmpty:
                // Among the places offered; past either end, to the next field.
                if up && f.candidateSelection == 0 { go(-1) } else if !up && f.candidateSelection == f.candidates.count - 1 { go(1) } else {
                    f.candidateSelection += up ? -1 : 1
                }
            case .needs:
                if up && f.needSelection == 0 { go(-1) } else if !up { f.needSelection = min(SupportKind.allCases.count - 1, f.needSelection + 1) } else {
                    f.needSelection -= 1
                }
            default:
                go(up ? -1 : 1)
            }
        case .previousChoice, .nextChoice, nil:
            let forward = action == .nextChoice
            switch f.field {
            case .name:
                _ = f.name.handle(key)
            case .territory:
                if f.territoryText.handle(key) == .changed {
                    f.territory = nil
                    f.candidates = Territories.candidates(for: f.territoryText.text)
                    f.candidateSelection = 0
                    if case .unknownTerritory = f.problem { f.problem = nil }
                }
            case .stage where action != nil: f.stage = DossierForm.cycle(f.stage, forward: forward)
            case .budget where action != nil: f.budget = DossierForm.cycle(f.budget, forward: forward)
            case .employer where action != nil: f.employer = DossierForm.cycle(f.employer, forward: forward)
            case .needs where key == .char(" "):
                let kind = SupportKind.allCases[f.needSelection]
                if f.needs.contains(kind) { f.needs.remove(kind) } else { f.needs.insert(kind) }
            default:
                break
            }
        }
        return []
    }

    /// Enter: the name must not be empty and a typed territory must be a place; then the store
    /// is asked (a name already taken comes back as an error shown in the form).
    mutating func submitForm(_ f: inout DossierForm) -> [Effect] {
        if f.field == .territory || !f.candidates.isEmpty { f.settleTerritory(language) }
        guard !f.name.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            f.problem = .store(.emptyName)
            f.field = .name
            return []
        }
        let typed = f.territoryText.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if f.territory == nil && !typed.isEmpty {
            f.problem = .unknownTerritory(typed)
            f.field = .territory
            return []
        }
        f.problem = nil
        f.pending = true
        let profile = DossierProfile(name: f.name.text, territory: typed.isEmpty ? nil : f.territory, stage: f.stage, budget: f.budget,
                                     employer: f.employer, needs: SupportKind.allCases.filter { f.needs.contains($0) })
        return [.createDossier(profile)]
    }

    func renderForm(_ f: DossierForm, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        let labels = [s.formName, s.formTerritory, s.formStage, s.formBudget, s.formEmployer, s.formNeeds]
        let labelWidth = labels.map { CellWidth.of(s.field($0)) }.max()! + 2
        let valueWidth = max(1, inner - labelWidth)
        var content: [StyledLine] = []
        var caretColumn: Int? = nil
        for field in DossierForm.Field.allCases {
            let focused = f.field == field && !f.pending
            let label = Segment(CellWidth.pad((focused ? "› " : "  ") + s.field(labels[field.rawValue]), to: labelWidth),
                                focused ? Palette.selected : Palette.key)
            var value: Segment
            func choice(_ text: String?) -> Segment {
                let shown = text ?? s.notStated
                return Segment(focused ? "‹ " + shown + " ›" : shown, text == nil ? Palette.muted : Palette.plain)
            }
            switch field {
            case .name, .territory:
                let visible = (field == .name ? f.name : f.territoryText).visible(width: valueWidth)
                value = Segment(visible.text, CellStyle(underline: true))
                if focused { caretColumn = labelWidth + visible.caretColumn }
            case .stage: value = choice(f.stage?.label(language))
            case .budget: value = choice(f.budget?.label(language))
            case .employer: value = choice(f.employer?.label(language))
            case .needs:
                let ticked = SupportKind.allCases.filter { f.needs.contains($0) }.map { $0.label(language) }
                value = ticked.isEmpty ? Segment(s.noNeed, Palette.muted) : Segment(CellWidth.truncate(ticked.joined(separator: ", "), to: valueWidth))
            }
            content.append(StyledLine([label, value]))
        }
        content.append(.blank)
        // Below the fields: the places offered, the needs to tick, or what the form is for.
        let room = max(0, dialogRoom(l) - content.count)
        var listLines: [StyledLine] = []
        var highlighted: Int? = nil
        if f.field == .territory && !f.candidates.isEmpty {
            for (n, place) in f.candidates.enumerated() {
                let count = s.offersCount(result.counts.count(.territory, place.code))
                let name = CellWidth.truncate(place.displayName(language), to: max(1, inner - 14))
                listLines.append(StyledLine([Segment("  " + CellWidth.pad(name, to: inner - 2 - CellWidth.of(count))), Segment(count, Palette.muted)]))
                if n == f.candidateSelection { highlighted = n }
            }
        } else if f.field == .territory, f.territoryText.text.trimmingCharacters(in: .whitespacesAndNewlines).count >= 2, f.territory == nil {
            listLines.append(StyledLine("  " + s.territoryNone, Palette.muted))
        } else if f.field == .needs {
            for (n, kind) in SupportKind.allCases.enumerated() {
                let on = f.needs.contains(kind)
                listLines.append(StyledLine([Segment(on ? "  [x] " : "  [ ] ", on ? Palette.checked : Palette.plain), Segment(kind.label(language), on ? Palette.checked : Palette.plain)]))
                if n == f.needSelection { highlighted = n }
            }
        } else {
            listLines = TextFit.lines(f.field == .territory ? s.territoryHelp : s.formHint, width: inner, maxLines: 3).map { StyledLine($0, Palette.muted) }
        }
        // The highlighted row stays in view.
        let top = highlighted.map { max(0, min($0 - room + 1, listLines.count - room)) }.map { max(0, $0) } ?? 0
        content += listLines.dropFirst(top).prefix(room)
        var message: [(String, CellStyle)] = dialogMessage(pending: f.pending, error: nil, width: inner)
        switch f.problem {
        case .unknownTerritory(let text): message = [(s.unknownTerritory(text), Palette.error)]
        case .store(let error): message = dialogMessage(pending: false, error: error, width: inner)
        case nil: break
        }
        guard let frame = drawDialog(title: s.formTitle, content: content, message: message,
                                     keys: TextFit.keys(ScreenKeys.dossierForm.hintPairs(language), width: inner), l, into: &grid) else { return }
        let listY = frame.contentY + DossierForm.Field.allCases.count + 1
        let fieldY = frame.contentY + f.field.rawValue
        grid.cursor = Position(fieldY, min(width - 1, frame.innerX + (caretColumn ?? 0)))
        if let highlighted, highlighted - top < room {
            grid.highlight(row: listY + highlighted - top, from: frame.innerX - 1, width: inner + 2)
            // Among the needs, the cursor is on the one Space ticks; typing a place, on the text.
            if f.field == .needs { grid.cursor = Position(listY + highlighted - top, frame.innerX) }
        }
    }
}
