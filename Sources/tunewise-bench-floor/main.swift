// The yardstick for `tunewise-bench`: the least a Swift program can do. It imports nothing
// and prints one line, so its run time is process start, the Swift runtime and one write.
print("floor")
