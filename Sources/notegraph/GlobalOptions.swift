import ArgumentParser
import GraphStore
import Pipeline

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The graph store (default: .notegraph/graph.sqlite; $NOTEGRAPH_STORE overrides).")
    var store: String?

    @Option(name: .long, help: "The pipeline configuration (default: ./pipeline.json, built-in defaults when absent).")
    var config: String?

    func settings() throws -> PipelineSettings { try PipelineSettings.load(path: config) }

    func openStore(_ settings: PipelineSettings) throws -> SQLiteGraphStore {
        try SQLiteGraphStore(path: settings.resolveStorePath(option: store))
    }
}
