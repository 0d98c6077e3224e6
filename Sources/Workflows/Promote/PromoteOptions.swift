import Foundation
import Topology

/// What `mlopsctl promote` was asked to do.
public struct PromoteOptions: Sendable, Equatable {
    /// Which model package to serve.
    public enum PackageChoice: Sendable, Equatable {
        /// This ARN, which must belong to the project's group.
        case explicit(String)
        /// The newest Approved package of the group (with `approve`: the newest package, approved if pending).
        case latestApproved
    }

    public var project: String
    public var target: Stage
    public var package: PackageChoice
    /// Set a PendingManualApproval package to Approved, naming the operator.
    public var approve: Bool
    /// Deploy without the previous stage serving the package; needs `reason`.
    public var skipGate: Bool
    public var reason: String?
    /// Promote to prod without typing the prod account id.
    public var yes: Bool
    /// Check everything and plan the stack (would create / update / nothing), but change nothing.
    public var dryRun: Bool

    public init(
        project: String, target: Stage, package: PackageChoice = .latestApproved, approve: Bool = false, skipGate: Bool = false,
        reason: String? = nil, yes: Bool = false, dryRun: Bool = false
    ) {
        self.project = project
        self.target = target
        self.package = package
        self.approve = approve
        self.skipGate = skipGate
        self.reason = reason
        self.yes = yes
        self.dryRun = dryRun
    }

    /// Flag combinations that make no sense, each naming the flag to fix; checked before any AWS call.
    public var problems: [String] {
        var problems: [String] = []
        if skipGate, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("--skip-gate needs --reason TEXT saying why the \(target.rawValue) gate is skipped (it is kept in the ledger)")
        }
        if !skipGate, reason != nil { problems.append("--reason only goes with --skip-gate") }
        if skipGate, target == .dev { problems.append("--skip-gate: dev has no gate to skip") }
        if case .explicit(let arn) = package,
            arn.range(of: #"^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package/[^/]+/\d+$"#, options: .regularExpression) == nil
        {
            problems.append("--model-package '\(arn)' is not a versioned model package ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)")
        }
        return problems
    }
}

/// Bad input, a package that may not be served, a closed gate or a missing confirmation: found before any change.
public struct PromoteError: Error, CustomStringConvertible, Sendable, Equatable {
    public let problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public init(_ problem: String) { self.problems = [problem] }
    public var description: String {
        ProblemList.describe(problems) { "\($0) problems:" }
    }
}
