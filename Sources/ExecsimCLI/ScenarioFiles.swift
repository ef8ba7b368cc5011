import Experiments
import ProgramModel

/// Reading the scenario files named on a command line.
enum ScenarioFiles {
    /// Loads every file, reporting the issues of all of them at once (exit 65), or the built-in
    /// baseline when no file is named and `defaultToBaseline` is set.
    static func load(_ paths: [String], defaultToBaseline: Bool = true, overrides: [ScenarioOverride] = [],
                     name: String? = nil) throws -> [Scenario] {
        if paths.isEmpty && defaultToBaseline {
            return [try Scenario().applying(overrides, name: name)]
        }
        var scenarios: [Scenario] = []
        var messages: [String] = []
        for path in paths {
            do {
                scenarios.append(try Scenario.load(contentsOf: path).applying(overrides, name: name))
            } catch {
                messages.append(error.description)
            }
        }
        if !messages.isEmpty {
            throw CommandFailure(.invalidInput, messages.joined(separator: "\n"))
        }
        var seen: [String: String] = [:]
        for (scenario, path) in zip(scenarios, paths) {
            if let other = seen[scenario.name] {
                throw CommandFailure(.invalidInput,
                    "\(path): $.name: '\(scenario.name)' is also the name of \(other); each scenario's results go to a folder named after it, so names must differ")
            }
            seen[scenario.name] = path
        }
        return scenarios
    }
}

/// `--set PATH=VALUE` (repeatable) and `--name`: quick what-ifs on top of the scenario files,
/// shared by run, compare, trace and validate.
enum WhatIfOptions {
    static let specs = [
        OptionSpec(name: "--set", valueName: "path=value",
                   help: "Set a scenario field before running, e.g. teams.delivery=12 or governance.style=federated (sweep path syntax; the value is JSON, a bare word a string). Repeatable; checked like the file."),
        OptionSpec(name: "--name", valueName: "name", help: "Name the resulting scenario (and its results folder)."),
    ]

    /// The `--set` arguments, in order; a malformed one is a usage error naming it.
    static func overrides(_ args: ParsedArguments) throws(UsageError) -> [ScenarioOverride] {
        var result: [ScenarioOverride] = []
        for text in args.strings("--set") {
            do throws(PathSyntaxError) {
                result.append(try ScenarioOverride(parsing: text))
            } catch {
                throw .invalidValue(option: "--set", value: text, expected: "PATH=VALUE with a scenario path (\(error.message))")
            }
        }
        return result
    }

    /// The scenarios named by `positional`, with the what-ifs applied.
    static func scenarios(_ args: ParsedArguments, positional: String = "scenario.json",
                          defaultToBaseline: Bool = true) throws -> [Scenario] {
        try ScenarioFiles.load(Array(args.positionals(named: positional)), defaultToBaseline: defaultToBaseline,
                               overrides: overrides(args), name: args.string("--name"))
    }
}
