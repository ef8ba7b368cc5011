enum SweepReport {
    static func report(_ directory: String) throws(OutputError) -> (html: String, charts: [Chart]) {
        throw OutputError(action: "read", path: directory, reason: "not yet")
    }
}
