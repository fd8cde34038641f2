import CatalyseCore

extension AppState {
    /// Turns one event into a new state and the effects the program must perform. Pure: no
    /// I/O; the event loop has the effects performed and sends their outcomes back as events.
    public mutating func update(_ event: Event) -> [Effect] {
        let statusBefore = status
        let unavailableBefore = favouritesUnavailable
        var effects = apply(event)
        // A sheet opened however it was (the list, a firm's page, the mouse, a result screen)
        // clears the offer's « nouveau » / « modifié » mark.
        if screen == .sheet { effects += sheetSeen(sheetOffer) }
        effects += rememberCurrentDossier()
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
                if prompt == nil && export == nil && dossiers.dialog == nil, ScreenKeys.statusError.action(for: key) == .dismiss {
                    status = nil
                    return []
                }
            } else {
                status = nil
            }
            return handleKey(key)
        case .text(let text):
            return typeText(text)
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
        case .dossiersLoaded(let snapshot, let outcome):
            return dossiersLoaded(snapshot, outcome)
        case .dossierFailed(let error):
            return dossierFailed(error)
        case .copied(let target, let text):
            if status?.isError != true { status = StatusMessage(.notice(.copied(target, text: text))) }
            return []
        case .copyFailed(let reason):
            status = StatusMessage(.notice(.copyFailed(reason: reason)))
            return []
        case .searchHistoryLoaded(let entries):
            searchHistoryLoaded(entries)
            return []
        case .searchHistoryFailed(let error):
            searchHistoryFailed(error)
            return []
        case .newsLoaded(let loaded, let searches):
            return newsLoaded(loaded, searches: searches)
        case .savedSearchesChanged(let searches, let notice):
            news.searches = searches
            if let n = news.news { news.alerts = SearchAlert.alerts(searches, index: index, news: n) }
            status = StatusMessage(.news(notice))
            return []
        case .newsUnavailable(let error):
            return newsUnavailable(error)
        case .assessmentNotSaved(let failure):
            status = StatusMessage(.assessmentNotSaved(failure))
            return []
        }
    }

    // MARK: Keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.global.action(for: key) {
        case .quit: return [.quit]
        case .suspend: return [.suspend]
        case nil: break
        }
        if isTooSmall {
            // Nothing can be seen: only quitting is offered (the message says so).
            guard prompt == nil && export == nil && dossiers.dialog == nil, ScreenKeys.tooSmall.action(for: key) == .quit else { return [] }
            return [.quit]
        }
        if export != nil { return handleExportKey(key) }
        if dossiers.dialog != nil { return handleDossierDialogKey(key) }
        if let prompt {
            switch prompt {
            case .search(let search): return handleSearchKey(key, search)
            case .territory(let territory): return handleTerritoryKey(key, territory)
            case .firmSearch(let search): return handleFirmSearchKey(key, search)
            case .menu(let menu): return handleMenuKey(key, menu)
            }
        }
        // A question of the self-assessment reads its keys itself (a place is typed).
        if screen == .assessment { return handleAssessmentKey(key) }
        // A key that does nothing here says so, and where to look.
        if !ScreenKeys.table(screen).binds(key) {
            if status?.isError != true { status = StatusMessage(.notice(.unknownKey(key))) }
            return []
        }
        switch screen {
        case .list: return handleListKey(key)
        case .sheet: return handleSheetKey(key)
        case .filters: return handlePanelKey(key)
        case .help: return handleHelpKey(key)
        case .firms: return handleFirmsKey(key)
        case .firm: return handleFirmKey(key)
        case .dossiers: return handleDossiersKey(key)
        case .dossier: return handleDossierKey(key)
        case .dossierHistory: return handleDossierHistoryKey(key)
        case .map: return handleMapKey(key)
        case .mapDepartments: return handleMapDepartmentsKey(key)
        case .assessment: return handleAssessmentKey(key)
        case .assessmentResult: return handleAssessmentResultKey(key)
        case .pathway: return handlePathwayKey(key)
        }
    }

    /// Leaves the screen on top (never the list itself).
    mutating func goBack() {
        if stack.count > 1 { stack.removeLast() }
        clampAll()
    }

    /// `?`: the help, from any screen.
    mutating func openHelp() {
        stack.append(.help)
        helpScroll = 0
    }

    mutating func handleListKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.list.action(for: key) {
        case .move(let move):
            moveSelection(move)
        case .openSheet:
            openSheet()
            if screen == .sheet { return sheetSeen(sheetOffer) }
        case .newsOnly:
            toggleNewsOnly()
        case .markAllSeen:
            return markAllSeen()
        case .saveSearch:
            openSaveSearch()
        case .savedSearches:
            openSavedSearches()
        case .clearSearch:
            if !filter.query.isEmpty {
                var f = filter
                f.query = ""
                setFilter(f)
            }
        case .search:
            return openSearch()
        case .filters:
            stack.append(.filters)
            clampPanel()
        case .purpose:
            openPurposeMenu()
        case .territory:
            openTerritoryPrompt()
        case .clearAll:
            clearAllFilters()
        case .applySuggestion:
            applyFirstSuggestion()
        case .removeLastFilter:
            removeLastFilter()
        case .undo:
            return undoLast()
        case .copy:
            openCopyMenu(selectedOfferIndex)
        case .favourite:
            if let id = selectedID { return toggleFavourite(id) }
        case .favouritesOnly:
            if status?.isError == true { status = nil }
            favouritesOnly.toggle()
            requery()
        case .export:
            openExport()
        case .firms:
            stack.append(.firms)
            clampFirms()
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case .quit:
            return [.quit]
        case .dossiers:
            return openDossiers()
        case .addToDossier:
            return addToDossier(selectedListOffer, choosing: false)
        case .addToOtherDossier:
            return addToDossier(selectedListOffer, choosing: true)
        case .map:
            openMap()
        case .assessment:
            return openAssessment()
        case nil:
            break
        }
        return []
    }

    /// `a` on an empty list: the first suggestion of what would help (drop a filter, the
    /// search, the favourites-only view, or replace a word found nowhere).
    mutating func applyFirstSuggestion() {
        guard rowCount == 0, let first = emptyHelp?.suggestions.first else { return }
        if case .removeFavouritesOnly = first.change {
            favouritesOnly = false
            requery()
            return
        }
        var f = first.apply(to: filter)
        f.onlyIDs = nil
        setFilter(f, resetSelection: true)
    }

    mutating func moveSelection(_ move: Move) {
        clampList()
        list.move(move)
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

    /// Marks or unmarks a favourite. The change shows at once and is corrected by the store's
    /// reply (`favouritesLoaded`, or `favouritesFailed` which restores the confirmed list).
    mutating func toggleFavourite(_ id: String) -> [Effect] {
        if status?.isError == true { status = nil }
        var ids = favourites
        if let i = ids.firstIndex(of: id) {
            noteFavouriteRemoved(id)
            ids.remove(at: i)
        } else {
            ids.append(id)
        }
        setFavourites(ids)
        return [.toggleFavourite(id: id)]
    }

    mutating func switchLanguage() -> [Effect] {
        language = language == .fr ? .en : .fr
        refreshEmptyHelp()
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
        switch ScreenKeys.search.action(for: key) {
        case .keep:
            prompt = nil
            return keepSearch(filter.query)
        case .older, .newer:
            recallSearch(&search, older: ScreenKeys.search.action(for: key) == .older)
            prompt = .search(search)
        case .cancel:
            prompt = nil
            var f = filter
            f.query = search.previous
            setFilter(f, resetSelection: true)
        case .move(let move):
            moveSelection(move)
        case nil:
            if search.field.handle(key) == .changed {
                // Edited: the text is the user's own again (Ctrl-P starts from it).
                search.historyIndex = nil
                var f = filter
                f.query = search.field.text
                setFilter(f, resetSelection: true)
            }
            prompt = .search(search)
        }
        return []
    }

    // MARK: Sheet

    mutating func handleSheetKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.sheet.action(for: key) {
        case .scroll(let move):
            let l = layout
            let frame = sheetFrame(l)
            sheetScroll = move.scroll(sheetScroll, maxOffset: sheetMaxScroll(l), page: frame.height - 1)
        case .back:
            goBack()
        case .favourite:
            if let i = sheetOffer { return toggleFavourite(catalogue.offers[i].id) }
        case .undo:
            return undoLast()
        case .copy:
            openCopyMenu(sheetOffer)
        case .addToDossier:
            return addToDossier(sheetOffer, choosing: false)
        case .addToOtherDossier:
            return addToDossier(sheetOffer, choosing: true)
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        return []
    }

    // MARK: Help

    mutating func handleHelpKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.help.action(for: key) {
        case .scroll(let move):
            let l = layout
            helpScroll = move.scroll(helpScroll, maxOffset: helpMaxScroll(l), page: l.contentHeight - 1)
        case .back:
            goBack()
        case .language:
            return switchLanguage()
        case nil:
            break
        }
        return []
    }

    mutating func clampHelp(_ l: Layout? = nil) {
        helpScroll = max(0, min(helpScroll, helpMaxScroll(l ?? layout)))
    }
}
