import SimKernel

/// Writing a scenario back as a file that `Scenario.decode` reads to the same value: every
/// field present (so a written file documents the whole model), keys in `ScenarioSchema`'s
/// order (that of MODEL.md section 10), durations as numbers of months, fixed distributions as
/// bare numbers.
extension Scenario {
    public func encode() -> JSONValue {
        ScenarioSchema.object.encode(self)
    }

    /// The scenario file text (pretty JSON ending with a newline).
    public func jsonText() -> String {
        JSONWriter.prettyText(encode())
    }

    /// A distribution as MODEL.md section 3 spells it: fixed as a bare number, others as a
    /// `dist` object with their fields in the table's order; optional fields only when set
    /// (pert's lambda always, so the value written is the value used).
    static func encode(_ d: Distribution) -> JSONValue {
        func object(_ fields: [(String, Double)]) -> JSONValue {
            .object([("dist", .string(d.name))] + fields.map { (key: $0.0, value: .number($0.1)) })
        }
        switch d {
        case .fixed(let value):
            return .number(value)
        case .uniform(let min, let max):
            return object([("min", min), ("max", max)])
        case .triangular(let min, let mode, let max):
            return object([("min", min), ("mode", mode), ("max", max)])
        case .pert(let min, let mode, let max, let lambda):
            return object([("min", min), ("mode", mode), ("max", max), ("lambda", lambda)])
        case .exponential(let mean):
            return object([("mean", mean)])
        case .lognormal(let median, let p90):
            return object([("median", median), ("p90", p90)])
        case .gamma(let mean, let cv):
            return object([("mean", mean), ("cv", cv)])
        case .normal(let mean, let sd, let min, let max):
            var fields = [("mean", mean), ("sd", sd)]
            if let min { fields.append(("min", min)) }
            if let max { fields.append(("max", max)) }
            return object(fields)
        case .empirical(let values, let weights):
            var members: [(key: String, value: JSONValue)] = [
                ("dist", .string(d.name)),
                ("values", .array(values.map { .number($0) })),
            ]
            if let weights { members.append(("weights", .array(weights.map { .number($0) }))) }
            return .object(members)
        }
    }
}
