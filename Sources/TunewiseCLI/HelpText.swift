import TunewiseKit

/// The text of `--help` and `tunewise help COMMAND`.
enum HelpText {
    static let topics = ["advise", "questions", "sweep", "cost", "rubric", "diff", "completions", "init", "data"]

    /// The values of a `--format` flag as the help lists them, from the format enum (at least
    /// two cases, the first the default): `text (default), json or markdown`.
    static func formats<Format: RawRepresentable & CaseIterable>(_: Format.Type) -> String where Format.RawValue == String {
        var names = Format.allCases.map(\.rawValue)
        names[0] += " (default)"
        let last = names.removeLast()
        return names.joined(separator: ", ") + " or " + last
    }

    static func text(for topic: String?, rubric: Rubric) -> String {
        switch topic {
        case "questions": return questions
        case "sweep": return sweep
        case "cost": return cost
        case "rubric": return rubricHelp
        case "completions": return completions
        case "diff": return diff
        case "advise": return advise(rubric)
        case "init": return initHelp
        case "data": return data
        default: return overview + "\n" + advise(rubric)
        }
    }

    private static let overview = """
        tunewise - should you prompt, prompt-tune or fine-tune your LLM?

        Asks what the model must gain (knowledge or behaviour), how many labelled examples you \
        have, how often your knowledge changes, governance, budget, time to market and \
        consistency; scores the answers against a rubric drawn from published guidance; and \
        recommends prompt engineering, prompt-tuning, PEFT/fine-tuning or a hybrid as a staged \
        plan, with the limits that decided it, reasons, sources, caveats, an evaluation plan and \
        what would change the advice.

        Usage:
          tunewise [advise] [--QUESTION-ID OPTION-ID ...] [options]
          tunewise questions [--format \(QuestionsFormat.allCases.map(\.rawValue).joined(separator: "|"))] [--rubric FILE]
          tunewise sweep [--include QUESTION-ID ... | --all] [--fix QUESTION-ID=OPTION-ID ...]
                         [--map QUESTION-ID,QUESTION-ID] [options]
          tunewise cost [--cost FILE] [--requests-per-day N] [--horizon-months N] [options]
          tunewise cost --template > cost.json
          tunewise rubric validate FILE...
          tunewise rubric check [FILE]
          tunewise diff A.json B.json [--rubric FILE] [--rubric-b FILE] [--format FORMAT]
                        [--exit-code]
          tunewise completions bash|zsh|fish [--rubric FILE]
          tunewise init [FILE] [--force]
          tunewise data FILE [--eval FILE] [--format FORMAT] [--strict]
          tunewise help [advise|questions|sweep|cost|rubric|diff|completions|init|data]
          tunewise help --man | man -l -
          tunewise --version

        """

    private static func advise(_ rubric: Rubric) -> String {
        var text = """
            tunewise advise: recommend a strategy. In a terminal it asks for whatever the flags \
            and files leave unanswered; otherwise every core question needs an answer.

            Options:
              --QUESTION-ID OPTION-ID   answer one question (also --QUESTION-ID=OPTION-ID)
              --answers FILE            answers as a JSON object {"question-id": "option-id"}; \
            '-' reads standard input; flags win over the file
              --save-answers FILE       write the final answers to FILE (atomically)
              --rubric FILE             use a rubric other than the built-in one \
            (rubric and answers files: UTF-8 JSON, at most \(InputFile.sizeLimit >> 20) MiB)
              --weight QUESTION-ID=N    override one question's weight (0 to \(JSONWriter.format(Rubric.numberLimit))); repeatable
              --format FORMAT           \(formats(AdviseFormat.self)) (one line)
              --expect STRATEGY-ID      exit 1 when the advice differs (for CI gates)
              --why-not STRATEGY-ID     print only why that strategy is not the advice
              --explain                 every reason and every change that would alter the advice
              --cost FILE               add the cost of the plan over time from your own numbers \
            (a 'tunewise cost' inputs file, '-' for standard input; \
            every 'tunewise cost' flag works here too)
              --data FILE               measure a training file ('tunewise data') and answer \
            data-volume and training-signal from it; flags and --answers win, with a note
              --no-input                never ask; missing core answers are an error
              --interactive             ask even when standard input is not a terminal
              --no-color                plain text (also when NO_COLOR is set or TERM=dumb)
              -h, --help                show this help
              --version                 show the version

            Strategies: \(Contract.strategyIDs.joined(separator: ", "))


            """
        for (heading, isCore) in [("Core questions (required):", true), ("Refinements (optional; unanswered means unknown):", false)] {
            text += heading + "\n"
            let questions = rubric.questions.filter { $0.isCore == isCore }
            let width = (questions.map(\.id.count).max() ?? 0) + 2
            for question in questions {
                let flag = "--\(question.id)".padded(to: width + 2)
                text += "  \(flag)  \(question.options.map(\.id).joined(separator: " | "))\n"
            }
            text += "\n"
        }
        text += """
            Exit codes:
              0    advice given (and --expect, if any, matched)
              1    --expect did not match
              64   usage: unknown command, flag, question or option; missing answers with no terminal
              65   bad data: a rubric or answers file that is not valid JSON or breaks the rubric
              66   an input file that cannot be opened
              73   an output file that cannot be written
              130  the questionnaire was interrupted or reached end of input

            Examples:
              tunewise
              tunewise --need behavior --data-volume thousands \\
                --transience static --governance confidential \\
                --budget substantial --time-to-market months \\
                --consistency critical --no-input
              tunewise --need knowledge --data-volume none \\
                --transience periodic --governance open \\
                --budget moderate --time-to-market weeks \\
                --consistency important --no-input \\
                --why-not fine-tuning
              tunewise --answers answers.json --format markdown \\
                >> "$GITHUB_STEP_SUMMARY"
              tunewise --answers answers.json --format json \\
                --expect prompt-engineering

            """
        return text
    }

    private static let questions = """
        tunewise questions: list the rubric's questions, their options and help.

        Options:
          --format FORMAT   \(formats(QuestionsFormat.self)), for scripts that build forms
          --rubric FILE     list a rubric other than the built-in one

        """

    private static let sweep = """
        tunewise sweep: the advice over every combination of answers. Reports how many \
        situations lead to each strategy, the questions that decide most often (how often \
        changing that one answer changes the advice), the share of each strategy for each \
        answer, and with --map the winning strategy for each pair of answers to two questions.

        By default the six core questions are varied and the refinements stay unanswered; a \
        varied refinement takes each of its options and unanswered.

        Options:
          --include QUESTION-ID     vary a refinement too; repeatable
          --all                     vary every question of the rubric; for the built-in \
        one, hundreds of millions of situations (a while)
          --fix QUESTION-ID=OPTION-ID
                                    hold one answer fixed; repeatable
          --map ROW-ID,COLUMN-ID    the winner for each pair of answers to two questions, \
        over the other varied questions (with its share when \
        it does not win them all)
          --rubric FILE             sweep a rubric other than the built-in one
          --weight QUESTION-ID=N    override one question's weight (0 to \(JSONWriter.format(Rubric.numberLimit))); repeatable
          --format FORMAT           \(formats(SweepFormat.self))
          --no-color                plain text (also when NO_COLOR is set or TERM=dumb)

        CSV: a header row, then one row per varied question and answer:
          question,answer,situations,prompt-engineering,prompt-tuning,fine-tuning,hybrid
        With --map, one row per map cell instead, its two answers first:
          ROW-ID,COLUMN-ID,situations,prompt-engineering,...,hybrid,winner
        Counts are situations; an unanswered refinement's answer is empty.

        Exit codes: 0 swept; 64 usage (unknown question or option, a question both fixed \
        and varied); 65 a rubric file that is not valid; 66 a file that cannot be opened.

        Examples:
          tunewise sweep
          tunewise sweep --map data-volume,transience \\
            --format markdown
          tunewise sweep --include model-access \\
            --fix budget=minimal --format json
          tunewise sweep --all --format csv > sweep.csv

        """

    private static let rubricHelp = """
        tunewise rubric validate FILE...: check rubric files and report every problem with \
        its JSON path. 'default' names the built-in rubric. Exit 0 when all are valid, 65 when \
        any is invalid, 66 when a file cannot be opened.

        tunewise rubric check [FILE]: check how a valid rubric behaves over every situation \
        (every question, each refinement answered or not), for CI. It finds questions whose \
        answer never changes the advice, options that exclude every strategy, strategies that \
        never win, exclusions that the advice overrides, declared properties that break, and \
        rank reversals (removing a strategy that lost changes the winner). No FILE or \
        'default' checks the built-in rubric. Exit 0 with a one-line 'clean' summary; 65 with \
        one 'FILE: finding' line per finding on standard output and a summary on standard \
        error, or when the file is not a valid rubric; 66 when it cannot be opened.

        """
}
