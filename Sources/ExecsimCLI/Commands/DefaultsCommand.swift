import ProgramModel

struct DefaultsCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "defaults",
        summary: "Print the built-in baseline scenario with every field.",
        usage: "defaults [--reference]",
        options: [
            OptionSpec(name: "--reference", valueName: nil,
                       help: "Print the field reference (docs/scenario-reference.md) instead: path, rule, default, MODEL.md section, meaning."),
        ],
        positionals: [],
        discussion: "A starting point for writing a scenario: copy it, keep what you change.")

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        io.writeOutput(args.flag("--reference") ? ScenarioReference.markdown() : Scenario().jsonText())
        return ExitCode.success.rawValue
    }
}
