/// Every command of execsim, in the order `execsim --help` lists them.
public enum CommandRegistry {
    /// Add a new command here; nothing else needs to change.
    public static let commands: [any ExecsimCommand] = [
        RunCommand(),
        CompareCommand(),
        SweepCommand(),
        MergeCommand(),
        ExploreCommand(),
        DiscoverCommand(),
        ValidateCommand(),
        DefaultsCommand(),
        TraceCommand(),
        CalibrateCommand(),
        ReportCommand(),
        BenchCommand(),
    ]

    /// The command called `name`, if there is one.
    public static func command(named name: String) -> (any ExecsimCommand)? {
        commands.first { $0.spec.name == name }
    }
}
