import StrictJSON
/// What a command accepts: its options, its positional arguments and its help text.
public struct CommandSpec: Sendable {
    /// The word after `execsim` that selects the command.
    public var name: String
    /// One line for the command list.
    public var summary: String
    /// The usage line, without the leading `execsim ` (for example `bench <benchmark> [options]`).
    public var usage: String
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    /// Paragraphs shown at the end of the command's help.
    public var discussion: String?

    public init(
        name: String, summary: String, usage: String, options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], discussion: String? = nil
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options
        self.positionals = positionals
        self.discussion = discussion
    }

    /// The option spelled `name`, if the command has one.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// An option such as `--pending <n>`, or a flag such as `--quiet`.
public struct OptionSpec: Sendable, Equatable {
    /// The full spelling, with the dashes: `--pending`.
    public var name: String
    /// The placeholder for the value in help (`n`), or nil for a flag that takes no value.
    public var valueName: String?
    public var help: String

    public init(name: String, valueName: String?, help: String) {
        precondition(name.hasPrefix("--"), "option names are spelled with their dashes")
        self.name = name
        self.valueName = valueName
        self.help = help
    }

    /// Whether the option is a flag (takes no value).
    public var isFlag: Bool { valueName == nil }
}

/// A run of positional arguments sharing one name, such as `<benchmark>` or `<file>...`.
public struct PositionalSpec: Sendable, Equatable {
    public var name: String
    public var help: String
    public var minCount: Int
    /// The most arguments this takes, or nil for no limit.
    public var maxCount: Int?

    public init(name: String, help: String, minCount: Int = 1, maxCount: Int? = 1) {
        self.name = name
        self.help = help
        self.minCount = minCount
        self.maxCount = maxCount
    }
}

/// A mistake in the command line; its `description` is the message shown after `Error: `.
public enum UsageError: Error, Equatable, CustomStringConvertible {
    case missingCommand
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case unexpectedValue(option: String, value: String)
    /// A value that does not parse or is out of range; `expected` says what would be valid.
    case invalidValue(option: String, value: String, expected: String)
    case invalidArgument(name: String, value: String, expected: String)
    case missingArgument(name: String)
    case unexpectedArgument(String)

    public var description: String {
        switch self {
        case .missingCommand:
            "no command given"
        case .unknownCommand(let name, let suggestion):
            "unknown command '\(name)'" + Self.didYouMean(suggestion)
        case .unknownOption(let name, let suggestion):
            "unknown option '\(name)'" + Self.didYouMean(suggestion)
        case .missingValue(let option):
            "missing value for option '\(option)'"
        case .unexpectedValue(let option, let value):
            "option '\(option)' takes no value, but was given '\(value)'"
        case .invalidValue(let option, let value, let expected):
            "invalid value '\(value)' for option '\(option)': expected \(expected)"
        case .invalidArgument(let name, let value, let expected):
            "invalid value '\(value)' for <\(name)>: expected \(expected)"
        case .missingArgument(let name):
            "missing argument <\(name)>"
        case .unexpectedArgument(let value):
            "unexpected argument '\(value)'"
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// The arguments of one command after parsing, with typed accessors that turn bad values into
/// ``UsageError``s naming the option.
public struct ParsedArguments: Sendable {
    /// The command's spec, used to catch accessors that name an option it does not declare.
    public let spec: CommandSpec
    /// Positional arguments, in order, across all ``PositionalSpec``s.
    public var positionals: [String]
    /// The last value given for each option; flags map to the empty string.
    public var values: [String: String]
    /// Whether `-h` or `--help` appeared before `--`; nothing else is validated then.
    public var helpRequested: Bool
    /// Every value given for each option, in order, for options that may repeat (`--set`).
    public var repeatedValues: [String: [String]] = [:]
    /// The whole command line execsim was given, from its name on (`execsim run a.json`), for
    /// manifests: what was asked, not whatever process hosts the command.
    public var commandLine: [String] = []

    /// The positional arguments of the `PositionalSpec` named `name`.
    public func positionals(named name: String) -> ArraySlice<String> {
        var start = 0
        var remaining = positionals.count
        for (index, positional) in spec.positionals.enumerated() {
            // Later specs keep what they minimally need; earlier ones take the rest greedily.
            let reserved = spec.positionals[(index + 1)...].reduce(0) { $0 + $1.minCount }
            let take = Swift.min(positional.maxCount ?? .max, Swift.max(0, remaining - reserved))
            if positional.name == name {
                return positionals[start..<(start + take)]
            }
            start += take
            remaining -= take
        }
        preconditionFailure("command '\(spec.name)' has no positional named '\(name)'")
    }

    /// The single positional argument named `name`, checked against `choices` when given.
    public func positional(_ name: String, choices: [String]? = nil) throws(UsageError) -> String? {
        guard let value = positionals(named: name).first else { return nil }
        if let choices, !choices.contains(value) {
            let quoted = choices.map { "'\($0)'" }
            throw .invalidArgument(name: name, value: value, expected: quoted.count == 1
                ? quoted[0] : "one of " + quoted.joined(separator: ", "))
        }
        return value
    }

    /// The raw value of option `name`, or nil when it was not given.
    /// Every value given for option `name`, in command-line order.
    public func strings(_ name: String) -> [String] {
        precondition(spec.option(named: name).map { !$0.isFlag } == true,
                     "command '\(spec.name)' has no option '\(name)' with a value")
        return repeatedValues[name] ?? []
    }

    public func string(_ name: String) -> String? {
        precondition(spec.option(named: name).map { !$0.isFlag } == true,
                     "command '\(spec.name)' has no option '\(name)' taking a value")
        return values[name]
    }

    /// Whether flag `name` was given.
    public func flag(_ name: String) -> Bool {
        precondition(spec.option(named: name)?.isFlag == true,
                     "command '\(spec.name)' has no flag '\(name)'")
        return values[name] != nil
    }

    /// Option `name` as an integer of at least `minimum`, or `defaultValue` when not given.
    public func int(_ name: String, default defaultValue: Int, minimum: Int = .min) throws(UsageError) -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(Self.withoutSeparators(text)), value >= minimum else {
            throw .invalidValue(option: name, value: text, expected: Self.integerExpectation(minimum))
        }
        return value
    }

    /// Option `name` as an unsigned 64-bit integer (a seed), or `defaultValue` when not given.
    public func uint64(_ name: String, default defaultValue: UInt64) throws(UsageError) -> UInt64 {
        guard let text = string(name) else { return defaultValue }
        guard let value = UInt64(Self.withoutSeparators(text)) else {
            throw .invalidValue(option: name, value: text,
                                expected: "an integer from 0 to \(UInt64.max)")
        }
        return value
    }

    /// Option `name` as a finite number, or `defaultValue` when not given.
    public func double(_ name: String, default defaultValue: Double) throws(UsageError) -> Double {
        guard let text = string(name) else { return defaultValue }
        guard let value = Double(text), value.isFinite else {
            throw .invalidValue(option: name, value: text, expected: "a finite number")
        }
        return value
    }

    /// `10_000_000` reads as 10000000, as in Swift source.
    private static func withoutSeparators(_ text: String) -> String {
        text.contains("_") && !text.hasPrefix("_") && !text.hasSuffix("_")
            ? text.filter { $0 != "_" } : text
    }

    private static func integerExpectation(_ minimum: Int) -> String {
        switch minimum {
        case .min: "an integer"
        case 0: "a non-negative integer"
        case 1: "a positive integer"
        default: "an integer of at least \(minimum)"
        }
    }
}

/// Parses a command's arguments (everything after the command name) against its spec.
///
/// Accepts `--name value`, `--name=value`, flags, positionals anywhere, `--` to end options,
/// and `-h`/`--help` (which short-circuits every other check). A value may start with a single
/// dash (`--offset -3`) but not with two.
///
/// - Throws: ``UsageError`` for unknown options, missing or unexpected values, and too few or
///   too many positionals. Values are checked later by the typed accessors.
public func parseArguments(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments(spec: spec, positionals: [], values: [:], helpRequested: false)
    let endOfOptions = arguments.firstIndex(of: "--") ?? arguments.endIndex
    if arguments[..<endOfOptions].contains(where: { $0 == "-h" || $0 == "--help" }) {
        parsed.helpRequested = true
        return parsed
    }

    var index = arguments.startIndex
    var optionsEnded = false
    while index < arguments.endIndex {
        let argument = arguments[index]
        index += 1
        if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" {
            optionsEnded = true
            continue
        }
        let name: String
        var inlineValue: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        } else {
            name = argument
        }
        guard let option = spec.option(named: name) else {
            throw .unknownOption(name, suggestion: ClosestMatch.to(
                name, among: spec.options.map(\.name) + ["--help"]))
        }
        if option.isFlag {
            if let inlineValue { throw .unexpectedValue(option: name, value: inlineValue) }
            parsed.values[name] = ""
        } else if let inlineValue {
            parsed.values[name] = inlineValue
            parsed.repeatedValues[name, default: []].append(inlineValue)
        } else if index < arguments.endIndex, !arguments[index].hasPrefix("--") {
            parsed.values[name] = arguments[index]
            parsed.repeatedValues[name, default: []].append(arguments[index])
            index += 1
        } else {
            throw .missingValue(option: name)
        }
    }

    let minimum = spec.positionals.reduce(0) { $0 + $1.minCount }
    if parsed.positionals.count < minimum {
        // Name the first positional spec that is short.
        var available = parsed.positionals.count
        for positional in spec.positionals {
            if available < positional.minCount { throw .missingArgument(name: positional.name) }
            available -= positional.minCount
        }
    }
    let maximum = spec.positionals.reduce(0 as Int?) { total, positional in
        total.flatMap { total in positional.maxCount.map { total + $0 } }
    }
    if let maximum, parsed.positionals.count > maximum {
        throw .unexpectedArgument(parsed.positionals[maximum])
    }
    return parsed
}
