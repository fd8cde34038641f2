import CatalyseCore

extension AppState {
    /// Turns one event into a new state and the effects the program must perform. Pure: no
    /// I/O; the runner performs the effects and sends their outcome back as events.
    public mutating func update(_ event: Event) -> [Effect] {
        let statusBefore = status
        let unavailableBefore = favouritesUnavailable
        let effects = apply(event)
        // The footer and the filters line take more or fewer rows: keep every view in range.
        if status != statusBefore || favouritesUnavailable != unavailableBefore { clampAll() }
        return effects
    }

    private mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            if status?.isError == true {
                // An error stays until it is dismissed (Esc, when no prompt is open) or the
                // favourites are acted on (`toggleFavourite`, `F`).
                if key == .escape && prompt == nil && export == nil {
                    status = nil
                    return []
                }
            } else {
                status = nil
            }
            return handleKey(key)
        case .mouse(let action, let row, let column):
            if action == .press, status?.isError != true { status = nil }
            return handleMouse(action, row: row, column: column)
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            clampAll()
            return []
        case .favouritesLoaded(let ids):
            confirmedFavourites = ids
            favouritesUnavailable = false
            setFavourites(ids)
            return []
        case .favouritesFailed(let error):
            // The optimistic change did not happen: show the favourites as they are.
            setFavourites(confirmedFavourites)
            status = StatusMessage(.favouritesNotSaved(error))
            return []
        case .favouritesUnreadable(let error):
            favouritesUnavailable = true
            status = StatusMessage(.favouritesUnreadable(error))
            return []
        case .exportWritten(let path):
            return exportWritten(path: path)
        case .exportFailed(let failure):
            return exportFailed(failure)
        }
    }

    // MARK: Keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        switch key {
        case .ctrl("c"), .ctrl("C"): return [.quit]
        case .ctrl("z"), .ctrl("Z"): return [.suspend]
        default: break
        }
        if isTooSmall {
            // Nothing can be seen: only quitting is offered (the message says so).
            return key == .char("q") && prompt == nil && export == nil ? [.quit] : []
        }
        if export != nil { return handleExportKey(key) }
        if let prompt {
            switch prompt {
            case .search(let search): return handleSearchKey(key, search)
            case .territory(let territory): return handleTerritoryKey(key, territory)
            }
        }
        // Keys that act the same on every screen.
        switch key {
        case .char("?"):
            if screen == .help { goBack() } else { stack.append(.help); helpScroll = 0 }
            return []
        case .char("L"):
            return switchLanguage()
        default:
            break
        }
        switch screen {
        case .list: return handleListKey(key)
        case .sheet: return handleSheetKey(key)
        case .filters: return handlePanelKey(key)
        case .help: return handleHelpKey(key)
        case .firms: return handleFirmsKey(key)
        case .firm: return handleFirmKey(key)
        }
    }

    /// Leaves the screen on top (never the list itself).
    mutating func goBack() {
        if stack.count > 1 { stack.removeLast() }
        clampAll()
    }

    mutating func handleListKey(_ key: Key) -> [Effect] {
        if let move = Move(screenKey: key) {
            moveSelection(move)
            return []
        }
        switch key {
        case .enter:
            openSheet()
        case .escape:
            if !filter.query.isEmpty {
                var f = filter
                f.query = ""
                setFilter(f)
            }
        case .char("/"):
            prompt = .search(SearchPrompt(field: TextField(filter.query), previous: filter.query))
        case .char("f"):
            stack.append(.filters)
            clampPanel()
        case .char("p"):
            cyclePurpose()
        case .char("t"):
            openTerritoryPrompt()
        case .char("x"):
            clearEverything()
        case .char(" "):
            if let id = selectedID { return toggleFavourite(id) }
        case .char("F"):
            if status?.isError == true { status = nil }
            favouritesOnly.toggle()
            requery()
        case .char("e"):
            openExport()
        case .char("b"):
            stack.append(.firms)
            clampFirms()
        case .char("q"):
            return [.quit]
        default:
            break
        }
        return []
    }

    mutating func moveSelection(_ move: Move) {
        selection = move.apply(to: selection, count: rowCount, page: layout.listHeight - 1)
        clampList()
    }

    /// Opens (or, beside the list, focuses) the selected offer's sheet.
    mutating func openSheet() {
        guard selection < rowCount else { return }
        switch row(selection) {
        case .offer(let i):
            sheetOffer = i
            sheetScroll = 0
            stack.append(.sheet)
        case .missing:
            status = StatusMessage(.missingOfferCannotOpen)
        }
    }

    /// `p`: all → opérationnelle → stratégique → all.
    mutating func cyclePurpose() {
        var f = filter
        switch f.purposes {
        case [.operationnelle]: f.purposes = [.strategique]
        case [.strategique]: f.purposes = []
        default: f.purposes = [.operationnelle]
        }
        setFilter(f)
    }

    /// Marks or unmarks a favourite. The change shows at once and is corrected by the store's
    /// reply (`favouritesLoaded`, or `favouritesFailed` which restores the confirmed list).
    mutating func toggleFavourite(_ id: String) -> [Effect] {
        if status?.isError == true { status = nil }
        var ids = favourites
        if let i = ids.firstIndex(of: id) { ids.remove(at: i) } else { ids.append(id) }
        setFavourites(ids)
        return [.toggleFavourite(id: id)]
    }

    mutating func switchLanguage() -> [Effect] {
        language = language == .fr ? .en : .fr
        clampAll()
        if languageLocked {
            status = StatusMessage(.languageLocked)
            return []
        }
        return [.saveLanguage(language)]
    }

    // MARK: Search prompt

    mutating func handleSearchKey(_ key: Key, _ search: SearchPrompt) -> [Effect] {
        var search = search
        switch key {
        case .enter:
            prompt = nil
            return []
        case .escape:
            prompt = nil
            var f = filter
            f.query = search.previous
            setFilter(f, resetSelection: true)
            return []
        default:
            break
        }
        if let move = Move(promptKey: key) {
            moveSelection(move)
            return []
        }
        if search.field.handle(key) == .changed {
            var f = filter
            f.query = search.field.text
            setFilter(f, resetSelection: true)
        }
        prompt = .search(search)
        return []
    }

    // MARK: Sheet

    mutating func handleSheetKey(_ key: Key) -> [Effect] {
        if let move = Move(screenKey: key) {
            let frame = sheetFrame
            sheetScroll = move.scroll(sheetScroll, maxOffset: sheetMaxScroll, page: frame.height - 1)
            return []
        }
        switch key {
        case .escape, .char("q"):
            goBack()
        case .char(" "):
            if let i = sheetOffer { return toggleFavourite(catalogue.offers[i].id) }
        default:
            break
        }
        return []
    }

    // MARK: Help

    mutating func handleHelpKey(_ key: Key) -> [Effect] {
        if let move = Move(screenKey: key) {
            helpScroll = move.scroll(helpScroll, maxOffset: helpMaxScroll, page: layout.contentHeight - 1)
            return []
        }
        switch key {
        case .escape, .char("q"): goBack()
        default: break
        }
        return []
    }

    mutating func clampHelp() {
        helpScroll = max(0, min(helpScroll, helpMaxScroll))
    }
}
