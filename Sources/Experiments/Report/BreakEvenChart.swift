/// The chance of having broken even by each month: the share of replications whose cumulative
/// value has reached their cumulative cost (`break_even_month` defined and at most that month),
/// 0–100%, one curve per scenario.
public enum BreakEvenChart {
    public struct Series: Sendable {
        public var name: String
        /// Break-even months of the replications that broke even.
        public var months: [Double]
        /// All replications, including those that never broke even.
        public var replications: Int

        public init(name: String, months: [Double], replications: Int) {
            self.name = name
            self.months = months
            self.replications = replications
        }

        /// The share broken even by `month`.
        public func share(by month: Double) -> Double {
            replications == 0 ? 0 : Double(months.filter { $0 <= month }.count) / Double(replications)
        }
    }

    public static func series(_ run: RunFolder) -> Series {
        let v = run.values("break_even_month")
        return Series(name: run.source.scenario, months: v.values, replications: v.values.count + v.undefined)
    }

    public static func chart(_ series: [Series], horizon: Double, source: ChartSource) -> Chart {
        let title = series.count == 1 ? "The chance of having broken even, month by month"
            : "The chance of having broken even, month by month, by scenario"
        let legend: [(ChartFrame.Key, String)] = series.indices.map { (.line(ChartFrame.color($0), ChartFrame.dash($0)), series[$0].name) }
        var frame = ChartFrame(title: title, caption: source.caption, height: 400, legendRows: ChartFrame.legendRows(legend))
        frame.legend(legend)
        let end = max(horizon, series.flatMap(\.months).max() ?? 1)
        let x = frame.xAxis(NiceTicks(min: 0, max: end, count: 6), label: "month")
        let y = frame.yAxis(NiceTicks(min: 0, max: 100, count: 5), label: "replications broken even (%)")
        for (i, s) in series.enumerated() {
            let points = ChartFrame.ecdf(s.months.sorted(), total: s.replications, end: end, x: x, y: y)
            frame.svg.polyline(points, stroke: ChartFrame.color(i), width: 2.5, dash: ChartFrame.dash(i))
        }
        let finals = series.map { "\($0.name) \(FigureFormat.percent($0.share(by: end)))" }.joined(separator: ", ")
        let note = """
            Each curve is the share of all replications whose cumulative undiscounted value has caught \
            up with their cumulative cost by that month (break_even_month); a replication that never \
            breaks even within the horizon keeps the curve below 100%. By the horizon: \(finals).
            """
        return Chart(name: "break-even", title: title, svg: frame.render(), note: note)
    }
}
