import Testing
import TunewiseData

struct TextTests {
    @Test(arguments: [
        ("Write to jane.doe+tag@example.co.uk today", PersonalDataKind.email),
        ("Call +44 20 7946 0958 after five", .phone),
        ("Call (555) 123-4567 ext 9 or 555.123.4567", .phone),
        // A number whose first group is not a year stays a phone number.
        ("Call 5551-12-34 567 now", .phone),
        ("Card 4111 1111 1111 1111 expires soon", .cardNumber),
        ("Card 5500-0000-0000-0004", .cardNumber),
        ("Pay to GB82 WEST 1234 5698 7654 32 please", .iban),
        ("SSN 078-05-1120 on file", .ssn),
        ("The server at 81.2.69.160 is down", .ipAddress),
        ("Write to mailto:ann@example.org", .email),
        ("Use key sk-proj-4f9TzQ2xLm8Rk1VbN7cW3eYh then retry", .secret),
        ("export AWS_ACCESS_KEY_ID=AKIA4QWERTY7UIOPZXCV", .secret),
        ("HF_TOKEN=hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", .secret),
        ("post to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", .secret),
        ("cache at redis://:p4ssw0rdXYZ@cache.internal:6379", .secret),
        ("token ghp_16C7e42F292c6912E7710c838347Ae178B4a for CI", .secret),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", .secret),
        ("-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiJjRazXBZ1BjP5CE", .secret),
        ("DATABASE_URL=postgres://app:s3cret@db/prod", .secret),
        ("key AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", .secret),
    ])
    func findsPersonalData(text: String, kind: PersonalDataKind) {
        let measurement = measure([chat("hello there", "fine"), chat(text, "ok")].joined(separator: "\n"))
        #expect(measurement.personalData[kind] == Tally(count: 1, lines: [2]))
        #expect(measurement.personalData.total == 1)
    }

    @Test(arguments: [
        "Card 4111 1111 1111 1112 fails the Luhn check", "Order 1234567890123 shipped", "Version 1.2.3.4.5 and 300.1.1.1",
        "Pay to GB82 WEST 1234 5698 7654 33 please", "An @ alone, a@b and user@localhost", "Total 1234567.89 dollars",
        // Found by fuzzing: a dotted run followed by a letter once read past its digits.
        "e(10.0.0.1f +0 (5*55) 1",
        // A log's timestamps and a book's ISBN are not phone numbers.
        "2024-03-01 14:00:07 ERROR disk full; 1999-12-31 23:59 ok", "See ISBN 978-3-16-148410-0 for details",
        // An ISBN-13 that also passes the Luhn check is not a card number.
        "Catalogue ISBN 9780000000040 and 978 0000 000040",
        // Prefixes without a key after them, and long words that are not keys.
        "Ask for the sk-short form or the task-based plan", "the AKIA prefix and ghp_ alone", "https://example.com/path:8080",
        "Configuration2024ForProductionServers and eyJ.alone.here",
        // Versions and builds are not addresses or phone numbers.
        "Upgrade to version 10.2.0.4 today", "Build: 22.04.3.1 ships", "Windows 10.0.19045.3803 is patched",
        // Private addresses and netmasks, assets, remotes and URLs' users, never-issued SSNs,
        // AWS's documented example key and placeholders.
        "Router 192.168.1.10 mask 255.255.255.0 and 10.0.0.12", "Use logo@2x.png here", "git clone git@github.com:org/repo.git",
        "Open https://user@github.com/org/repo", "SSN 000-12-3456 is a test", "Key AKIAIOSFODNN7EXAMPLE from the docs",
        "DATABASE_URL=postgres://user:${DB_PASSWORD}@db/prod", "Try user:password@localhost",
    ])
    func ignoresLookalikes(text: String) {
        #expect(measure(chat(text, "ok")).personalData.total == 0)
    }

    @Test func estimatesTokensOfEnglishNearAWordEach() {
        // cl100k: 24 tokens of content; 4 a message and 3 for the reply make 35.
        let measurement = measure(chat("How do I reset my router after a power cut?", "Hold the reset button for ten seconds, then wait."))
        #expect(abs(measurement.tokens.total - 35) <= 3)
    }

    @Test func summarisesTokenCountsAndTheLimit() {
        let lines = (1...20).map { count in chat(String(repeating: "word ", count: count * 10), "ok") }
        let measurement = measure(lines.joined(separator: "\n"), options: .init(tokenLimit: 150))
        let tokens = measurement.tokens
        #expect(tokens.median > 100 && tokens.median < tokens.p95 && tokens.p95 <= tokens.max)
        #expect(tokens.overLimit == lines.count - (1...20).filter { $0 * 10 + 12 <= 150 }.count)
        #expect(tokens.limit == 150)
    }

    @Test func reportsJSONOutputsAndLabelBalance() {
        let labels = ["billing", "billing", "billing", "shipping", "shipping", "other", "billing", "shipping", "other", "billing"]
        let lines = zip(sentences, labels).map { chat($0, $1) } + [chat("Give the intent", #"{\"intent\": \"refund\"}"#)]
        let outputs = measure(lines.joined(separator: "\n")).outputs
        #expect(outputs.outputs == 11)
        #expect(outputs.jsonOutputs == 1)
        #expect(outputs.labels.map(\.text) == ["billing", "shipping", "other"])
        #expect(outputs.labels.map(\.count) == [5, 3, 2])
    }

    @Test func freeTextOutputsHaveNoLabelBalance() {
        #expect(measure(sentences.map { chat("Say it", $0) }.joined(separator: "\n")).outputs.labels.isEmpty)
    }

    @Test func warnsAboutConversationStructure() {
        let lines = [
            #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}]}"#,
            #"{"messages": [{"role": "assistant", "content": "b"}, {"role": "user", "content": "a"}, {"role": "assistant", "content": "c"}]}"#,
            #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "  "}]}"#,
            #"{"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "a"}, {"role": "assistant", "content": "t"}, {"role": "tool", "content": "42"}, {"role": "assistant", "content": "b"}]}"#,
            #"{"prompt": "p", "completion": ""}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 5)
        #expect(measurement.structure[.trailingUserTurn] == Tally(count: 1, lines: [1]))
        #expect(measurement.structure[.rolesOutOfOrder] == Tally(count: 1, lines: [2]))
        #expect(measurement.structure[.emptyAssistant] == Tally(count: 2, lines: [3, 5]))
        #expect(measurement.structure[.chosenEqualsRejected].count == 0)
    }

    @Test func anEmptyAnswerOnEitherSideOfAPreferencePairIsWarnedAbout() {
        let lines = [
            #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "  "}"#,
            #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"role": "assistant", "content": "Hey"}], "non_preferred_output": [{"role": "assistant", "content": ""}]}"#,
            #"{"prompt": "Say hi", "chosen": "", "rejected": "Go."}"#,
            #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Go."}"#,
        ]
        #expect(measure(lines.joined(separator: "\n")).structure[.emptyAssistant] == Tally(count: 3, lines: [1, 2, 3]))
    }

    @Test func warnsAboutPreferencePairsWhoseAnswersAreTheSame() {
        let lines = [
            #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Hello!"}"#,
            #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Hello?"}"#,
            // Escapes decoded: the same text written two ways.
            #"{"prompt": "Say hi", "chosen": "caf\u00e9", "rejected": "café"}"#,
            #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"role": "assistant", "content": "Hey"}], "non_preferred_output": [{"role": "assistant", "content": "Hey"}]}"#,
            #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"role": "assistant", "content": "Hey"}], "non_preferred_output": [{"role": "assistant", "content": "Hey"}, {"role": "assistant", "content": "you"}]}"#,
            // An answer as a string is the assistant's, as one in a message list is.
            #"{"prompt": "hi", "chosen": "Go", "rejected": [{"role": "assistant", "content": "Go"}]}"#,
            // The prompt may repeat an answer; only the two answers are compared.
            #"{"prompt": "Hello!", "chosen": "Hello!", "rejected": "Bye."}"#,
            // Spacing alone does not make the answers differ.
            #"{"prompt": "Say hi", "chosen": "Hello there.  How are you?", "rejected": " Hello there.\nHow are you? "}"#,
            #"{"prompt": "Say hi", "chosen": "Hello there.", "rejected": "Hellothere."}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 9)
        #expect(measurement.structure[.chosenEqualsRejected] == Tally(count: 5, lines: [1, 3, 4, 6, 8]))
    }

    @Test func aLineLongerThanTheBudgetIsAFaultAndTheNextLinesAreRead() {
        let huge = chat(String(repeating: "long words here ", count: 10_000), "ok")
        let text = [chat("a", "b"), huge, chat("c", "d")].joined(separator: "\n")
        let options = DataAnalyzer.Options(lineByteLimit: 4096)
        for chunkSize in [nil, 1000, 5000] {
            let measurement = measure(text, chunkSize: chunkSize, options: options)
            #expect(measurement.faults[.lineTooLong] == Tally(count: 1, lines: [2]))
            #expect(measurement.valid == 2)
        }
    }

    @Test func aSingleHugeLineWithinTheBudgetIsRead() {
        let huge = chat(String(repeating: "many words in one message ", count: 200_000), "ok")
        let measurement = measure(huge, chunkSize: 1 << 16)
        #expect(measurement.valid == 1)
        #expect(measurement.tokens.max > 1_000_000)
        #expect(measurement.tokens.overLimit == 1)
    }
}
