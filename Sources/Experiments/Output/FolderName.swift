/// The one rule for every name that becomes a path (a scenario's run folder, a sweep's default
/// output folder): the result is a single, visible path component, never `.`, `..`, a hidden
/// name, a separator or a control character.
///
/// Letters, digits, `-`, `_` and `.` are kept; anything else becomes `_`, and so does a leading
/// `.`. Different names can map to one folder (`a/b` and `a_b`); callers refuse that rather
/// than let the second overwrite the first.
public enum FolderName {
    /// Longest folder name in UTF-8 bytes: file systems allow 255, and staging adds a prefix
    /// and a suffix of up to 40.
    public static let maximumBytes = 200

    public static func folder(for name: String) -> String {
        var safe = ""
        for c in name {
            let kept = (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
                && !c.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
            let next = kept && !(safe.isEmpty && c == ".") ? c : "_"
            if safe.utf8.count + String(next).utf8.count > maximumBytes { break }
            safe.append(next)
        }
        return safe.isEmpty ? "_" : safe
    }
}
