/// Maps offsets in a document's stored (normalised) text back to where they came from in the
/// file, so a reviewer can be shown the line a mention was found on.
///
/// Two layers: `runs` map stored-text UTF-16 offsets to offsets in the reader's text (the decoded
/// file for text notes, the extracted text for HTML); `anchors` map reader-text offsets to a
/// line and column of the source file (every line start for text notes; every text node for
/// HTML, where libxml2 only knows lines, so the column there is 0 = unknown).
public struct SourceMap: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public var textStart: Int32
        public var sourceStart: Int32
        /// true: offsets advance together; false: the whole run maps to `sourceStart` (a segment
        /// normalisation rewrote, such as a full-width form or a folded run of spaces).
        public var linear: Bool
        public init(textStart: Int32, sourceStart: Int32, linear: Bool) {
            self.textStart = textStart; self.sourceStart = sourceStart; self.linear = linear
        }
    }

    public struct Anchor: Sendable, Equatable {
        public var offset: Int32
        public var line: Int32
        public var column: Int32
        public init(offset: Int32, line: Int32, column: Int32) {
            self.offset = offset; self.line = line; self.column = column
        }
    }

    public var runs: [Run]
    public var anchors: [Anchor]

    public init(runs: [Run] = [], anchors: [Anchor] = []) {
        self.runs = runs
        self.anchors = anchors
    }

    /// Builds the runs from a per-unit map (`map[i]` = source offset of text unit i).
    public init(unitMap: ArraySlice<Int32>, anchors: [Anchor]) {
        var runs: [Run] = []
        unitMap.withUnsafeBufferPointer { m in
            var i = 0
            let n = m.count
            while i < n {
                let start = i
                if i + 1 < n, m[i + 1] == m[i] + 1 {
                    while i + 1 < n, m[i + 1] == m[i] + 1 { i += 1 }
                    runs.append(Run(textStart: Int32(start), sourceStart: m[start], linear: true))
                } else {
                    while i + 1 < n, m[i + 1] == m[i] { i += 1 }
                    runs.append(Run(textStart: Int32(start), sourceStart: m[start], linear: i == start))
                }
                i += 1
            }
        }
        self.runs = runs
        self.anchors = anchors
    }

    /// The reader-text offset of a stored-text offset.
    public func sourceOffset(ofText offset: Int) -> Int {
        guard let run = Self.last(runs, atOrBefore: Int32(offset), key: \.textStart) else { return offset }
        return Int(run.linear ? run.sourceStart + (Int32(offset) - run.textStart) : run.sourceStart)
    }

    /// Line and column (1-based; column 0 when unknown) in the source file of a stored-text offset.
    public func location(ofText offset: Int) -> (line: Int, column: Int) {
        let source = Int32(sourceOffset(ofText: offset))
        guard let anchor = Self.last(anchors, atOrBefore: source, key: \.offset) else { return (1, 0) }
        let column = anchor.column == 0 ? 0 : Int(anchor.column + (source - anchor.offset))
        return (Int(anchor.line), column)
    }

    private static func last<T>(_ items: [T], atOrBefore value: Int32, key: KeyPath<T, Int32>) -> T? {
        var lo = 0, hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if items[mid][keyPath: key] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? items[lo - 1] : nil
    }
}
