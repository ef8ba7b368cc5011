/// The worlds in the plane of two uncertainties, each coloured by its best policy, with the
/// PRIM box of a case drawn: where in the space of unknown numbers the answer flips.
enum DiscoveryScatterChart {
    struct Input {
        var caseText: String
        var metric: String
        var xName: String
        var yName: String
        var x: [Double]
        var y: [Double]
        /// The policy with the best mean in each world (nil: undefined).
        var best: [Int?]
        var holds: [Bool]
        var xRange: (Double, Double)
        var yRange: (Double, Double)
        /// The box's limits on these two uncertainties (nil: unrestricted).
        var xLimits: (Double?, Double?)
        var yLimits: (Double?, Double?)
        /// Other uncertainties the box restricts.
        var otherRestrictions: [String]
    }

    static func chart(_ input: Input, policies: [String], index: Int, source: ChartSource) -> Chart {
        let title = "Where \(input.caseText)"
        var frame = ChartFrame(title: title, caption: source.caption, height: 560,
                               legendRows: (policies.count + 2) / 2, leftMargin: 80, rightMargin: 40, bottomMargin: 64)
        frame.legend(policies.enumerated().map { (.dot(Palette.series[$0.offset % Palette.series.count]), "\($0.element) best on \(MetricCatalogue.label(input.metric))") }
                     + [(.line(Palette.black, "6 3"), "PRIM box of the case")])
        let x = frame.xAxis(NiceTicks(min: input.xRange.0, max: input.xRange.1, count: 6), label: input.xName)
        let y = frame.yAxis(NiceTicks(min: input.yRange.0, max: input.yRange.1, count: 6), label: input.yName)
        for i in input.x.indices {
            let color = input.best[i].map { Palette.series[$0 % Palette.series.count] } ?? Palette.axis
            frame.svg.circle(x: x(input.x[i]), y: y(input.y[i]), r: input.holds[i] ? 4.5 : 3, fill: color,
                             stroke: input.holds[i] ? Palette.black : nil)
        }
        let x0 = x(input.xLimits.0 ?? input.xRange.0), x1 = x(input.xLimits.1 ?? input.xRange.1)
        let y0 = y(input.yLimits.1 ?? input.yRange.1), y1 = y(input.yLimits.0 ?? input.yRange.0)
        frame.svg.polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], stroke: Palette.black, width: 2, dash: "6 3")
        let others = input.otherRestrictions.isEmpty ? "The box restricts no other uncertainty."
            : "The box also restricts " + input.otherRestrictions.joined(separator: ", ") + " (not shown)."
        let note = """
            Each dot is one world at its values of the two uncertainties that matter most for this case \
            (the box's restrictions with the smallest quasi-p-values, else the largest partial rank \
            correlations), coloured by the policy with the best mean there; outlined dots are the worlds \
            where "\(input.caseText)" holds. The dashed rectangle is the PRIM box reported in \
            discovery.json. \(others)
            """
        return Chart(name: "explore-discovery-\(index + 1)", title: title, svg: frame.render(), note: note)
    }
}
