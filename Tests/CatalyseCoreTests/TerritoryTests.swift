import Testing
@testable import CatalyseCore

@Suite("Territories: notation, matching rules, what people type")
struct TerritoryTests {
    @Test func tableHasEighteenRegionsAndOneHundredOneDepartments() {
        #expect(Territories.regionCodes.count == 18)
        #expect(Territories.departments.count == 101)
        #expect(Territories.departmentByCode["2A"]?.region == "94")
        #expect(Territories.departmentByCode["971"]?.region == "01")
    }

    @Test func notation() {
        #expect(Place(code: "R32") == .region("32"))
        #expect(Place(code: "r11") == .region("11"))
        #expect(Place(code: "75") == .department("75"))
        #expect(Place(code: "2a") == .department("2A"))
        #expect(Place(code: "971") == .department("971"))
        #expect(Place(code: "national") == .national)
        #expect(Place(code: "R99") == nil)
        #expect(Place(code: "20") == nil)
        #expect(Place(code: "1") == nil)  // "01" only
        #expect(Place.region("75").code == "R75")
        #expect(Place.department("75").name(.fr) == "Paris")
        #expect(Place.region("75").name(.fr) == "Nouvelle-Aquitaine")
    }

    @Test func departmentFilterMatchesItsRegionAndNational() {
        let nord = Place.department("59")
        #expect(Territories.matches(filter: nord, covered: [.department("59")]))
        #expect(Territories.matches(filter: nord, covered: [.region("32")]))
        #expect(Territories.matches(filter: nord, covered: [.national]))
        #expect(!Territories.matches(filter: nord, covered: [.department("62")]))
        #expect(!Territories.matches(filter: nord, covered: [.region("75")]))  // R75 is not dept 75's
        #expect(!Territories.matches(filter: nord, covered: [.region("28")]))  // Normandie, however it is delivered
    }

    @Test func regionFilterMatchesItsDepartmentsAndNational() {
        let hdf = Place.region("32")
        #expect(Territories.matches(filter: hdf, covered: [.department("02")]))
        #expect(Territories.matches(filter: hdf, covered: [.region("32")]))
        #expect(Territories.matches(filter: hdf, covered: [.national]))
        #expect(!Territories.matches(filter: hdf, covered: [.department("13")]))
        #expect(!Territories.matches(filter: hdf, covered: [.department("32")]))  // Gers is in Occitanie
        #expect(!Territories.matches(filter: .region("01"), covered: [.department("01")]))  // Ain is not Guadeloupe
    }

    @Test func nationalFilterMatchesWholeCountryOffers() {
        #expect(Territories.matches(filter: .national, covered: [.national]))
        #expect(!Territories.matches(filter: .national, covered: [.region("11")]))
    }

    /// The rule of `domain.md`: the mode never widens coverage. On the shipped catalogue, a
    /// Corse association is not shown the Antillean relay, nor one in the Nord the Normandy coaching.
    @Test func aRemoteOfferServesOnlyTheTerritoriesItLists() throws {
        let index = SearchIndex(catalogue: Fixtures.shipped)
        func ids(_ place: Place) -> Set<String> {
            var f = OfferFilter()
            f.territories = [place]
            return Set(index.run(f).offers.map { index.catalogue.offers[$0].id })
        }
        let corse = ids(.department("2A")), nord = ids(.department("59")), martinique = ids(.department("972"))
        #expect(!corse.contains("vetiver-et-compagnie-relais-antilles"))
        #expect(martinique.contains("vetiver-et-compagnie-relais-antilles"))
        #expect(!nord.contains("bocage-strategies-presidence"))
        #expect(ids(.region("28")).contains("bocage-strategies-presidence"))
        // A remote offer for everyone says `national`, and is found everywhere.
        for place in [Place.department("2A"), .department("59"), .region("01")] {
            #expect(ids(place).contains("semaphore-des-possibles-coaching-distance"))
        }
        for offer in index.catalogue.offers where offer.mode == .aDistance {
            for place in Territories.allPlaces {
                #expect(ids(place).contains(offer.id) == Territories.matches(filter: place, covered: offer.territories), "\(offer.id) \(place.code)")
            }
        }
    }

    @Test func aRegionWithOneDepartmentIsNamedOnce() {
        #expect(Territories.soleDepartment(ofRegion: "01") == "971")
        #expect(Territories.soleDepartment(ofRegion: "94") == nil)  // Corse has two
        #expect(Territories.displayNames([.region("01"), .department("971")], .fr) == ["Guadeloupe (971)"])
        #expect(Territories.displayNames([.region("01")], .fr) == ["Guadeloupe (R01)"])
        #expect(Territories.displayNames([.region("32"), .department("59")], .fr) == ["Hauts-de-France (R32)", "Nord (59)"])
        #expect(Territories.displayNames([.national], .en) == ["Whole country"])
    }

    @Test(arguments: [("59000", "59"), ("75011", "75"), ("20000", "2A"), ("20199", "2A"), ("20200", "2B"), ("20699", "2B"),
                      ("97100", "971"), ("97400", "974"), ("97600", "976"), ("01000", "01")])
    func postalCodes(postal: String, department: String) {
        #expect(Territories.department(forPostalCode: postal) == department)
    }

    @Test func invalidPostalCodes() {
        #expect(Territories.department(forPostalCode: "97500") == nil)
        #expect(Territories.department(forPostalCode: "20700") == nil)
        #expect(Territories.department(forPostalCode: "5900") == nil)
        #expect(Territories.department(forPostalCode: "00100") == nil)
    }

    @Test func resolvingNames() {
        #expect(Territories.resolve("hauts de france") == .place(.region("32")))
        #expect(Territories.resolve("reunion") == .place(.department("974")))  // shared name: the département
        #expect(Territories.resolve("cote d'or") == .place(.department("21")))
        #expect(Territories.resolve("loire") == .place(.department("42")))  // exact name wins
        #expect(Territories.resolve("ÎLE-DE-FRANCE") == .place(.region("11")))
        #expect(Territories.resolve("59000") == .place(.department("59")))
        #expect(Territories.resolve("R32") == .place(.region("32")))
        #expect(Territories.resolve("nowhere") == .unknown)
        guard case .ambiguous(let places) = Territories.resolve("hauts de") else {
            Issue.record("hauts de should be ambiguous")
            return
        }
        #expect(places.contains(.region("32")) && places.contains(.department("92")))
    }

    @Test func promptCandidatesPutExactCodesFirst() {
        let c = Territories.candidates(for: "75")
        #expect(Array(c.prefix(2)) == [.department("75"), .region("75")])
        #expect(Territories.candidates(for: "reunion").first == .department("974"))
        #expect(Territories.candidates(for: "59000").first == .department("59"))
        let hauts = Territories.candidates(for: "hauts de")
        #expect(hauts.prefix(2).contains(.region("32")))
        #expect(Territories.candidates(for: "").isEmpty)
    }
}
