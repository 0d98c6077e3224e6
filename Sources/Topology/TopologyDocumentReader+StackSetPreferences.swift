import Yams

/// `organization.preferences`: the StackSets operation preferences, checked against the API's own rules so a bad
/// value is refused before any stack set operation starts.
extension TopologyDocumentReader {
    mutating func readPreferences(_ node: Node) -> StackSetPreferences {
        var preferences = StackSetPreferences.defaults
        let base = "organization.preferences"
        guard let fields = mapping(node, at: base) else { return preferences }
        checkKeys(of: fields, at: base, known: TopologyKeys.preferences)

        // Each pair is a count or a percentage: writing either replaces the default percentage; writing both is refused.
        func pair(_ countKey: String, _ percentageKey: String) -> (count: Node?, percentage: Node?) {
            (fields[countKey], fields[percentageKey])
        }
        let concurrent = pair("maxConcurrentCount", "maxConcurrentPercentage")
        if let countNode = concurrent.count {
            preferences.maxConcurrentPercentage = nil
            preferences.maxConcurrentCount = integer(countNode, at: "\(base).maxConcurrentCount", in: 1...Int.max)
        }
        if let percentageNode = concurrent.percentage {
            if concurrent.count != nil {
                report("\(base).maxConcurrentPercentage", "set maxConcurrentCount or maxConcurrentPercentage, not both", percentageNode)
            } else {
                preferences.maxConcurrentPercentage = integer(percentageNode, at: "\(base).maxConcurrentPercentage", in: 1...100)
            }
        }
        let tolerance = pair("failureToleranceCount", "failureTolerancePercentage")
        if let countNode = tolerance.count {
            preferences.failureTolerancePercentage = nil
            preferences.failureToleranceCount = integer(countNode, at: "\(base).failureToleranceCount", in: 0...Int.max)
        }
        if let percentageNode = tolerance.percentage {
            if tolerance.count != nil {
                report("\(base).failureTolerancePercentage", "set failureToleranceCount or failureTolerancePercentage, not both", percentageNode)
            } else {
                preferences.failureTolerancePercentage = integer(percentageNode, at: "\(base).failureTolerancePercentage", in: 0...100)
            }
        }
        if let valueNode = fields["regionConcurrency"], let value = string(valueNode, at: "\(base).regionConcurrency") {
            switch value {
            case "parallel", StackSetPreferences.RegionConcurrency.parallel.rawValue: preferences.regionConcurrency = .parallel
            case "sequential", StackSetPreferences.RegionConcurrency.sequential.rawValue: preferences.regionConcurrency = .sequential
            default: report("\(base).regionConcurrency", "expected parallel or sequential, got \(TopologyFormats.quoted(value))", valueNode)
            }
        }
        if let valueNode = fields["concurrencyMode"], let value = string(valueNode, at: "\(base).concurrencyMode") {
            switch value {
            case "soft", StackSetPreferences.ConcurrencyMode.softFailureTolerance.rawValue: preferences.concurrencyMode = .softFailureTolerance
            case "strict", StackSetPreferences.ConcurrencyMode.strictFailureTolerance.rawValue: preferences.concurrencyMode = .strictFailureTolerance
            default: report("\(base).concurrencyMode", "expected strict or soft, got \(TopologyFormats.quoted(value))", valueNode)
            }
        }
        if let orderNode = fields["regionOrder"] {
            preferences.regionOrder = readRegionList(orderNode, at: "\(base).regionOrder", allowEmpty: true)
        }
        // AWS refuses a strict operation that would run more accounts at once than may fail plus one; with percentages
        // it resolves the numbers itself, so only two counts can be checked here.
        if preferences.concurrencyMode == .strictFailureTolerance, let count = preferences.maxConcurrentCount,
           let tolerance = preferences.failureToleranceCount, count > tolerance + 1 {
            report("\(base).maxConcurrentCount", "is \(count); with concurrencyMode strict it may be at most failureToleranceCount "
                + "+ 1 (\(tolerance + 1)); lower it, raise failureToleranceCount, or use concurrencyMode soft", fields["maxConcurrentCount"])
        }
        return preferences
    }

    /// A plain whole number within `range`.
    private mutating func integer(_ node: Node, at path: String, in range: ClosedRange<Int>) -> Int? {
        let expected = range.upperBound == .max ? "a whole number of at least \(range.lowerBound)"
            : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let scalar = node.scalar, scalar.style == .plain, let value = Self.plainInteger(scalar.string), range.contains(value) else {
            report(path, "expected \(expected), got \(describe(node))", node)
            return nil
        }
        return value
    }
}
