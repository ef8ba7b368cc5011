// swift-tools-version:6.0
import PackageDescription

// Layers only look down: SimKernel <- ProgramModel <- Experiments <- ExecsimCLI <- execsim.
// Hot kernel code (event list, generator, samplers) is marked @inlinable so it is specialized
// and inlined into the model module; we deliberately do not rely on unsafe compiler flags.
let package = Package(
    name: "execsim",
    products: [
        .executable(name: "execsim", targets: ["execsim"]),
    ],
    targets: [
        .target(name: "SimKernel"),
        .target(name: "ProgramModel", dependencies: ["SimKernel"]),
        .target(name: "Experiments", dependencies: ["ProgramModel", "SimKernel"]),
        .target(name: "ExecsimCLI", dependencies: ["Experiments", "ProgramModel", "SimKernel"]),
        .executableTarget(name: "execsim", dependencies: ["ExecsimCLI"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "ProgramModelTests", dependencies: ["ProgramModel", "SimKernel"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "ProgramModel", "SimKernel"]),
        .testTarget(name: "ExecsimCLITests", dependencies: ["ExecsimCLI", "Experiments", "ProgramModel"]),
    ]
)
