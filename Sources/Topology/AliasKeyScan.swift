/// Finds a YAML alias used as a mapping key (`*big: x`, `{ *big, … }`, `? *big`) before Yams composes the file.
/// Yams hashes every mapping key to find duplicates, and an alias key is hashed expanded: a few lines of nested
/// anchors ("billion laughs") then take minutes. A topology never needs one, so such a file is refused at once.
/// The scan reads the text the way YAML tokenizes it (quoted scalars, comments, flow brackets); a `*` inside a
/// plain scalar (`a*b`) is not an alias.
enum AliasKeyScan {
    /// The first alias in a key position, with its 1-based line; nil when there is none.
    static func firstAliasKey(in text: String) -> (alias: String, line: Int)? {
        let characters = Array(text)
        var index = 0
        var line = 1
        var flow: [Character] = []  // open `{` / `[` brackets
        var entryStart = false      // right after `{`, `[` or `,` (only whitespace since)
        var tokenStart = true       // at the start of a token (line start, after whitespace or an indicator)
        var explicitKey = false     // after `? ` on this line, in block context
        // Inside a plain scalar on this line (`version# "x: 1`): a quote or bracket there is text, not the start of a
        // quoted scalar or collection, so it must not hide what follows up to the next `"` (a fuzzer-found billion
        // laughs). A `*` there is still checked, which can only refuse more, never less.
        var inPlain = false
        func peekPastSpaces(from position: Int) -> Character? {
            var next = position
            while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
            return next < characters.count ? characters[next] : nil
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\n":
                line += 1
                tokenStart = true
                explicitKey = false
                inPlain = false
                index += 1
                continue
            case " ", "\t", "\r":
                tokenStart = true
                index += 1
                continue
            case "#" where tokenStart:
                inPlain = false
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case ":" where index + 1 >= characters.count || " \t\r\n".contains(characters[index + 1])
                || (!flow.isEmpty && ",[]{}".contains(characters[index + 1])):
                inPlain = false  // `: ` ends a plain key; what follows is a value's first token
                tokenStart = true
                entryStart = false
                index += 1
                continue
            case "'" where tokenStart && !inPlain, "\"" where tokenStart && !inPlain:
                index += 1
                while index < characters.count {
                    if characters[index] == "\n" { line += 1 }
                    if character == "\"" && characters[index] == "\\" { index += 2; continue }
                    if characters[index] == character {
                        if character == "'" && index + 1 < characters.count && characters[index + 1] == "'" { index += 2; continue }
                        break
                    }
                    index += 1
                }
                index += 1
                entryStart = false
                tokenStart = false
                continue
            case "{", "[":
                if (tokenStart && !inPlain) || !flow.isEmpty {
                    inPlain = false
                    flow.append(character)
                    entryStart = true
                    tokenStart = true
                    index += 1
                    continue
                }
            case "}", "]":
                if !flow.isEmpty {
                    inPlain = false
                    flow.removeLast()
                    entryStart = false
                    tokenStart = true
                    index += 1
                    continue
                }
            case "," where !flow.isEmpty:
                inPlain = false
                entryStart = true
                tokenStart = true
                index += 1
                continue
            case "?" where tokenStart && flow.isEmpty && (peekPastSpaces(from: index + 1) != nil):
                explicitKey = characters.count > index + 1 && (characters[index + 1] == " " || characters[index + 1] == "\t")
                index += 1
                continue
            case "-" where tokenStart && flow.isEmpty && index + 1 < characters.count && (characters[index + 1] == " " || characters[index + 1] == "\t"):
                index += 1
                continue
            case "*" where tokenStart:
                var end = index + 1
                // libyaml's anchor names: letters, digits, `-` and `_`.
                while end < characters.count, characters[end].isASCII && (characters[end].isLetter || characters[end].isNumber || "-_".contains(characters[end])) {
                    end += 1
                }
                let alias = String(characters[index..<end])
                let next = peekPastSpaces(from: end)
                let followedByColon = next == ":"
                let inFlowMapping = flow.last == "{"
                // A whole value ends at the line's end, a `,`, a closing bracket or a comment; anything else after an
                // alias (`*h prod: x`) makes it part of a key, which Yams would hash expanded too.
                let endsValue = next.map { ["\r", "\n", ",", "]", "}", "#"].contains($0) } ?? true
                if alias.count > 1 && (followedByColon || explicitKey || (inFlowMapping && entryStart) || !endsValue) { return (alias, line) }
                index = end
                entryStart = false
                tokenStart = false
                continue
            default:
                inPlain = true
            }
            entryStart = false
            tokenStart = false
            index += 1
        }
        return nil
    }
}
