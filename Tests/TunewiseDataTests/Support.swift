import TunewiseData

/// The measurement of `text`, fed in chunks of `chunkSize` bytes (all at once when `nil`).
func measure(
    _ text: String, chunkSize: Int? = nil, options: DataAnalyzer.Options = .init(), training: DataIndex? = nil
) -> DataMeasurement {
    measure(Array(text.utf8), chunkSize: chunkSize, options: options, training: training)
}

/// The measurement of `bytes`, fed in chunks of `chunkSize` bytes (all at once when `nil`).
func measure(
    _ bytes: [UInt8], chunkSize: Int? = nil, options: DataAnalyzer.Options = .init(), training: DataIndex? = nil
) -> DataMeasurement {
    var analyzer = DataAnalyzer(options: options, training: training)
    let size = max(1, chunkSize ?? bytes.count)
    var start = 0
    while start < bytes.count {
        analyzer.consume(Array(bytes[start..<min(bytes.count, start + size)]))
        start += size
    }
    return analyzer.finish()
}

/// The index of the valid examples of `text`.
func index(of text: String, options: DataAnalyzer.Options = .init()) -> DataIndex {
    var analyzer = DataAnalyzer(options: options)
    analyzer.consume(Array(text.utf8))
    _ = analyzer.finish()
    return analyzer.index
}

/// A valid chat line: a user turn and an assistant answer.
func chat(_ user: String, _ assistant: String) -> String {
    #"{"messages": [{"role": "user", "content": "\#(user)"}, {"role": "assistant", "content": "\#(assistant)"}]}"#
}

/// Ten distinct valid chat lines with enough words for near-duplicate checks.
let sentences = [
    "How do I reset the router firmware after the outage last night in our region",
    "Please refund the premium invoice for order four because the shipment never arrived",
    "What dosage does the patient take when the warranty claim is still open today",
    "Our tenant quota was exceeded and the latency spiked across every single region",
    "Cancel the contract clause about late delivery before the customer signs it again",
    "Explain why the account policy blocks a serial number that looks completely valid",
    "The ticket about the delayed parcel was closed without any answer from support staff",
    "Summarise the meeting notes about budget planning for the next financial quarter please",
    "Translate this short greeting into formal German for a letter to a new client",
    "Write a polite reminder that the library books are due back on Friday morning",
]
