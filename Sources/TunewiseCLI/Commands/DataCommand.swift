import TunewiseData
import TunewiseKit

/// `tunewise data`: what a training file holds (faults, duplicates, tokens, leakage into an
/// evaluation file, personal data), read as a stream in memory that grows by some 80 bytes an example.
struct DataCommand: TunewiseCommand, Equatable {
    let request: DataRequest

    static let spec = CommandSpec(
        name: "data", summary: "what a training file holds: faults, duplicates, tokens, leakage and personal data",
        usage: ["data FILE [--eval FILE] [options]"],
        discussion: HelpText.dataDiscussion, positionals: [.file], flags: DataRequest.flags,
        examples: [
            "tunewise data train.jsonl", "gunzip -c train.jsonl.gz | tunewise data -",
            "tunewise data train.jsonl --eval eval.jsonl \\\n  --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "tunewise data train.jsonl --format json --strict",
        ],
        action: .running(DataCommand.self), help: HelpText.data)

    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try DataRequest(arguments)
    }

    /// Files larger than this show progress on a terminal.
    static let lengthySize = 64 << 20

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let options = DataAnalyzer.Options(tokenLimit: request.tokenLimit)
        var trainingOptions = options
        trainingOptions.indexesPrompts = request.evalPath != nil
        let train = try Self.measure(request.path, options: trainingOptions, training: nil, console: &console)
        let eval = try request.evalPath.map { path throws(CommandError) in
            try Self.measure(path, flag: "--eval", options: options, training: train.index, console: &console)
        }
        let report = DataReport(
            train: DataReport.File(name: train.name, measurement: train.measurement),
            eval: eval.map { DataReport.File(name: $0.name, measurement: $0.measurement) }, toolVersion: Tunewise.version)
        try console.writeOutput(request.format.dataRenderer(width: TextStyle.width(in: console.environment)).render(report))
        guard request.strict else { return .success }
        // Both files are held to it: an evaluation file that cannot be read measures no leakage.
        let failures = ([train] + (eval.map { [$0] } ?? [])).compactMap(Self.strictFailure)
        guard !failures.isEmpty else { return .success }
        for failure in failures { console.writeError("tunewise: --strict: \(failure)\n") }
        return .dataError
    }

    /// What `--strict` fails a file for: an invalid line, or no valid example.
    private static func strictFailure(_ file: Measured) -> String? {
        let measurement = file.measurement
        var reasons: [String] = []
        if measurement.invalid > 0 { reasons.append("\(measurement.invalid) invalid \(measurement.invalid == 1 ? "line" : "lines")") }
        if measurement.valid == 0 { reasons.append("no valid example") }
        return reasons.isEmpty ? nil : "\(Tunewise.visible(file.name)) has \(reasons.joined(separator: " and "))"
    }

    /// A file measured, with the name it goes by and the index of its examples.
    struct Measured {
        var name: String
        var measurement: DataMeasurement
        var index: DataIndex
    }

    /// Reads the file at `path` (`-`: standard input), named by `flag` (`--eval`, `--data`;
    /// `nil` for the data command's own file), through an analyser, in chunks, with progress
    /// on a terminal for a large file.
    /// - Throws: ``CommandError/cannotRead(path:reason:)``, ``CommandError/compressedData(path:format:decompress:flag:)``
    ///   or ``CommandError/notJSONLines(path:reason:)``.
    static func measure(
        _ path: String, flag: String? = nil, options: DataAnalyzer.Options, training: DataIndex?, console: inout some Console
    ) throws(CommandError) -> Measured {
        let input = try console.openData(path)
        var analyzer = DataAnalyzer(options: options, training: training)
        let size = input.size ?? 0
        try console.withProgress("data: reading \(input.name)", isLengthy: size > lengthySize) { progress throws(CommandError) in
            // The input's start, kept until it is long enough to tell what kind of file it is
            // (a pipe may hand it over a few bytes at a time), or the input ends.
            var start: [UInt8]? = []
            var bytesRead = 0
            try analyzer.consume { buffer throws(CommandError) in
                let count = try input.readChunk(into: buffer)
                if var known = start {
                    known += buffer[..<min(count, DataFileKind.sniffedLength - known.count)]
                    start = known
                    if known.count == DataFileKind.sniffedLength || count == 0 {
                        if let kind = known.withUnsafeBufferPointer(DataFileKind.init(start:)) { throw kind.error(for: input.name, flag: flag) }
                        start = nil
                    }
                }
                bytesRead += count
                if size > 0 { progress(Double(bytesRead) / Double(size)) }
                return count
            }
        }
        let measurement = analyzer.finish()
        return Measured(name: input.name, measurement: measurement, index: analyzer.index)
    }
}

extension DataFileKind {
    /// The error for a file of this kind named `name`, given with `flag` (`nil`: the data
    /// command's own file).
    func error(for name: String, flag: String?) -> CommandError {
        switch self {
        case .compressed(let format, let decompress):
            .compressedData(path: name, format: format, decompress: decompress, flag: flag)
        case .notJSONLines(let reason): .notJSONLines(path: name, reason: reason)
        }
    }
}
