import NoteGraphCore

extension Item {
    /// Where a mention of this item points: a figure's core (its match without the modifier
    /// words at its edges, set by `FigureReading`), else the whole match.
    public var core: (start: Int32, end: Int32) {
        if let c = value["core"]?.arrayValue?.compactMap(\.doubleValue), c.count == 2 { return (Int32(c[0]), Int32(c[1])) }
        return (start, end)
    }
}
