import SimKernel

/// One field of a scenario file, described once: where it sits (`key`, a dotted path from the
/// object that holds it), what is valid (`rule`, `maximum`), where MODEL.md defines it and
/// what it means. Decoding, encoding, validation, the key lists of unknown-key messages,
/// `execsim defaults` and docs/scenario-reference.md are all derived from these descriptions
/// (`ScenarioSchema`), so adding a field is adding one entry.
///
/// `Root` is the value the key path starts from: `Scenario` for top-level fields, the element
/// type for the fields of a list of objects (archetypes, data domains, rollout phases).
///
/// Unchecked Sendable: it holds only immutable closures over key paths, never mutable state.
public struct ScenarioField<Root>: @unchecked Sendable {
    /// Dotted path from `Root`: "governance.committee.capacity".
    public let key: String
    /// What is valid, in words: "whole number ≥ 1", "duration > 0", "one of fifo, value, wsjf".
    public let rule: String
    /// The MODEL.md section that defines the field ("6.3").
    public let section: String
    /// What the field means, in one line.
    public let meaning: String
    /// A field the file must give (no default).
    public let required: Bool
    /// A stated maximum, refused with "must be at most …" (nil: none beyond the rule's).
    public let maximum: Double?
    /// The fields of each element, for a list of objects.
    public let elements: [FieldDescription]

    /// Reads `value` (present in the file at `path`) into `root`; false after reporting.
    let read: (DocumentReader, JSONValue, String, inout Root) -> Bool
    /// The value as written; nil leaves the key out (an optional field that is not set).
    let write: (Root) -> JSONValue?

    public init(key: String, rule: String, section: String, meaning: String, required: Bool = false,
                maximum: Double? = nil, elements: [FieldDescription] = [],
                read: @escaping (DocumentReader, JSONValue, String, inout Root) -> Bool,
                write: @escaping (Root) -> JSONValue?) {
        self.key = key
        self.rule = rule
        self.section = section
        self.meaning = meaning
        self.required = required
        self.maximum = maximum
        self.elements = elements
        self.read = read
        self.write = write
    }
}

/// A field as the reference shows it, with the key path from the scenario's root
/// ("stages.rollout.phases[].share") and its default as written.
public struct FieldDescription: Sendable, Equatable {
    public var path: String
    public var rule: String
    public var section: String
    public var meaning: String
    public var required: Bool
    public var maximum: Double?
    /// The default as a file writes it; nil for a required field or an optional one unset.
    public var defaultValue: JSONValue?
}

// MARK: Kinds of field

extension ScenarioField {
    /// The same field, which a file must give (no default is assumed).
    public func mandatory() -> ScenarioField {
        ScenarioField(key: key, rule: rule, section: section, meaning: meaning, required: true, maximum: maximum,
                      elements: elements, read: read, write: write)
    }
}

extension ScenarioField {
    /// A plain number in `rule`; a `duration` is in months and may be written "10d", "6w", ….
    public static func number(_ key: String, _ path: WritableKeyPath<Root, Double>, _ rule: NumberRule = .any,
                              duration: Bool = false, maximum: Double? = nil,
                              section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: (duration ? "duration " : "number ") + rule.summary + (duration ? " (months, or \"10d\", \"6w\", \"3mo\", \"1.5y\")" : ""),
                      section: section, meaning: meaning, maximum: maximum,
                      read: { reader, value, at, root in
                          guard let x = reader.number(value, at: at, rule, maximum: maximum,
                                                      spelling: duration ? DocumentReader.duration : nil) else { return false }
                          root[keyPath: path] = x
                          return true
                      },
                      write: { .number($0[keyPath: path]) })
    }

    /// A whole number ≥ `minimum` (and at most `maximum`, else 2^53); `I` must hold the range
    /// allowed (Int and UInt64 hold 2^53).
    public static func whole<I: FixedWidthInteger>(_ key: String, _ path: WritableKeyPath<Root, I>, atLeast minimum: Int,
                                                   maximum: Int? = nil, section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: "whole number ≥ \(minimum)", section: section, meaning: meaning,
                      maximum: maximum.map(Double.init),
                      read: { reader, value, at, root in
                          guard let n = reader.whole(value, at: at, atLeast: minimum, atMost: maximum) else { return false }
                          root[keyPath: path] = I(n)
                          return true
                      },
                      write: { .number(Double($0[keyPath: path])) })
    }

    /// A whole number that may be left unset (nil), written only when set.
    public static func whole<I: FixedWidthInteger>(_ key: String, _ path: WritableKeyPath<Root, I?>, atLeast minimum: Int,
                                                   maximum: Int? = nil, section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: "whole number ≥ \(minimum), optional", section: section, meaning: meaning,
                      maximum: maximum.map(Double.init),
                      read: { reader, value, at, root in
                          guard let n = reader.whole(value, at: at, atLeast: minimum, atMost: maximum) else { return false }
                          root[keyPath: path] = I(n)
                          return true
                      },
                      write: { root in root[keyPath: path].map { .number(Double($0)) } })
    }

    public static func bool(_ key: String, _ path: WritableKeyPath<Root, Bool>,
                            section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: "true or false", section: section, meaning: meaning,
                      read: { reader, value, at, root in
                          guard let b = reader.bool(value, at: at) else { return false }
                          root[keyPath: path] = b
                          return true
                      },
                      write: { .bool($0[keyPath: path]) })
    }

    /// A string; `required` fields have no default and must be given.
    public static func text(_ key: String, _ path: WritableKeyPath<Root, String>, nonEmpty: Bool = true,
                            required: Bool = false, section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: nonEmpty ? "non-empty text" : "text", section: section, meaning: meaning,
                      required: required,
                      read: { reader, value, at, root in
                          guard let s = reader.string(value, at: at, nonEmpty: nonEmpty) else { return false }
                          root[keyPath: path] = s
                          return true
                      },
                      write: { .string($0[keyPath: path]) })
    }

    /// A string that may be left unset (nil), written only when set.
    public static func text(_ key: String, _ path: WritableKeyPath<Root, String?>,
                            section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: "text, optional", section: section, meaning: meaning,
                      read: { reader, value, at, root in
                          guard let s = reader.string(value, at: at) else { return false }
                          root[keyPath: path] = s
                          return true
                      },
                      write: { root in root[keyPath: path].map { .string($0) } })
    }

    /// One of an enum's raw values.
    public static func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ path: WritableKeyPath<Root, E>,
                                                                  section: String, _ meaning: String) -> ScenarioField
    where E.RawValue == String {
        ScenarioField(key: key, rule: "one of " + E.allCases.map(\.rawValue).joined(separator: ", "),
                      section: section, meaning: meaning,
                      read: { reader, value, at, root in
                          guard let e: E = reader.choice(value, at: at) else { return false }
                          root[keyPath: path] = e
                          return true
                      },
                      write: { .string($0[keyPath: path].rawValue) })
    }

    /// A distribution (MODEL.md section 3): a bare number is fixed; `duration` ones in months.
    public static func distribution(_ key: String, _ path: WritableKeyPath<Root, Distribution>, duration: Bool,
                                    section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: duration ? "distribution of durations (months)" : "distribution",
                      section: section, meaning: meaning,
                      read: { reader, value, at, root in
                          guard let d = reader.distribution(value, at: at, duration: duration) else { return false }
                          root[keyPath: path] = d
                          return true
                      },
                      write: { Scenario.encode($0[keyPath: path]) })
    }

    /// A list of objects that replaces the default list; each element starts from `element()`
    /// and reads its own `fields`. With `uniqueName`, names must differ within the list.
    /// `check` sees the whole list when every element read cleanly (sums of shares, weights).
    public static func list<Element>(_ key: String, _ path: WritableKeyPath<Root, [Element]>, nonEmpty: Bool = true,
                                     maxCount: Int? = nil, element: @escaping () -> Element,
                                     fields: [ScenarioField<Element>],
                                     uniqueName: KeyPath<Element, String>? = nil,
                                     check: ((DocumentReader, String, [Element]) -> Void)? = nil,
                                     section: String, _ meaning: String) -> ScenarioField {
        let schema = ObjectSchema(fields: fields)
        return ScenarioField(
            key: key, rule: "list of objects" + (nonEmpty ? ", at least one" : "") + (maxCount.map { ", at most \($0)" } ?? ""),
            section: section, meaning: meaning, maximum: maxCount.map(Double.init),
            elements: schema.descriptions(prefix: "", defaults: element()),
            read: { reader, value, at, root in
                guard let items = reader.list(value, at: at, nonEmpty: nonEmpty) else { return false }
                if let maxCount, items.count > maxCount {
                    reader.report(at, "must hold at most \(maxCount) elements, got \(items.count)")
                    return false
                }
                let before = reader.issues.count
                var result: [Element] = []
                var firstUse: [String: String] = [:]
                for (k, item) in items.enumerated() {
                    let itemPath = DocumentReader.path(at, index: k)
                    var e = element()
                    var invalid: Set<String> = []
                    // A duplicate name is reported right after the name, before the element's later fields.
                    let read = schema.decode(item, at: itemPath, reader: reader, into: &e, invalid: &invalid) { key, e in
                        guard let uniqueName, key == "name" else { return }
                        let name = e[keyPath: uniqueName]
                        let namePath = DocumentReader.path(itemPath, key: "name")
                        if let first = firstUse[name] {
                            reader.report(namePath, "duplicate name \(JSONWriter.quote(name)) (first used at \(first))")
                        } else {
                            firstUse[name] = namePath
                        }
                    }
                    guard read else { continue }
                    result.append(e)
                }
                root[keyPath: path] = result
                guard reader.issues.count == before else { return false }
                check?(reader, at, result)
                return reader.issues.count == before
            },
            write: { root in .array(root[keyPath: path].map(schema.encode)) })
    }

    /// A list of non-empty names that may be left unset (nil), written only when set.
    public static func names(_ key: String, _ path: WritableKeyPath<Root, [String]?>,
                             section: String, _ meaning: String) -> ScenarioField {
        ScenarioField(key: key, rule: "list of non-empty names, at least one, optional", section: section, meaning: meaning,
                      read: { reader, value, at, root in
                          guard let items = reader.list(value, at: at, nonEmpty: true) else { return false }
                          var names: [String] = []
                          for (k, item) in items.enumerated() {
                              guard let name = reader.string(item, at: DocumentReader.path(at, index: k), nonEmpty: true) else { return false }
                              names.append(name)
                          }
                          root[keyPath: path] = names
                          return true
                      },
                      write: { root in root[keyPath: path].map { .array($0.map { .string($0) }) } })
    }
}

// MARK: Objects of fields

/// The fields of one object (the scenario, or a list element), read and written as nested
/// JSON objects by their dotted keys, in the order the fields are listed.
/// Unchecked Sendable: immutable after init, like the fields it holds.
struct ObjectSchema<Root>: @unchecked Sendable {
    let fields: [ScenarioField<Root>]
    /// The nesting of the fields' dotted keys, worked out once: reading a sweep decodes a
    /// scenario per point.
    private let root: Node

    /// One object level: its keys in order, each a field (by index) or a nested object.
    private struct Node {
        var keys: [String] = []
        var items: [Item] = []
    }

    private indirect enum Item {
        case field(Int)
        case object(Node)
    }

    init(fields: [ScenarioField<Root>]) {
        self.fields = fields
        var root = Node()
        for (index, field) in fields.enumerated() {
            Self.insert(index, at: field.key.split(separator: ".").map(String.init)[...], into: &root)
        }
        self.root = root
    }

    private static func insert(_ index: Int, at path: ArraySlice<String>, into node: inout Node) {
        let head = path.first!
        if path.count == 1 {
            node.keys.append(head)
            node.items.append(.field(index))
            return
        }
        if let i = node.keys.firstIndex(of: head), case .object(var nested) = node.items[i] {
            insert(index, at: path.dropFirst(), into: &nested)
            node.items[i] = .object(nested)
        } else {
            var nested = Node()
            insert(index, at: path.dropFirst(), into: &nested)
            node.keys.append(head)
            node.items.append(.object(nested))
        }
    }

    /// The valid keys of the object at `prefix` ("" for the root, "governance.committee"), in order.
    func keys(at prefix: String) -> [String] {
        var node = root
        for part in prefix.split(separator: ".").map(String.init) {
            guard let i = node.keys.firstIndex(of: part), case .object(let nested) = node.items[i] else { return [] }
            node = nested
        }
        return node.keys
    }

    /// Every field present in `root`, nested by key, in field order.
    func encode(_ root: Root) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        for field in fields {
            guard let value = field.write(root) else { continue }
            Self.insert(value, at: field.key.split(separator: ".").map(String.init)[...], into: &members)
        }
        return .object(members)
    }

    private static func insert(_ value: JSONValue, at path: ArraySlice<String>, into members: inout [(key: String, value: JSONValue)]) {
        let head = path.first!
        if path.count == 1 {
            members.append((head, value))
            return
        }
        if let i = members.firstIndex(where: { $0.key == head }), case .object(var nested) = members[i].value {
            insert(value, at: path.dropFirst(), into: &nested)
            members[i].value = .object(nested)
        } else {
            var nested: [(key: String, value: JSONValue)] = []
            insert(value, at: path.dropFirst(), into: &nested)
            members.append((head, .object(nested)))
        }
    }

    /// Reads `json` (at `path`) over `root` key by key: absent keys keep their value, unknown
    /// keys, wrong types and values out of range are reported. `invalid` collects the keys of
    /// fields present but invalid. False when `json` is not an object.
    /// `afterField` runs after each field read cleanly, with its key.
    @discardableResult
    func decode(_ json: JSONValue, at path: String, reader: DocumentReader, into root: inout Root,
                invalid: inout Set<String>, afterField: (String, inout Root) -> Void = { _, _ in }) -> Bool {
        decode(json, at: path, node: self.root, reader: reader, into: &root, invalid: &invalid, afterField: afterField)
    }

    @discardableResult
    private func decode(_ json: JSONValue, at path: String, node: Node, reader: DocumentReader,
                        into root: inout Root, invalid: inout Set<String>,
                        afterField: (String, inout Root) -> Void) -> Bool {
        guard let object = reader.object(json, at: path, keys: node.keys) else { return false }
        for (key, item) in zip(node.keys, node.items) {
            switch item {
            case .field(let index):
                let field = fields[index]
                if let value = object[key] {
                    if field.read(reader, value, object.path(key), &root) {
                        afterField(field.key, &root)
                    } else {
                        invalid.insert(field.key)
                    }
                } else if field.required {
                    reader.report(path, "missing field '\(key)'")
                    invalid.insert(field.key)
                }
            case .object(let nested):
                if let value = object[key] {
                    decode(value, at: object.path(key), node: nested, reader: reader, into: &root,
                           invalid: &invalid, afterField: afterField)
                }
            }
        }
        return true
    }

    /// Each field with its path under `prefix` and its default taken from `defaults`; a list's
    /// element fields follow it as "list[].field".
    func descriptions(prefix: String, defaults: Root) -> [FieldDescription] {
        var result: [FieldDescription] = []
        for field in fields {
            let path = prefix + field.key
            result.append(FieldDescription(path: path, rule: field.rule, section: field.section, meaning: field.meaning,
                                           required: field.required, maximum: field.maximum,
                                           defaultValue: field.required ? nil : field.write(defaults)))
            for element in field.elements {
                var e = element
                e.path = path + "[]." + element.path
                result.append(e)
            }
        }
        return result
    }
}
