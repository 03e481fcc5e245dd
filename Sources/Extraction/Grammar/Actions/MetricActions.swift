import NoteGraphCore

/// Actions of the `metric` dimension: what a figure measures. Values: `{"metric": name}`. The
/// words are the rules'; the context stage attaches the nearest metric to each figure.
enum MetricActions {
    static let all: [GrammarAction] = [
        GrammarAction("metric.name", dimension: "metric",
                      summary: "the match names the metric given as arguments (joined by spaces): `metric.name gross margin`",
                      checkArguments: { $0.isEmpty ? "takes the metric's canonical name" : nil }) { input in
            .object([("metric", .string(input.arguments.joined(separator: " ")))])
        },
    ]
}
