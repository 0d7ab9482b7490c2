import TunewiseKit

extension JSONValue {
    /// This value with `change` applied to the value at `path`, a list of object keys and array indices.
    func changing(_ path: [String], _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard let step = path.first else { return change(self) }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var members):
            let index = members.firstIndex { $0.key == step }!
            members[index].value = members[index].value.changing(rest, change)
            return .object(members)
        case .array(var elements):
            let index = Int(step)!
            elements[index] = elements[index].changing(rest, change)
            return .array(elements)
        default:
            preconditionFailure("no \(step) in \(kindDescription)")
        }
    }

    /// This array with `element` added at the end.
    func appending(_ element: JSONValue) -> JSONValue {
        guard case .array(let elements) = self else { preconditionFailure("not an array") }
        return .array(elements + [element])
    }

    /// This object with the member `key` added at the end.
    func appending(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let members) = self else { preconditionFailure("not an object") }
        return .object(members + [(key, value)])
    }
}
