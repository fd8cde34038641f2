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

    @Test func departmentFilterMatchesItsRegionNationalAndRemote() {
        let nord = Place.department("59")
        #expect(Territories.matches(filter: nord, covered: [.department("59")], mode: .presentiel))
        #expect(Territories.matches(filter: nord, covered: [.region("32")], mode: .presentiel))
        #expect(Territories.matches(filter: nord, covered: [.national], mode: .presentiel))
        #expect(Territories.matches(filter: nord, covered: [.department("13")], mode: .aDistance))
        #expect(!Territories.matches(filter: nord, covered: [.department("62")], mode: .presentiel))
        #expect(!Territories.matches(filter: nord, covered: [.region("75")], mode: .mixte))  // R75 is not dept 75's
    }

    @Test func regionFilterMatchesItsDepartmentsNationalAndRemote() {
        let hdf = Place.region("32")
        #expect(Territories.matches(filter: hdf, covered: [.department("02")], mode: .presentiel))
        #expect(Territories.matches(filter: hdf, covered: [.region("32")], mode: .presentiel))
        #expect(Territories.matches(filter: hdf, covered: [.national], mode: .presentiel))
        #expect(Territories.matches(filter: hdf, covered: [.department("13")], mode: .aDistance))
        #expect(!Territories.matches(filter: hdf, covered: [.department("32")], mode: .presentiel))  // Gers is in Occitanie
        #expect(!Territories.matches(filter: .region("01"), covered: [.department("01")], mode: .presentiel))  // Ain is not Guadeloupe
    }

    @Test func nationalFilterMatchesWholeCountryOffers() {
        #expect(Territories.matches(filter: .national, covered: [.national], mode: .presentiel))
        #expect(!Territories.matches(filter: .national, covered: [.region("11")], mode: .presentiel))
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
