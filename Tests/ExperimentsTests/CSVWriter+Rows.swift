import Experiments

/// Test support: whole rows at once (the writers build rows field by field).
extension CSVWriter {
    /// Appends a whole row of text fields.
    mutating func appendRow(_ fields: [String]) {
        for text in fields { field(text) }
        endRow()
    }

    /// Appends a whole row of numbers (nil for an empty cell).
    mutating func appendRow(_ fields: [Double?]) {
        for value in fields { field(value) }
        endRow()
    }
}
