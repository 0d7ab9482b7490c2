import Foundation
import Testing
import TunewiseKit

// More of the bad-input table that `refusesBadInputWithOneClearLine` runs: rubrics, flags
// and questionnaire input.

extension BinaryTests.EndToEndTests {
    /// Rubrics that parse but break the format's rules, each the default rubric with one change.
    static let badRubrics: [BadInput] = [
        BadInput(
            ["--rubric", "rubric-infinite.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-infinite.json is not valid JSON: line …: the number 1e999 at $.questions[0].weight is out of range; numbers must be finite"
        ),
        BadInput(
            ["rubric", "validate", "rubric-infinite.json"], nil, 65,
            "rubric-infinite.json: not valid JSON: line …: the number 1e999 at $.questions[0].weight is out of range", on: .firstOutput),
        BadInput(
            ["--rubric", "rubric-negative-weight.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-negative-weight.json is invalid (1 problem): $.questions[0].weight: must not be negative; found -1"),
        BadInput(
            ["rubric", "validate", "rubric-negative-weight.json"], nil, 65,
            "rubric-negative-weight.json: $.questions[0].weight: must not be negative; found -1", on: .firstOutput),
        BadInput(
            ["--rubric", "rubric-wrong-type.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-wrong-type.json is invalid (1 problem): $.schemaVersion: expected a finite number; found a string"),
        BadInput(
            ["rubric", "validate", "rubric-wrong-type.json"], nil, 65,
            "rubric-wrong-type.json: $.schemaVersion: expected a finite number; found a string", on: .firstOutput),
        // A rubric in the first format is refused: it has no `need` and its reasons do not say how they gate.
        BadInput(
            ["--rubric", "rubric-version-1.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-version-1.json is invalid (1 problem): $.schemaVersion: unsupported version 1; this tunewise reads version 2"
        ),
        BadInput(
            ["rubric", "validate", "rubric-version-1.json"], nil, 65,
            "rubric-version-1.json: $.schemaVersion: unsupported version 1; this tunewise reads version 2", on: .firstOutput),
        // `--why-not` and `--explain` are flags of advise, so no question may take their names.
        BadInput(
            ["--rubric", "rubric-why-not-question.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-why-not-question.json is invalid (1 problem): $.questions[19].id: \"why-not\" cannot be a question id: --why-not is already a flag of tunewise"
        ),
        BadInput(
            ["rubric", "validate", "rubric-explain-question.json"], nil, 65,
            "rubric-explain-question.json: $.questions[19].id: \"explain\" cannot be a question id: --explain is already a flag of tunewise",
            on: .firstOutput),
        BadInput(
            ["--rubric", "rubric-unknown-key.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-unknown-key.json is invalid (1 problem): $.colour: unknown key",
            allowed: "  allowed: $schema, schemaVersion, id,"),
        BadInput(
            ["rubric", "validate", "rubric-unknown-key.json"], nil, 65,
            "rubric-unknown-key.json: $.colour: unknown key; allowed: $schema, schemaVersion", on: .firstOutput),
        // Contradictory: the confidence margins, and exclusions that together leave no strategy.
        BadInput(
            ["--rubric", "rubric-confidence.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-confidence.json is invalid (1 problem): $.confidence: \"medium\" (2) must not exceed \"high\" (1)"),
        BadInput(
            ["--rubric", "rubric-no-strategy.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-no-strategy.json is invalid (1 problem): $.exclusions: together they exclude every strategy when data-volume=none"
        ),
        BadInput(
            ["rubric", "validate", "rubric-no-strategy.json"], nil, 65,
            "rubric-no-strategy.json: $.exclusions: together they exclude every strategy when data-volume=none", on: .firstOutput),
        // The same over every question: far too many combinations of answers to try one by one.
        BadInput(
            ["--rubric", "rubric-no-strategy-wide.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric rubric-no-strategy-wide.json is invalid (1 problem): $.exclusions: together they exclude every strategy when need=knowledge, data-volume=none, transience=static"
        ),
        BadInput(
            ["rubric", "validate", "rubric-no-strategy-wide.json"], nil, 65,
            "rubric-no-strategy-wide.json: $.exclusions: together they exclude every strategy when need=knowledge, data-volume=none, transience=static",
            on: .firstOutput),
    ]

    /// Flag values that are empty, repeated, or not a finite number >= 0 for `--weight`.
    static let badFlags: [BadInput] = [
        BadInput(lawFirmFlags + ["--format="], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
        BadInput(lawFirmFlags + ["--format", ""], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
        BadInput(["questions", "--format="], nil, 64, "tunewise: --format needs a value; allowed: text, json"),
        BadInput(lawFirmFlags + ["--answers", ""], nil, 64, "tunewise: --answers needs a value"),
        BadInput(lawFirmFlags + ["--rubric="], nil, 64, "tunewise: --rubric needs a value"),
        BadInput(lawFirmFlags + ["--save-answers", ""], nil, 64, "tunewise: --save-answers needs a value"),
        BadInput(
            lawFirmFlags + ["--expect="], nil, 64,
            "tunewise: --expect needs a value; allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
        BadInput(lawFirmFlags + ["--weight", ""], nil, 64, "tunewise: --weight needs a value"),
        BadInput(["--data-volume=", "--no-input"], nil, 64, "tunewise: --data-volume needs a value; allowed: none, few, hundreds, thousands"),
        BadInput(["--data-volume", "few", "--data-volume", "none"], nil, 64, "tunewise: --data-volume was given more than once; give it once"),
        BadInput(lawFirmFlags + ["--format", "json", "--format", "text"], nil, 64, "tunewise: --format was given more than once; give it once"),
        BadInput(
            lawFirmFlags + ["--answers", "a.json", "--answers", "b.json"], nil, 64, "tunewise: --answers was given more than once; give it once"),
        BadInput(
            lawFirmFlags + ["--weight", "budget=1", "--weight", "budget=2"], nil, 64,
            "tunewise: --weight budget was given more than once; give it once"),
        BadInput(["questions", "--format", "json", "--format", "text"], nil, 64, "tunewise: --format was given more than once; give it once"),
        BadInput(
            lawFirmFlags + ["--weight", "budget=nan"], nil, 64,
            "tunewise: invalid --weight 'budget=nan': a weight is a number from 0 to 1000000"),
        BadInput(
            lawFirmFlags + ["--weight", "budget=inf"], nil, 64,
            "tunewise: invalid --weight 'budget=inf': a weight is a number from 0 to 1000000"),
        BadInput(
            lawFirmFlags + ["--weight", "budget=-inf"], nil, 64, "tunewise: invalid --weight 'budget=-inf': a weight is a number from 0 to 1000000"),
        BadInput(
            lawFirmFlags + ["--weight", "budget=1e999"], nil, 64, "tunewise: invalid --weight 'budget=1e999': a weight is a number from 0 to 1000000"),
        BadInput(
            lawFirmFlags + ["--weight", "budget=-1"], nil, 64,
            "tunewise: invalid --weight 'budget=-1': a weight is a number from 0 to 1000000"),
        BadInput(lawFirmFlags + ["--weight", "budget="], nil, 64, "tunewise: invalid --weight 'budget=': '' is not a number"),
        BadInput(lawFirmFlags + ["--weight", "budget"], nil, 64, "tunewise: invalid --weight 'budget': no '='"),
        BadInput(lawFirmFlags + ["--weight", "=1"], nil, 64, "tunewise: invalid --weight '=1': no question id before '='"),
    ]

    /// End of input before the questionnaire is complete: 130, one last line, and nothing
    /// written, not even the answers asked to be saved.
    static let badQuestionnaires: [BadInput] = [
        BadInput(["--interactive"], "", 130, "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
        BadInput(
            ["--interactive", "--save-answers", "saved.json"], "knowledge\nfew\nstatic\n", 130,
            "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
        BadInput(
            ["--interactive", "--format", "json"], "lots\nmany\n", 130,
            "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
        // Every core question answered (seven), then input ends at the offer of refinements.
        BadInput(
            ["--interactive", "--save-answers", "saved.json"], "1\n1\n1\n1\n1\n1\n1\n", 130,
            "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
        BadInput(
            ["--interactive"], "1\n1\n1\n1\n1\n1\n1\ny\n", 130, "tunewise: the questionnaire ended before it was complete; nothing was written",
            on: .lastError),
    ]
}
