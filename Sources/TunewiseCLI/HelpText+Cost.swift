import TunewiseKit

extension HelpText {
    /// `tunewise help cost`.
    static var cost: String {
        var text = """
            tunewise cost: what each strategy costs over time from your own numbers: \
            one-off, monthly and cumulative cost, the volume at which training pays back \
            against prompt engineering, and the month it does at your volume (or why it \
            never does). No price is built in: start from 'tunewise cost --template', whose \
            figures are examples to replace. A strategy whose numbers are missing is shown \
            as not costed.

            Options:
              --cost FILE               inputs as a JSON object (see --template); '-' reads \
            standard input; flags win over the file
              --data FILE               take the training tokens from a training file, \
            estimated as 'tunewise data' does (flags and --cost win, with a note)
              --template                print a starter inputs file and exit
              --transience static|periodic|frequent
                                        sets the retrain cadence: none, every 3 months, \
            every month (unless --retrain-every-months is given)
              --format FORMAT           \(formats(ReportFormat.self))
              --no-color                plain ASCII text (also when NO_COLOR is set or \
            TERM=dumb)

            Inputs, each a number (in a file, the key is the flag in camelCase: \
            --requests-per-day is "requestsPerDay"):

            """
        for field in CostField.allCases {
            text += "  \(field.flag) N\n      \(field.summary)\n"
        }
        text += """

            Prompt engineering needs --requests-per-day, --prompt-tokens, --output-tokens, \
            --input-price-per-million and --output-price-per-million. Fine-tuning and the \
            hybrid (a fine-tuned model that keeps retrieval) add the tuned model's tokens \
            and prices, the training tokens, epochs and price, data preparation hours, the \
            hourly rate and a retrain cadence. Prompt-tuning runs on a self-hosted model:
            it needs --hosting-per-month and --prompt-tuning-run-cost instead of the \
            training price. A month is 30 days; amounts are in the currency of your prices.

            Exit codes: 0 report written; 64 usage (unknown flag, a bad number in a flag, \
            missing inputs, named with their flags); 65 an inputs file that is not valid \
            JSON or holds a bad number; 66 a file that cannot be opened.

            Examples:
              tunewise cost --template > cost.json
              tunewise cost --cost cost.json
              tunewise cost --cost cost.json --requests-per-day 50000 \\
                --horizon-months 24
              tunewise cost --cost cost.json --format markdown \\
                >> "$GITHUB_STEP_SUMMARY"

            """
        return text
    }
}
