import Glibc

/// A calendar date without time (`YYYY-MM-DD`), as written in the catalogue.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year), year >= 1000, year <= 9999 else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The Unix times of the first and last second of years 1000 to 9999, the years a `Day` has.
    public static let unixTimes: ClosedRange<Int64> = -30_610_224_000...253_402_300_799

    /// The UTC day of a Unix time (clamped to years 1000 to 9999: no time can trap).
    public init(unixTime: Int64) {
        let unixTime = min(max(unixTime, Day.unixTimes.lowerBound), Day.unixTimes.upperBound)
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = Int(unixTime >= 0 ? unixTime / 86400 : (unixTime - 86399) / 86400) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y; self.month = m; self.day = d
    }

    /// Today's date (UTC), from the system clock: what validation compares years with.
    public static func today() -> Day {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Day(unixTime: Int64(now.tv_sec))
    }

    /// What `SOURCE_DATE_EPOCH` says: nothing (unset or empty), a day, or a value that is not
    /// a count of seconds from 0 to 253402300799 (9999-12-31), which the reproducible-builds
    /// specification asks programs to refuse rather than guess.
    public enum Pinned: Equatable, Sendable {
        case unset
        case day(Day)
        case invalid(String)
    }

    public static func pinned(environment: [String: String]) -> Pinned {
        guard let raw = environment["SOURCE_DATE_EPOCH"], !raw.isEmpty else { return .unset }
        guard raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Int64(raw), seconds <= unixTimes.upperBound else {
            return .invalid(raw)
        }
        return .day(Day(unixTime: seconds))
    }

    /// The date printed in an export: `SOURCE_DATE_EPOCH` when it is set and valid (so outputs
    /// can be reproduced), else today. It pins only what is printed, never what is validated
    /// (the command line refuses an invalid value first: `GlobalOptions.printedDay`).
    public static func printed(environment: [String: String]) -> Day {
        if case .day(let day) = pinned(environment: environment) { return day }
        return today()
    }

    /// "26 novembre 2026" / "26 November 2026"; the first of the month is « 1er décembre ».
    public func long(_ language: Language) -> String {
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let d = Typography.dayOfMonth(day, language)
        return language == .fr ? "\(d) \(fr[month - 1]) \(year)" : "\(d) \(en[month - 1]) \(year)"
    }
}

