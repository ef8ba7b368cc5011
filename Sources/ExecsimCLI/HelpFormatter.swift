import Experiments

/// The text of `execsim --help` and `execsim <command> --help`.
enum HelpFormatter {
    static func topLevelHelp(_ commands: [any ExecsimCommand]) -> String {
        let name = ExecsimCLI.executableName
        var text = """
            OVERVIEW: \(name) \(ExecsimVersion.current): a discrete-event Monte Carlo simulator \
            of AI program execution.

            USAGE: \(name) <command> [options]

            COMMANDS:

            """
        text += table(commands.map { ($0.spec.name, $0.spec.summary) }
                      + [("help", "Show help for a command.")])
        text += "\nOPTIONS:\n"
        text += table([("-h, --help", "Show help."), ("--version", "Show the version.")])
        text += "\nSee '\(name) help <command>' for a command's options.\n"
        return text
    }

    static func commandHelp(_ spec: CommandSpec) -> String {
        var text = "OVERVIEW: \(spec.summary)\n\nUSAGE: \(ExecsimCLI.executableName) \(spec.usage)\n"
        if !spec.positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            text += table(spec.positionals.map { positional in
                let repeats = positional.maxCount.map { $0 > 1 } ?? true
                return ("<\(positional.name)>" + (repeats ? "..." : ""), positional.help)
            })
        }
        text += "\nOPTIONS:\n"
        text += table(spec.options.map { option in
            (option.name + (option.valueName.map { " <\($0)>" } ?? ""), option.help)
        } + [("-h, --help", "Show help for this command.")])
        if let discussion = spec.discussion {
            text += "\n\(discussion)\n"
        }
        return text
    }

    /// Two columns, the second aligned, each row indented by two spaces.
    private static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { left, right in
            "  " + left + String(repeating: " ", count: width - left.count + 3) + right + "\n"
        }.joined()
    }
}
