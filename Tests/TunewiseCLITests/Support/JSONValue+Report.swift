import TunewiseKit

extension JSONValue {
    /// The `recommendation.risks` of an advice report, in order; empty when it has none.
    var risks: [JSONValue] {
        guard case .array(let risks)? = self["recommendation"]?["risks"] else { return [] }
        return risks
    }

    /// The text of a risk (or any object's `text`), or `nil`.
    var text: String? {
        guard case .string(let text)? = self["text"] else { return nil }
        return text
    }
}
