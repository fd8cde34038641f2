import Testing
@testable import CatalyseCore

/// The four XDG roots every store asks for its folder.
@Suite("Store paths")
struct StorePathsTests {
    @Test func absoluteVariablesWinAndRelativeOnesAreIgnored() {
        let p = StorePaths(environment: ["HOME": "/home/anne", "XDG_STATE_HOME": "/s", "XDG_DATA_HOME": "relative/data",
                                         "XDG_CACHE_HOME": "/c", "XDG_CONFIG_HOME": ""])
        #expect(p.state == "/s/catalyse")
        #expect(p.data == "/home/anne/.local/share/catalyse")
        #expect(p.cache == "/c/catalyse")
        #expect(p.config == "/home/anne/.config/catalyse")
    }

    @Test func defaultsAreUnderTheHomeFolder() {
        let p = StorePaths(environment: ["HOME": "/home/anne"])
        #expect(p == StorePaths(environment: ["HOME": "/home/anne", "XDG_STATE_HOME": "/home/anne/.local/state"]))
        #expect([p.state, p.data, p.cache, p.config] == ["/home/anne/.local/state/catalyse", "/home/anne/.local/share/catalyse",
                                                          "/home/anne/.cache/catalyse", "/home/anne/.config/catalyse"])
        #expect(FavouritesStore(environment: ["HOME": "/home/anne"]).path == "/home/anne/.local/state/catalyse/favourites")
        #expect(LanguagePreference(environment: ["HOME": "/home/anne"]).path == "/home/anne/.local/state/catalyse/language")
    }
}
