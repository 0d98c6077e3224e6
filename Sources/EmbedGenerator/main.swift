import Foundation

// Build-time generator run by the EmbedFiles plugin (never shipped): writes Swift sources that carry files or the
// git commit (and the day it was built) inside the mlopsctl executable. Usage:
//   EmbedGenerator files --type NAME --root DIR --output FILE.swift [--exclude PATTERN]... [--] PATH...
//   EmbedGenerator commit --output FILE.swift [--git-dir DIR --common-dir DIR]   (no folders: not a git checkout)
do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let mode = arguments.first else { throw GeneratorError("usage: EmbedGenerator files|commit …") }
    let options = try GeneratorOptions(Array(arguments.dropFirst()))
    let source: String
    switch mode {
    case "files":
        source = try FileEmbedding(options: options).render()
    case "commit":
        var commit: String?
        if let gitDir = options.gitDir {
            commit = GitCommit.resolve(gitDir: URL(fileURLWithPath: gitDir), commonDir: URL(fileURLWithPath: options.commonDir ?? gitDir))
        }
        source = CommitEmbedding(commit: commit, buildDate: BuildDate.today()).render()
    default:
        throw GeneratorError("unknown mode \(mode); use files or commit")
    }
    try GeneratedFile.write(source, to: URL(fileURLWithPath: try options.required("output", options.output)))
} catch {
    FileHandle.standardError.write(Data("EmbedGenerator: error: \(error)\n".utf8))
    exit(1)
}
