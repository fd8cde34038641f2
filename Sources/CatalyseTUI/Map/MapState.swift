import CatalyseCore

/// The map screen (`m`): the selected région and the scroll of its départements (`+`).
struct MapState: Sendable, Equatable {
    /// The selected région (INSEE code, without `R`).
    var region = "11"
    /// The départements of the selected région (`Screen.mapDepartments`).
    var departments = ScrollState(marksMore: true)
}

/// What the map does with keys and the mouse. The counts are the last query's facet counts
/// (`result.counts`): each région's is what the list would give with that région as the only
/// territory filter, so they follow every filter change and never need a query of their own.
extension AppState {
    /// Each région's count for the current filters, territory aside (`TileMap.regionCounts`).
    var mapCounts: [String: Int] { TileMap.regionCounts(result.counts) }

    /// The départements of the current territory filter.
    var mapFilterDepartments: Set<String> {
        Set(filter.territories.compactMap { if case .department(let code) = $0 { code } else { nil } })
    }

    /// The régions the current territory filter points to: each région filtered on, and the
    /// région of each département (marked ◆ on the map).
    var mapFilterRegions: Set<String> {
        Set(filter.territories.compactMap { place in
            switch place {
            case .region(let code): code
            case .department(let code): Territories.departmentByCode[code]?.region
            case .national: nil
            }
        })
    }

    /// The région the map opens on: that of the territory filter's first place.
    var mapFilterRegion: String? {
        switch filter.territories.first {
        case .region(let code): code
        case .department(let code): Territories.departmentByCode[code]?.region
        case .national, nil: nil
        }
    }

    /// `m`: the map, on the région of the territory filter (Île-de-France when there is none).
    mutating func openMap() {
        map.region = mapFilterRegion ?? "11"
        stack.append(.map)
    }

    mutating func handleMapKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.map.action(for: key) {
        case .move(let direction):
            if let next = TileMap.neighbour(of: map.region, direction) { map.region = next }
        case .apply:
            applyMapTerritory(.region(map.region))
        case .departments:
            openMapDepartments()
        case .filters:
            stack.append(.filters)
            clampPanel()
        case .purpose:
            openPurposeMenu()
        case .back:
            goBack()
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        return []
    }

    /// `+`: the selected région's départements, on the filtered one when it is there.
    mutating func openMapDepartments() {
        let departments = Territories.departments(ofRegion: map.region)
        let at = departments.firstIndex { mapFilterDepartments.contains($0.code) } ?? 0
        map.departments = ScrollState(marksMore: true)
        stack.append(.mapDepartments)
        map.departments.fit(count: departments.count, height: mapDepartmentsHeight(layout), selecting: at)
    }

    mutating func handleMapDepartmentsKey(_ key: Key) -> [Effect] {
        let departments = Territories.departments(ofRegion: map.region)
        switch ScreenKeys.mapDepartments.action(for: key) {
        case .move(let move):
            clampMap()
            map.departments.move(move, page: max(1, mapDepartmentsHeight(layout) - 1))
        case .apply:
            if departments.indices.contains(map.departments.selection) {
                applyMapTerritory(.department(departments[map.departments.selection].code))
            }
        case .back:
            goBack()
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        return []
    }

    /// Enter: the territory filter becomes this place alone, and the list comes back. `u` takes
    /// it back, as it takes back `x` and ⌫.
    mutating func applyMapTerritory(_ place: Place) {
        let before = filterState
        let order = undo.filterOrder
        var f = filter
        f.territories = [place]
        setFilter(f)
        if filterState != before { undo.push(.filters(before: before, order: order, after: filterState)) }
        while screen == .map || screen == .mapDepartments { stack.removeLast() }
        clampAll()
    }

    mutating func clampMap(_ l: Layout? = nil) {
        guard stack.contains(.mapDepartments) else { return }
        map.departments.fit(count: Territories.departments(ofRegion: map.region).count, height: mapDepartmentsHeight(l ?? layout))
    }

    // MARK: Mouse

    /// A click on a tile selects its région; a click on the selected one filters on it.
    mutating func mouseMap(_ action: MouseAction, row: Int, column: Int, _ l: Layout) {
        guard action == .press, let frame = mapFrame(l) else { return }
        guard let tile = TileMap.tiles.first(where: { frame.rect($0).contains(row: row, column: column) }) else { return }
        if tile.region == map.region {
            applyMapTerritory(.region(tile.region))
        } else {
            map.region = tile.region
        }
    }

    /// The départements: a click selects a row (a second click filters on it), the wheel scrolls.
    mutating func mouseMapDepartments(_ action: MouseAction, row: Int, _ l: Layout) {
        let departments = Territories.departments(ofRegion: map.region)
        clampMap(l)
        switch action {
        case .wheelUp, .wheelDown:
            map.departments.move(.by(action == .wheelUp ? -wheelStep : wheelStep), page: 1)
        case .press:
            let first = l.contentY + MapLayout.departmentsTop
            guard row >= first, row < first + mapDepartmentsHeight(l) else { return }
            let i = map.departments.offset + row - first
            guard departments.indices.contains(i) else { return }
            if i == map.departments.selection {
                applyMapTerritory(.department(departments[i].code))
            } else {
                map.departments.select(i)
            }
        }
    }
}
