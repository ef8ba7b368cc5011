// swift-tools-version:6.0
import PackageDescription

// Layers only look down: StrictJSON <- SimKernel <- ProgramModel <- Experiments <- ExecsimCLI <- execsim.
// Hot kernel code (event list, generator, samplers) is marked @inlinable so it is specialized
// and inlined into the model module; we deliberately do not rely on unsafe optimization flags.
// The one unsafe flag is how the runtime is linked: release builds carry Swift's runtime and
// Foundation inside the executable (what `swift build --static-swift-stdlib` does). It starts in
// 9 ms instead of 21, most of which was the dynamic loader's relocations, a cost every run of a
// sweep's shards pays, and it runs as it is on a machine without Swift (a cluster's compute
// nodes). Every module is compiled with the flag too, so that each links the static libraries
// it imports.
let staticRuntimeFlag = ["-static-stdlib"]
let staticRuntime: [SwiftSetting] = [.unsafeFlags(staticRuntimeFlag, .when(configuration: .release))]
let staticRuntimeLink: [LinkerSetting] = [.unsafeFlags(staticRuntimeFlag, .when(configuration: .release))]

let package = Package(
    name: "execsim",
    products: [
        .executable(name: "execsim", targets: ["execsim"]),
    ],
    targets: [
        // The strict JSON document reader and writer every input and output file goes through.
        .target(name: "StrictJSON", swiftSettings: staticRuntime),
        .target(name: "SimKernel", dependencies: ["StrictJSON"], swiftSettings: staticRuntime),
        .target(name: "ProgramModel", dependencies: ["StrictJSON", "SimKernel"], swiftSettings: staticRuntime),
        .target(name: "Experiments", dependencies: ["ProgramModel", "SimKernel"], swiftSettings: staticRuntime),
        .target(name: "ExecsimCLI", dependencies: ["Experiments", "ProgramModel", "SimKernel"], swiftSettings: staticRuntime),
        .executableTarget(name: "execsim", dependencies: ["ExecsimCLI"], swiftSettings: staticRuntime,
                          linkerSettings: staticRuntimeLink),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "ProgramModelTests", dependencies: ["ProgramModel", "SimKernel"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "ProgramModel", "SimKernel"]),
        .testTarget(name: "ExecsimCLITests", dependencies: ["ExecsimCLI", "Experiments", "ProgramModel", "StrictJSON", "SimKernel"]),
    ]
)
