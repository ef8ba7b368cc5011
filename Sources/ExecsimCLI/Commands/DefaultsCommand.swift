import ProgramModel

struct DefaultsCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "defaults",
        summary: "Print the built-in baseline scenario with every field.",
        usage: "defaults",
        options: [],
        positionals: [],
        discussion: "A starting point for writing a scenario: copy it, keep what you change.")

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        try io.writeOutput(Scenario().jsonText())
        return ExitCode.success.rawValue
    }
}
