import Foundation
import Glibc

/// Timing and process helpers for the benchmark.
enum Measure {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Milliseconds taken by `body`.
    /// The value of `body` and the milliseconds it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (value: T, ms: Double) {
        let start = now()
        let value = try body()
        return (value, Double(now() - start) / 1e6)
    }

    static func ms(_ body: () -> Void) -> Double {
        let start = now()
        body()
        return Double(now() - start) / 1e6
    }

    /// Milliseconds of this thread's processor time taken by `body` (what a loaded, shared
    /// machine's other processes do not add to, unlike the wall time).
    static func cpuMs(_ body: () -> Void) -> Double {
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
        }
        let start = cpu()
        body()
        return cpu() - start
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank))]
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    struct ProcessRun {
        var milliseconds: Double
        var maxRSSMiB: Double
        var status: Int32
    }

    /// Runs a program with stdin from `input` (or /dev/null) and stdout/stderr to /dev/null;
    /// wall time and peak resident memory (from wait4).
    /// GNU time, when installed, measures a child's peak memory truthfully: a child spawned
    /// straight from this (large) process would report this process's peak as its own, since
    /// Linux carries the peak across exec.
    static let gnuTime: String? = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    static func run(_ argv: [String], input: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProcessRun {
        let memoryFile = NSTemporaryDirectory() + "catalyse-bench-rss-\(getpid())"
        defer { unlink(memoryFile) }
        let argv = gnuTime.map { [$0, "-f", "%M", "-o", memoryFile] + argv } ?? argv
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        // Output goes to a real file, not /dev/null: GNU grep stops at the first match when its
        // output is /dev/null, which would make it look a thousand times faster than it is.
        let outputFile = NSTemporaryDirectory() + "catalyse-bench-out-\(getpid())"
        defer { unlink(outputFile) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let args = argv.map { strdup($0) } + [nil]
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { args.forEach { free($0) }; env.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        guard posix_spawnp(&pid, argv[0], &actions, &attributes, args, env) == 0 else { return ProcessRun(milliseconds: .nan, maxRSSMiB: .nan, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = Double(now() - start) / 1e6
        var kib = Double(usage.ru_maxrss)
        if gnuTime != nil, let text = try? String(contentsOfFile: memoryFile, encoding: .utf8),
           let value = text.split(separator: "\n").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            kib = value
        }
        return ProcessRun(milliseconds: elapsed, maxRSSMiB: kib / 1024, status: (status >> 8) & 0xFF)
    }

    /// Median time and the largest peak memory over `runs` runs.
    static func runs(_ count: Int, _ argv: [String], input: String? = nil) -> (ms: Double, mib: Double, status: Int32) {
        var times: [Double] = []
        var peak = 0.0
        var status: Int32 = 0
        for _ in 0..<count {
            let r = run(argv, input: input)
            times.append(r.milliseconds)
            peak = max(peak, r.maxRSSMiB)
            status = r.status
        }
        return (median(times), peak, status)
    }

    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func freeDiskBytes(_ path: String) -> UInt64 {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return 0 }
        return UInt64(s.f_bavail) * UInt64(s.f_frsize)
    }

    static func peakRSSMiBOfSelf() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
