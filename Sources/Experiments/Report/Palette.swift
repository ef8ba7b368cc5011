/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and
/// distinct in greyscale print when paired with different line styles.
public enum Palette {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let green = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let purple = "#CC79A7"

    /// Series colours in order of use; yellow is left out as it vanishes on white.
    public static let series = [blue, orange, green, vermillion, purple, skyBlue, black]

    /// Greys for text, axes and grid.
    public static let text = "#222222"
    public static let muted = "#555555"
    public static let axis = "#888888"
    public static let grid = "#e3e3e3"
}
