import Foundation
import Testing

extension BinaryTests.DataCommandTests {
    /// Compressed bytes piped in are to be decompressed in the pipe itself.
    @Test func compressedStandardInputIsDecompressedInThePipe() throws {
        let folder = try directory(["train.jsonl.gz": [0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0, count: 20)])
        let outcome = try Binary.run(
            ["-c", "\"$0\" data - < train.jsonl.gz", Binary.url.path], directory: folder, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(outcome.code == 65)
        #expect(
            outcome.errorText.hasPrefix(
                "tunewise: standard input is gzip-compressed; decompress it in the pipe: gunzip -c FILE | tunewise data -"))
    }

    /// A pipe may hand the start over a byte at a time: the kind is told from the start as a
    /// whole, not from the first read.
    @Test func compressedBytesArrivingSlowlyAreStillFound() throws {
        let folder = try directory(["train.jsonl.gz": [0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0, count: 20)])
        let outcome = try Binary.run(
            ["-c", "(head -c 1 train.jsonl.gz; sleep 0.3; tail -c +2 train.jsonl.gz) | \"$0\" data -", Binary.url.path], directory: folder,
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(outcome.code == 65)
        #expect(outcome.errorText.hasPrefix("tunewise: standard input is gzip-compressed"), "\(outcome.errorText)")
    }

    /// A file name with control characters cannot recolour the terminal through the report.
    @Test func controlCharactersInAFileNameAreShownAsEscapes() throws {
        let name = "x\u{1B}[31mred.jsonl"
        let folder = try directory([name: lines(Self.valid)])
        for arguments in [
            ["data", name],
            [
                "advise", "--data", name, "--need", "behavior", "--transience", "static", "--governance", "open",
                "--budget", "moderate", "--time-to-market", "months", "--consistency", "important", "--no-input",
            ],
        ] {
            let outcome = try Binary.run(arguments, directory: folder)
            #expect(outcome.code == 0, "\(outcome.stderr)")
            #expect(!outcome.stdout.contains("\u{1B}"))
            #expect(outcome.stdout.contains("x\\u{1B}[31mred.jsonl"), "\(outcome.stdout)")
        }
    }

    @Test(arguments: [
        (["data", "missing.jsonl"], Int32(66), "tunewise: cannot read missing.jsonl: No such file or directory"),
        (["data", "folder"], 66, "tunewise: cannot read folder: it is a directory; give a .jsonl file"),
        (["data", "train.jsonl.gz"], 65, "tunewise: train.jsonl.gz is gzip-compressed; pipe it in: gunzip -c train.jsonl.gz | tunewise data -"),
        (["data", "model.bin"], 65, "tunewise: model.bin is not text (it holds NUL bytes); tunewise data reads UTF-8 JSON Lines"),
        (
            ["data", "a.jsonl", "--eval", "train.jsonl.gz"], 65,
            "tunewise: train.jsonl.gz is gzip-compressed; give it decompressed: --eval <(gunzip -c train.jsonl.gz)"
        ),
        (
            ["cost", "--data", "train.jsonl.gz"], 65,
            "tunewise: train.jsonl.gz is gzip-compressed; give it decompressed: --data <(gunzip -c train.jsonl.gz)"
        ),
        (
            ["data", "array.json"], 65,
            "tunewise: array.json is one JSON array, not JSON Lines (one example a line); convert it: jq -c '.[]' array.json > array.converted.jsonl"
        ),
        (
            ["data", "utf16.jsonl"], 65,
            "tunewise: utf16.jsonl is UTF-16; convert it to UTF-8 first: iconv -f UTF-16 -t UTF-8 utf16.jsonl > utf16.converted.jsonl"
        ),
        (
            ["data", "pretty.jsonl"], 65,
            "tunewise: pretty.jsonl is JSON written over several lines, not JSON Lines; convert it: jq -c . pretty.jsonl > pretty.converted.jsonl"
        ),
        (["data"], 64, "tunewise: 'data' needs a training file (.jsonl), or '-' for standard input"),
        (["data", "a.jsonl", "b.jsonl"], 64, "tunewise: unknown argument to 'data' 'b.jsonl'"),
        (["data", "a.jsonl", "--token-limit", "0"], 64, "tunewise: invalid value '0' for --token-limit"),
        (["data", "a.jsonl", "--strictly"], 64, "tunewise: unknown flag '--strictly'"),
    ])
    func refusesBadInputInOneLine(arguments: [String], code: Int32, message: String) throws {
        let folder = try directory([
            "train.jsonl.gz": [0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0, count: 20), "model.bin": [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1],
            "a.jsonl": lines(Self.valid), "array.json": Array("[\n  {\"messages\": []}\n]\n".utf8),
            "utf16.jsonl": [0xFF, 0xFE] + Array("{".utf8).flatMap { [$0, 0] },
            "pretty.jsonl": Array("{\n  \"messages\": []\n}\n".utf8),
        ])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let outcome = try Binary.run(arguments, directory: folder)
        #expect(outcome.code == code)
        #expect(outcome.errorText.hasPrefix(message))
        #expect(outcome.outputText.isEmpty)
    }
}
