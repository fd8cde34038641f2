import CatalyseCore
@testable import CatalyseTUI

/// Golden screens of the self-assessment (`n`), its result and the pathway (`P`), on the small
/// fixture catalogue with the shipped questionnaire (appended to `GoldenCase.all`).
extension GoldenCase {
    /// Nord, « être mis en relation » and « revoir sa stratégie », everything else skipped.
    static let assessmentAnswers: [Event] = keys(.char("n")) + text("59")
        + keys(.enter, .enter, .enter, .enter, .down, .space, .enter, .down, .space, .enter)
        + keys(.enter, .enter, .enter, .enter, .enter, .enter)

    static let assessmentCases: [GoldenCase] = [
        // The place question while a place is typed: its candidates follow.
        GoldenCase("assessment-place") { _ in keys(.char("n")) + text("nor") },
        GoldenCase("assessment-unknown-place") { _ in keys(.char("n")) + text("zzz") + keys(.enter) },
        // A one-answer question, the third answer ticked.
        GoldenCase("assessment-one") { _ in keys(.char("n"), .enter, .down, .down, .space) },
        // A several-answer question, two ticked, the cursor on the second.
        GoldenCase("assessment-several") { _ in keys(.char("n"), .enter, .enter, .enter, .enter, .space, .down, .down, .space, .up) },
        GoldenCase("assessment-result") { _ in assessmentAnswers },
        // The second offer selected: its reasons below the list.
        GoldenCase("assessment-result-second") { _ in assessmentAnswers + keys(.down) },
        // Every question skipped in Corse-du-Sud with a need nothing covers there: no offer fits.
        GoldenCase("assessment-result-empty") { _ in
            keys(.char("n")) + text("2A") + keys(.enter, .enter, .enter, .enter, .char("4"), .enter)
                + keys(.char("4"), .enter, .enter, .enter, .enter, .enter, .enter, .enter)
        },
        GoldenCase("assessment-dossier-form") { _ in assessmentAnswers + keys(.char("d")) },
        // The pathway: one step (the other need is only offered by the same firm), what stays
        // uncovered, and where else to turn.
        GoldenCase("pathway") { _ in assessmentAnswers + keys(.char("P")) },
    ]
}

extension GoldenCase {
    static let pathwayCases: [GoldenCase] = [
        GoldenCase("pathway-export") { _ in assessmentAnswers + keys(.char("P"), .char("e")) },
        GoldenCase("dossier-pathway") { _ in jardins + keys(.char("P")) },
    ]
}
