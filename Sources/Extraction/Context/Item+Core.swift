import NoteGraphCore

extension Item {
    /// Where a mention of this item points: a figure's core (its match without the modifier
    /// words at its edges, set by `FigureReading`), else the whole match.
    ///
    /// Read in place: the numbers of `core` counted without building an array of them (a
    /// `compactMap` allocated one at every company mention). As before, `core` counts when
    /// exactly two of its elements are numbers.
    public var core: (start: Int32, end: Int32) {
        guard case let .object(fields) = value else { return (start, end) }
        for i in fields.indices where fields[i].0 == "core" {
            guard case let .array(elements) = fields[i].1 else { return (start, end) }
            var numbers = 0
            var bounds: (Double, Double) = (0, 0)
            for element in elements {
                guard let d = element.doubleValue else { continue }
                if numbers == 0 { bounds.0 = d } else if numbers == 1 { bounds.1 = d }
                numbers += 1
            }
            return numbers == 2 ? (Int32(bounds.0), Int32(bounds.1)) : (start, end)
        }
        return (start, end)
    }
}
