import Foundation
import Testing
@testable import ExecsimCLI
import Experiments
import ProgramModel
import SimKernel

/// The shipped explore file, mutated as `ReaderFuzzTests` mutates scenarios and sweeps: reading
/// ends in an explore file or in issues that each name the file and a JSON path (exit 65).
@Suite struct ExploreFuzzTests {
    @Test func mutatedExploreFilesGiveAValueOrIssuesNamingFileAndPath() throws {
        let path = scenariosFolder + "/explore/operating-models.json"
        let original = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        let tree = try JSONParser.parse(original)
        var g = Xoshiro256StarStar(seed: 14)
        var outcomes = (valid: 0, invalid: 0)
        for k in 0..<ReaderFuzzTests.casesPerFile {
            let bytes = ReaderFuzzTests.mutate(original, tree: tree, &g)
            let name = "case-\(k).json"
            do throws(DocumentError) {
                _ = try ExploreFile.decode(json: try DocumentReader.parse(bytes: bytes, file: name), file: name)
                outcomes.valid += 1
            } catch {
                outcomes.invalid += 1
                #expect(ExitCode.of(error) == .invalidInput)
                #expect(!error.issues.isEmpty)
                for issue in error.issues {
                    #expect(issue.file == name && issue.path.hasPrefix("$") && !issue.message.isEmpty, "\(k): \(issue)")
                }
            }
        }
        #expect(outcomes.valid > 10 && outcomes.invalid > 100, "\(outcomes)")
    }
}
