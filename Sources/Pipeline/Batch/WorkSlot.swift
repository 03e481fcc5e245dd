import NoteGraphCore

/// One file's work in a batch, written by the one worker that runs a stage on it.
final class WorkSlot: @unchecked Sendable {
    var result: Result<DocumentWork, Error>

    init(_ work: DocumentWork) { result = .success(work) }

    func run(_ stage: Stage) {
        guard case var .success(work) = result else { return }
        // Moved out and back so the stage mutates the one copy.
        result = .failure(InternalError("pipeline", "stage \(stage.name) did not finish"))
        do {
            try stage.run(&work)
            result = .success(work)
        } catch {
            result = .failure(error)
        }
    }
}
