// libFuzzer's entry point for a program that has its own main (tunewise-fuzz, built with
// -DFUZZING). The library itself is linked by building with -sanitize=fuzzer; see .ci/fuzz/run.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
