/// The version of execsim, printed by `execsim --version` and recorded in output files.
public enum ExecsimVersion {
    /// The version, in semantic-versioning form.
    public static let current = "0.1.0"
}
