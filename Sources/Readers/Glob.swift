/// Shell-style path globs for pipeline.json: `*` and `?` stay within one folder, `**` crosses
/// folders. A glob without a slash matches the file name alone.
enum Glob {
    static func matches(_ glob: String, _ path: String) -> Bool {
        let g = Array(glob.unicodeScalars), p = Array(path.unicodeScalars)
        if !glob.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return match(g[...], Array(name.unicodeScalars)[...])
        }
        // A relative glob may match any suffix of the path that starts at a folder boundary.
        if match(g[...], p[...]) { return true }
        if !glob.hasPrefix("/") {
            for (i, c) in p.enumerated() where c == "/" && match(g[...], p[(i + 1)...]) { return true }
        }
        return false
    }

    private static func match(_ g: ArraySlice<Unicode.Scalar>, _ p: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = g.first else { return p.isEmpty }
        if first == "*" {
            let doubleStar = g.dropFirst().first == "*"
            var rest = g.dropFirst(doubleStar ? 2 : 1)
            if doubleStar, rest.first == "/" {
                // `**/` also matches no folder at all.
                if match(rest.dropFirst(), p) { return true }
                rest = g.dropFirst(2)
            }
            var i = p.startIndex
            while true {
                if match(rest, p[i...]) { return true }
                if i == p.endIndex || (!doubleStar && p[i] == "/") { return false }
                i += 1
            }
        }
        guard let c = p.first else { return false }
        if first == "?" ? c != "/" : first == c { return match(g.dropFirst(), p.dropFirst()) }
        return false
    }
}
