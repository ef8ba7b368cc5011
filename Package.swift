// swift-tools-version:6.0
import PackageDescription

// Layers only look down: StrictJSON <- SimKernel <- ProgramModel <- Experiments <- ExecsimCLI <- execsim.
// Hot kernel code (event list, generator, samplers) is marked @inlinable so it is specialized
// and inlined into the model module; we deliberately do not rely on unsafe compiler flags.
let package = Package(
    name: "execsim",
    products: [
        .executable(name: "execsim", targets: ["execsim"]),
    ],
    targets: [
        // The strict JSON document reader and writer every input and output file goes through.
        .target(name: "StrictJSON"),
        .target(name: "SimKernel", dependencies: ["StrictJSON"]),
        .target(name: "ProgramModel", dependencies: ["StrictJSON", "SimKernel"]),
        .target(name: "Experiments", dependencies: ["ProgramModel", "SimKernel"]),
        .target(name: "ExecsimCLI", dependencies: ["Experiments", "ProgramModel", "SimKernel"]),
        .executableTarget(name: "execsim", dependencies: ["ExecsimCLI"]),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "ProgramModelTests", dependencies: ["ProgramModel", "SimKernel"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "ProgramModel", "SimKernel"]),
        .testTarget(name: "ExecsimCLITests", dependencies: ["ExecsimCLI", "Experiments", "ProgramModel", "StrictJSON", "SimKernel"]),
    ]
)
