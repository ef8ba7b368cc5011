import ProgramModel

struct ValidateCommand: ExecsimCommand {
    let spec = CommandSpec(
        name: "validate",
        summary: "Check scenario files and report every problem.",
        usage: "validate <scenario.json> ... [--set <path=value> ...] [--name <name>]",
        options: WhatIfOptions.specs,
        positionals: [PositionalSpec(name: "scenario.json", help: "Scenario files to check.",
                                     minCount: 1, maxCount: nil)],
        discussion: "Prints 'ok: <file>' for each valid file and every issue of the others (exit 65).")

    func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let overrides = try WhatIfOptions.overrides(args)
        let name = args.string("--name")
        var allValid = true
        for path in args.positionals(named: "scenario.json") {
            do {
                _ = try Scenario.load(contentsOf: path).applying(overrides, name: name)
                io.printLine("ok: \(path)")
            } catch {
                allValid = false
                io.printErrorLine(error.description)
            }
        }
        return allValid ? ExitCode.success.rawValue : ExitCode.invalidInput.rawValue
    }
}
