import Foundation

/// The self-assessment's answers kept in the state folder (`autodiagnostic.yaml`) so that the
/// questionnaire resumes where it was left (Esc): an answers file with `current:`, the
/// question it was on. Read with `InputFile` (a link, a FIFO or a device in its place counts as
/// no progress), written with `AtomicFile`. A file this questionnaire cannot read (answers
/// that are no longer in it) counts as no progress: the questionnaire starts again.
public struct AssessmentProgress: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        path = StorePaths(environment: environment).state + "/autodiagnostic.yaml"
    }

    public init(path: String) { self.path = path }

    public func load(_ questionnaire: Questionnaire) -> AssessmentAnswers? {
        guard case .success(let bytes) = InputFile.read(path, limit: 1 << 20, links: .refuse) else { return nil }
        return try? AssessmentAnswers.read(bytes, file: path, questionnaire: questionnaire, allowCurrent: true)
    }

    /// Saves the answers; the failure, if any (the interface says it once).
    public func save(_ contents: String) -> AtomicFile.WriteError? {
        let directory = FilePath.folder(of: path)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return AtomicFile.WriteError(path: path, problem: .missingFolder(directory))
        }
        if case .failure(let e) = AtomicFile.write(Array(contents.utf8), to: path, overwrite: true) { return e }
        return nil
    }
}
