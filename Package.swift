// swift-tools-version:6.0
// NoteGraph: research notes in, a knowledge graph out.
// Targets follow the pipeline: read → segment → extract → store, plus the CLI that runs them.
import PackageDescription

let package = Package(
    name: "NoteGraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "notegraph", targets: ["notegraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // ICU's C API, wrapped so Swift never sees ICU's versioned names or its headers.
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        // libxml2's HTML parser, imported through a shim header that keeps ICU out.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "NoteGraphCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Readers", dependencies: ["NoteGraphCore", "CICU", "CLibXML2"],
                resources: [.copy("Resources")]),
        .target(name: "Segmentation", dependencies: ["NoteGraphCore", "CICU"], resources: [.copy("Resources")]),
        .target(name: "Extraction", dependencies: ["NoteGraphCore", "Segmentation", "CICU"], resources: [.copy("Resources")]),
        .target(name: "GraphStore", dependencies: ["NoteGraphCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Pipeline", dependencies: ["NoteGraphCore", "Readers", "Segmentation", "Extraction", "GraphStore"],
                resources: [.copy("Resources")]),
        .executableTarget(name: "notegraph", dependencies: ["Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Paths to Fixtures/ and ../shared/, scratch folders, and running the built CLI.
        .target(name: "TestSupport", dependencies: ["NoteGraphCore"], path: "Tests/TestSupport"),
        .testTarget(name: "ReadersTests", dependencies: ["Readers", "NoteGraphCore", "TestSupport"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Readers", "NoteGraphCore", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Pipeline", "NoteGraphCore", "TestSupport"]),
        .testTarget(name: "GraphStoreTests", dependencies: ["GraphStore", "NoteGraphCore", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Readers", "Extraction", "GraphStore", "NoteGraphCore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["notegraph", "NoteGraphCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")], resources: [.copy("Resources")]),
    ]
)
