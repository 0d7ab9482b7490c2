/// Memory that frees itself when its last reference goes, so that nothing is freed by hand
/// and a copy of whatever holds it shares it rather than freeing it twice.
final class OwnedBuffer<Element> {
    /// The memory, valid for as long as this owner lives.
    let buffer: UnsafeMutableBufferPointer<Element>

    /// Memory holding a copy of `elements`.
    init(_ elements: [Element]) {
        buffer = .allocate(capacity: elements.count)
        _ = buffer.initialize(fromContentsOf: elements)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
