import Foundation
import Testing

/// Issue 23, class 7: odd environments. SOURCE_DATE_EPOCH only pins the printed date (never
/// the validation clock) and a value that is not a count of seconds is a usage error, never a
/// trap; an empty `--catalogue` is a usage error, not the built-in catalogue.
@Suite("Environment")
struct EnvironmentTests {
    static let invalid = ["-9223372036854775808", "9223372036854775807", "-1", "253402300800", "abc", "1e9", "+5", " 5"]

    @Test(arguments: invalid)
    func anInvalidSourceDateEpochIsAUsageErrorWhereADateIsPrinted(value: String) throws {
        let box = Sandbox()
        let env = ["SOURCE_DATE_EPOCH": value]
        let export = box.run(["export"], env: env)
        #expect(export.status == 64, "\(export.status) \(export.stderr)")
        #expect(export.stderr.hasPrefix(nb("catalyse : SOURCE_DATE_EPOCH doit être un nombre de secondes depuis le 1er janvier 1970, de 0 à 253402300799, et non « ")))
        #expect(export.stdout.isEmpty)
        #expect(box.run(["export"], env: env.merging(["LANG": "en_GB.UTF-8"]) { $1 }).stderr.hasPrefix("catalyse: SOURCE_DATE_EPOCH must be a number of seconds"))
        // Commands that print no date are not concerned, and none traps.
        for arguments in [["list"], ["validate"], ["firms"], ["show", "lanterne-boussole-diagnostic-strategique"], []] {
            #expect(box.run(arguments, env: env).status == 0, "\(arguments)")
        }
        // The interface refuses it before it takes the terminal.
        let t = try TmuxSession(sandbox: box, env: env)
        #expect(t.exitStatus() == 64)
        #expect(t.history.contains("SOURCE_DATE_EPOCH doit être"))
    }

    @Test func aValidSourceDateEpochPinsOnlyThePrintedDate() {
        let box = Sandbox()
        for (value, printed) in [("1577836800", "Exportée le 1er janvier 2020"), ("0", "Exportée le 1er janvier 1970"),
                                 ("253402300799", "Exportée le 31 décembre 9999"), ("", "Exportée le ")] {
            let env = ["SOURCE_DATE_EPOCH": value]
            // The shipped catalogue names years up to today: still valid with a 2020 or 1970 date.
            #expect(box.run(["validate"], env: env).status == 0, "\(value)")
            let r = box.run(["export"], env: env)
            #expect(r.status == 0 && r.stdout.contains(printed), "\(value): \(r.stderr)")
        }
    }

    @Test func anEmptyCatalogueNameIsAUsageError() {
        let box = Sandbox()
        // (`--catalogue=` is refused by the argument parser itself, in its own words.)
        #expect(box.run(["list", "--catalogue="]).status == 64)
        for arguments in [["list", "--catalogue", ""], ["--catalogue", ""], ["export", "--catalogue", ""],
                          ["validate", ""], ["compile", "", "-o", "x.catalyse"], ["firms", "--catalogue", ""]] {
            let r = box.run(arguments)
            #expect(r.status == 64, "\(arguments): \(r.status)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix(nb("catalyse : ")) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        #expect(box.run(["list", "--catalogue", ""], env: ["LANG": "en_GB.UTF-8"]).stderr
            == "catalyse: --catalogue takes a file name; without the option, the catalogue in effect is $CATALYSE_CATALOGUE or the built-in one.\n")
        // An empty variable is an unset one (as for every variable).
        #expect(box.run(["validate"], env: ["CATALYSE_CATALOGUE": ""]).stdout == nb("OK : 26 cabinets, 75 offres\n"))
    }
}
