extension HelpText {
    /// The opening of `tunewise help cost`.
    static let costDiscussion = """
        tunewise cost: what each strategy costs over time from your own numbers: \
        one-off, monthly and cumulative cost, the volume at which training pays back \
        against prompt engineering, and the month it does at your volume (or why it \
        never does). No price is built in: start from 'tunewise cost --template', whose \
        figures are examples to replace. A comparison needs prompt engineering and at \
        least one trained strategy costed (the missing numbers are named); any other \
        strategy whose numbers are missing is shown as not costed. 'advise --cost' \
        prices the plan's stages as far as the numbers go, once prompt engineering, \
        the baseline, can be costed as the plan carries it out (the whole collection \
        in every prompt needs --collection-tokens).
        """

    /// The rest of `tunewise help cost`: the options, then the inputs in a section of their own.
    static func cost(_ context: HelpContext) -> String {
        let inputs = """
            Inputs, each a number (in a file, the key is the flag in camelCase: \
            --requests-per-day is "requestsPerDay"):
            """
        let needs = """
            Prompt engineering needs --requests-per-day, --prompt-tokens, --output-tokens, \
            --input-price-per-million and --output-price-per-million. Fine-tuning and the \
            hybrid (a fine-tuned model that keeps retrieval) add the tuned model's tokens \
            and prices, the training tokens, epochs and price, data preparation hours, the \
            hourly rate and a retrain cadence. Prompt-tuning runs on a self-hosted model:
            it needs --hosting-per-month and --prompt-tuning-run-cost instead of the \
            training price. A month is 30 days; amounts are in the currency of your prices.

            A tuned model keeps all the context tokens unless --tuned-context-tokens says \
            otherwise: training does not replace retrieved facts (a warning says so when \
            it is lower). The prompt cache (--cached-input-price-per-million, \
            --cache-hit-share) serves the fixed prompt and an in-context collection, never \
            retrieved context, and only a prefix as long as the provider caches \
            (--cache-minimum-tokens: 1,024 by default, the least that providers cache; some \
            models only from 2,048 or 4,096); --tuned-cached-input-price-per-million caches a tuned model's \
            alike. --prompt-build-hours (at --hourly-rate) builds the prompted \
            system every strategy starts from. With --hosting-capacity-per-day, hosting is paid in whole units \
            of --hosting-per-month, as many as the volume needs, and the break-even volume \
            is searched over those steps. --batch-discount takes a share off the token \
            prices of requests, not the training price. --collection-tokens and the distilled prices count in 'advise --cost' \
            when the advice puts the whole collection in context or distils. A base model you \
            host yourself has no token price: give its GPUs' cost per million tokens served as \
            the base model's prices, so that a student that replaces those GPUs is compared \
            with what they cost.

            Exit codes: 0 report written; 64 usage (unknown flag, a bad number in a flag, \
            missing inputs, named with their flags); 65 an inputs file that is not valid \
            JSON or holds a bad number; 66 a file that cannot be opened.
            """
        return context.options + "\n" + inputs + "\n" + stackedLines(FlagSpec.costInputs) + "\n" + needs + "\n\n" + context.examples
    }
}
