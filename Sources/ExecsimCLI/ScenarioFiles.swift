import Experiments
import ProgramModel

/// Reading the scenario files named on a command line.
enum ScenarioFiles {
    /// Loads every file, reporting the issues of all of them at once (exit 65), or the built-in
    /// baseline when no file is named and `defaultToBaseline` is set.
    static func load(_ paths: [String], defaultToBaseline: Bool = true) throws -> [Scenario] {
        if paths.isEmpty && defaultToBaseline { return [Scenario()] }
        var scenarios: [Scenario] = []
        var messages: [String] = []
        for path in paths {
            do {
                scenarios.append(try Scenario.load(contentsOf: path))
            } catch {
                messages.append(error.description)
            }
        }
        if !messages.isEmpty {
            throw CommandFailure(.invalidInput, messages.joined(separator: "\n"))
        }
        var seen: [String: (path: String, name: String)] = [:]
        for (scenario, path) in zip(scenarios, paths) {
            let folder = FolderName.folder(for: scenario.name)
            if let other = seen[folder] {
                throw CommandFailure(.invalidInput, other.name == scenario.name
                    ? "\(path): $.name: '\(scenario.name)' is also the name of \(other.path); each scenario's results go to a folder named after it, so names must differ"
                    : "\(path): $.name: '\(scenario.name)' and '\(other.name)' (\(other.path)) would both be written to folder '\(folder)'; rename one")
            }
            seen[folder] = (path, scenario.name)
        }
        return scenarios
    }
}
