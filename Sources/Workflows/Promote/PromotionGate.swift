import Foundation
import Topology

/// The order a package moves through the stages: preprod only after dev serves it, prod only after preprod.
public enum PromotionGate {
    /// The stage that must serve the package before `target` may; nil for dev.
    public static func previous(_ target: Stage) -> Stage? {
        switch target {
        case .dev, .governance: return nil
        case .preprod: return .dev
        case .prod: return .preprod
        }
    }

    /// Throws unless the previous stage serves `packageArn` (`live` says what a stage serves, nil for nothing) or the
    /// gate is skipped (the options were checked to carry a reason).
    public static func check(
        target: Stage, packageArn: String, skipGate: Bool, live: (Stage) async throws -> String?
    ) async throws {
        guard let previous = previous(target), !skipGate else { return }
        let serving = try await live(previous)
        guard serving != packageArn else { return }
        let what = serving.map { "serves \($0)" } ?? "serves no package"
        throw PromoteError(
            "\(target.rawValue) gate: \(previous.rawValue) \(what), not \(packageArn); promote it to \(previous.rawValue) first, "
                + "or pass --skip-gate --reason TEXT")
    }
}

/// Promoting to prod is confirmed by typing the prod account id on a terminal, or by `--yes` elsewhere.
public enum ProdConfirmation {
    /// - Parameters:
    ///   - isInteractive: stdin is a TTY.
    ///   - ask: shows the question and returns the typed answer (nil at end of input).
    public static func confirm(
        target: StageConfig, yes: Bool, isInteractive: Bool, ask: (String) -> String?
    ) throws {
        guard target.stage == .prod, !yes else { return }
        guard isInteractive else {
            throw PromoteError("promoting to prod needs confirmation: pass --yes when stdin is not a terminal")
        }
        let answer = ask("Type the prod account id (\(target.account)) to deploy to prod")?.trimmingCharacters(in: .whitespaces)
        guard answer == target.account else {
            throw PromoteError("prod confirmation failed: '\(answer ?? "")' is not the prod account id; nothing was changed")
        }
    }
}
