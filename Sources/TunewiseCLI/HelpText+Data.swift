import TunewiseData

extension HelpText {
    /// The opening of `tunewise help data`.
    static let dataDiscussion = """
        tunewise data: what a training file really holds, read as a stream at any size, in \
        memory that grows by some 80 bytes an example however long it is: valid and invalid examples, each fault with its first lines, duplicates \
        and near-duplicates, conversation structure, token counts, personal data, outputs, \
        leakage into an evaluation file, and the answers it implies for 'tunewise advise'.
        """

    /// The rest of `tunewise help data`.
    static func data(_ context: HelpContext) -> String {
        context.usage + "\n" + context.options + "\n" + dataDetails + "\n" + context.examples
    }

    private static let dataDetails = """
        One example a line, in UTF-8: chat {"messages": [{"role", "content"}…]}, \
        prompt-completion {"prompt", "completion"}, or preference, either \
        {"input": {"messages"}, "preferred_output", "non_preferred_output"} or \
        {"prompt", "chosen", "rejected"} (an "instruction" and "input" in place of the prompt \
        are read as it); the format is detected, 'mixed' when lines differ. A chat that ends with \
        the user's turn, or a prompt with no completion, beside a field named reference, \
        reference_answer, ideal, expected_output, ground_truth, correct_label, solution, answer \
        or target (or a few like them) that is not empty, is a prompt for a grader, as OpenAI's \
        reinforcement fine-tuning and TRL's GRPO read it: valid, and training-signal is graders \
        when such prompts are most of the examples. An assistant's reasoning given beside its content (reasoning_content, reasoning or thinking) is \
        read as part of its answer. Blank lines, a byte-order mark and CRLF line ends are fine. '-' reads \
        standard input.

        Faults, each invalid line counted once under the first in this order: not-json (text \
        that is not UTF-8 included, and nesting deeper than \
        \(JSONLineScannerLimits.depth) levels), not-an-object, missing-messages, \
        message-missing-role, unknown-role (roles: system, developer, user, assistant, tool), \
        missing-content, content-not-text, no-assistant-message; and line-too-long, a line \
        over \(DataAnalyzer.Options().lineByteLimit >> 20) MiB, which is skipped. Lines in the \
        ShareGPT, Alpaca, Gemini ("contents") or older Vertex AI ("input_text") layout, with \
        the older "function" role, or of raw text for pre-training ("text"), which are not \
        read, are named with what to write instead. A "label" of true or false beside an example (KTO's \
        rating of one answer) is counted, and the answers rated false are pointed out, as they \
        are read as demonstrations.

        Duplicates say what an earlier example says: the same texts in the same roles, the \
        same tool calls (function and arguments, not the calls' ids) and, for a prompt a \
        grader scores, the same reference, however the lines are \
        written (key order, the JSON's spacing, escapes, other fields such as ids); the texts \
        themselves must match exactly, so a copy with a trailing space, non-breaking spaces or \
        another Unicode normal form is not a duplicate, nor always a near-duplicate. Reversed pairs are preference pairs that swap the answers of an \
        earlier pair with the same prompt. Near-duplicates nearly repeat an earlier example: MinHash sketches of their \
        word triples agree in at least \(MinHashSignature.matchingBins) of \
        \(MinHashSignature.binCount) bins. The line is soft: two examples sharing 70% of their \
        triples (of both examples' triples together) are flagged about half the time, 80% nine \
        times in ten, 50% a few times in a hundred; one word changed in thirty is found about \
        96% of the time. System and developer messages are left out, as many examples share \
        them; an instruction repeated in every user turn is not, and makes examples alike. \
        Examples with images or audio are counted and not compared, as their words alone may \
        be alike. \
        Examples of fewer than \(DataAnalyzer.nearDuplicateMinimumWords) words are not \
        compared (in Chinese, Japanese and Thai each character counts as a word). Structure warnings \
        leave an example valid: roles-out-of-order, trailing-user-turn, empty-assistant, and \
        chosen-equals-rejected (a preference pair whose two answers say the same), \
        no-trained-turn (every assistant message has a "weight" of 0, so OpenAI's training \
        learns nothing from it), invalid-weight (a weight other than 0 or 1, or on a message \
        that is not the assistant's), invalid-tool-call (a call whose "arguments" are not a \
        string holding a JSON object, or a tool message without a "tool_call_id"), as OpenAI \
        refuses those; unfinished-reasoning (an output that opens with <think> and \
        never closes it, or has nothing after its last </think>: a teacher's output cut off; \
        an output's JSON and labels are judged after its </think>); and conflicting-label (an \
        output of one short line, a label, that differs from the label an earlier example gave \
        the same prompt, looked for while the outputs are a set of at most 64 labels: a \
        model cannot learn both, so settle which is right).

        Tokens are estimated, not counted by a tokenizer: words, digits, punctuation and \
        scripts, fitted to cl100k, with 4 tokens a message and 3 for the reply; tool calls and \
        the tools offered (also in a preference pair's "input") at three quarters of their \
        JSON as written, as BPE joins its punctuation, and images and audio not at all. Against \
        cl100k, totals come within 5% on English chat and prose; on other languages and on \
        code the error depends on the text, up to about 30%: samples measured 2–27% under on \
        German, French, Russian, Chinese and Japanese (a few a little over), within 10% on \
        Arabic and Hebrew news text, and 15–30% over on code (measured by the script in the repository's .ci/token-estimate). Count with the provider's tokenizer before \
        relying on a limit outside English. Outputs: the share that are JSON, those that hold \
        JSON inside a code fence or with words around it, those that start as JSON but do \
        not parse (cut off or malformed), and, when outputs are a few short one-line texts given three or more times each on average, how often \
        each occurs (labels, a classifier's balance), with a note on labels written more than \
        one way (in case, spaces at either end, a final full stop, or -, _ and a space between \
        words) and, in a file of 100 outputs or more, on labels with fewer than 20 examples \
        (too few to learn or to test on a held-out split). \
        Personal data (e-mail addresses, phone numbers, card numbers that pass the Luhn \
        check, IBANs, US social security numbers, public IPv4 addresses: private ranges and netmasks \
        are not a person's) and secrets (API keys and \
        tokens in the shapes of OpenAI, Anthropic, AWS, GitHub, Slack, Google and Stripe, JSON \
        Web Tokens, private keys, passwords in URLs) are hints, counted by the examples that \
        hold them; when any is found, answer the governance question with care. Names, \
        addresses and other countries' ids are not looked for.

        Answers: data-volume from the unique valid examples, near-duplicates counted as unique (0 none, under 100 few, under \
        1,000 hundreds, else thousands); training-signal from the format (chat and \
        prompt-completion demonstrations, preference comparisons, prompts for a grader graders); a file with lines but no \
        example read answers neither. 'tunewise advise --data FILE' and 'tunewise cost \
        --data FILE' use the same measurement. The reports list the first 10 lines of each \
        finding (near-duplicate pairs: the first 5; "kept" in JSON says so); counts are exact.

        Exit codes: 0 the files were read, whatever they hold; 65 a file that is compressed, \
        not text, UTF-16 or one JSON array, and with --strict a file (training or --eval) with \
        an invalid line or no valid example; 66 a file that cannot be opened; 64 usage.

        """
}
