import Foundation
import Testing
@testable import ExecsimCLI
import Experiments
import ProgramModel
import SimKernel

/// Seeded random mutations of the shipped scenario and sweep files fed to the strict reader:
/// whatever the bytes, reading ends (no crash, no hang) either in a value or in issues that
/// each name the file and a JSON path, which the command line turns into exit 65.
@Suite struct ReaderFuzzTests {
    static let casesPerFile = 300

    static let files: [(path: String, sweep: Bool)] = {
        let fm = FileManager.default
        let scenarios = ((try? fm.contentsOfDirectory(atPath: scenariosFolder)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted().map { ("\(scenariosFolder)/\($0)", false) }
        let sweeps = ((try? fm.contentsOfDirectory(atPath: scenariosFolder + "/sweeps")) ?? []).filter { $0.hasSuffix(".json") }
            .sorted().map { ("\(scenariosFolder)/sweeps/\($0)", true) }
        return scenarios + sweeps
    }()

    /// Values that stress the rules: bounds, 2^53 and past it, huge, tiny, wrong kinds.
    static let oddValues: [JSONValue] = [
        .number(0), .number(-1), .number(1), .number(0.5), .number(1.5), .number(-0.0), .number(9_007_199_254_740_992),
        .number(9_007_199_254_740_994), .number(1e308), .number(-1e308), .number(5e-324), .number(1e15),
        .string(""), .string("10d"), .string("x"), .string("1.5y"), .string("\u{0}"), .null, .bool(true),
        .array([]), .array([.number(1)]), .object([]), .object([("dist", .string("pert"))]),
        .object([("dist", .string("empirical")), ("values", .array([])), ("weights", .array([.number(-1)]))]),
        .object([("dist", .string("lognormal")), ("median", .number(1e308)), ("p90", .number(1e-308))]),
    ]

    /// One mutation of `bytes`: a byte-level edit, or a value-level edit of the parsed tree.
    static func mutate(_ bytes: [UInt8], tree: JSONValue, _ g: inout Xoshiro256StarStar) -> [UInt8] {
        var b = bytes
        let significant = Array("{}[]\":,-.0123456789eE \\nultrfa".utf8) + [0x00, 0xFF, 0xC3]
        func position() -> Int { Int.random(in: 0..<max(1, b.count), using: &g) }
        switch Int.random(in: 0..<8, using: &g) {
        case 0: if !b.isEmpty { b.remove(at: position()) }
        case 1: b.insert(significant.randomElement(using: &g)!, at: position())
        case 2: if !b.isEmpty { b[position()] = significant.randomElement(using: &g)! }
        case 3: b = Array(b.prefix(position()))
        case 4:
            let start = position(), end = min(b.count, start + Int.random(in: 1...40, using: &g))
            if start < end { b.insert(contentsOf: b[start..<end], at: position()) }
        default:
            var t = tree
            editValue(&t, depth: 0, &g)
            b = Array(JSONWriter.prettyText(t).utf8)
        }
        return b
    }

    /// Replaces, removes or adds one member somewhere in the tree.
    static func editValue(_ v: inout JSONValue, depth: Int, _ g: inout Xoshiro256StarStar) {
        switch v {
        case .object(var members) where !members.isEmpty && (depth < 1 || Bool.random(using: &g)):
            let i = Int.random(in: 0..<members.count, using: &g)
            switch Int.random(in: 0..<6, using: &g) {
            case 0: members.remove(at: i)
            case 1: members.append(("unknownKey\(Int.random(in: 0..<3, using: &g))", oddValues.randomElement(using: &g)!))
            case 2: members[i].value = oddValues.randomElement(using: &g)!
            default: editValue(&members[i].value, depth: depth + 1, &g)
            }
            v = .object(members)
        case .array(var elements) where !elements.isEmpty && Bool.random(using: &g):
            let i = Int.random(in: 0..<elements.count, using: &g)
            if Bool.random(using: &g) { editValue(&elements[i], depth: depth + 1, &g) } else { elements.append(elements[i]) }
            v = .array(elements)
        default:
            v = oddValues.randomElement(using: &g)!
        }
    }

    @Test func mutatedFilesGiveAValueOrIssuesNamingFileAndPath() throws {
        #expect(Self.files.count >= 10)
        var g = Xoshiro256StarStar(seed: 20261201)
        var outcomes = (valid: 0, invalid: 0)
        for (path, isSweep) in Self.files {
            let original = [UInt8](FileManager.default.contents(atPath: path)!)
            let tree = try JSONParser.parse(original)
            for k in 0..<Self.casesPerFile {
                let bytes = Self.mutate(original, tree: tree, &g)
                let name = "case-\(k).json"
                do throws(DocumentError) {
                    let json = try DocumentReader.parse(bytes: bytes, file: name)
                    if isSweep {
                        _ = try SweepFile.decode(json: json, file: name)
                    } else {
                        let scenario = try Scenario.decode(json: json, file: name)
                        // What was read writes back to a file that reads to the same value.
                        #expect(try Scenario.decode(json: scenario.encode(), file: name) == scenario)
                        try scenario.validate()
                    }
                    outcomes.valid += 1
                } catch {
                    outcomes.invalid += 1
                    #expect(ExitCode.of(error) == .invalidInput)
                    #expect(!error.issues.isEmpty)
                    for issue in error.issues {
                        #expect(issue.file == name && issue.path.hasPrefix("$") && !issue.message.isEmpty,
                                "\(path) \(k): \(issue)")
                    }
                }
            }
        }
        // Both outcomes occur, so the mutations reach past the parser into the rules.
        #expect(outcomes.valid > 100 && outcomes.invalid > 1000, "\(outcomes)")
    }
}
