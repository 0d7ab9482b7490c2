/// Told how far a long computation has got: the fraction done, from 0 to 1, never less than
/// the last one told. Called on the computing thread, at most every few thousand steps, so
/// a front end can draw progress without slowing the work.
public typealias ProgressHandler = (_ fractionDone: Double) -> Void

/// A handler that maps part `part` of `count` equal parts onto the whole: a fraction `f` of
/// that part becomes `(part + f) / count`; `nil` when `handler` is.
func progressHandler(_ handler: ProgressHandler?, part: Int, of count: Int) -> ProgressHandler? {
    guard let handler, count > 0 else { return nil }
    return { fraction in handler((Double(part) + min(max(fraction, 0), 1)) / Double(count)) }
}
