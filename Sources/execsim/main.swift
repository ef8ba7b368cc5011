import ExecsimCLI
import Foundation

exit(ExecsimCLI.main(Array(CommandLine.arguments.dropFirst())))
